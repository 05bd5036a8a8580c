import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import * as repo from './methods.repo.ts'
import { CAUSE_SIDES, EFFECT_LEVELS } from './methods.tables.ts'
import { filtersOf } from './methods.schemas.ts'

const ContactJson = z.object({
  organisation: z.string().describe('The municipality that uses the method.'),
  municipality_code: z.string().nullable(),
  contact: z.string().describe('Whom to ask, as a role (never a person’s name).'),
  since_year: z.number().int().nullable(),
})

const MethodJson = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  problem_types: z.array(z.string()).describe('Free labels of the problems the method addresses.'),
  cause_sides: z.array(z.enum(CAUSE_SIDES)).describe('The legs of Brå’s fishbone the method acts on: victim, offender, place.'),
  effect_level: z.enum(EFFECT_LEVELS).describe('What is known of its effect, as the county administrative board judges it.'),
  effect_text: z.string(),
  source: z.string(),
  source_url: z.string().nullable(),
  example: z.boolean().describe('Demo data, not a real assessment.'),
  contacts: z.array(ContactJson),
  updated_at: z.string(),
})

const MethodsQuery = z.object({
  problem_type: z.string().max(100).optional().describe('Only methods addressing this problem type (as listed in problem_types, case-insensitive).'),
  side: z.enum(CAUSE_SIDES).optional(),
  effect: z.enum(EFFECT_LEVELS).optional(),
})

const collator = new Intl.Collator('sv')

/** The library as JSON (issue 10 §3 and §7): curated methods only, exactly what an anonymous visitor sees. */
export function methodsApi(app: FastifyInstance, deps: Deps) {
  deps.api.route<z.infer<typeof MethodsQuery>>(
    app,
    {
      method: 'GET',
      url: '/api/v1/methods',
      policy: 'public',
      summary: 'The library of methods',
      description:
        'Every curated method with what it addresses, what is known of its effect, its source and the municipalities that use it. Proposals are not included.',
      tags: ['methods'],
      query: MethodsQuery,
      response: z.object({ items: z.array(MethodJson) }),
    },
    async (_req, { query }) => {
      const f = filtersOf({ problemType: query.problem_type, side: query.side, effect: query.effect })
      const lower = f.problemType?.toLocaleLowerCase('sv')
      const rows = (await repo.listMethods(deps.db, { allNonCurated: false, ownOrganisations: [] }))
        .filter((m) => m.status === 'curated')
        .filter((m) => !lower || m.problemTypes.some((p) => p.toLocaleLowerCase('sv') === lower))
        .filter((m) => !f.side || m.causeSides.includes(f.side))
        .filter((m) => !f.effect || m.effectLevel === f.effect)
        .sort((a, b) => collator.compare(a.name, b.name))
      const items = []
      for (const m of rows) {
        const contacts = (await repo.listContacts(deps.db, m.id)).sort((a, b) => collator.compare(a.organisationName, b.organisationName))
        items.push({
          id: m.id,
          slug: m.slug,
          name: m.name,
          summary: m.summary,
          problem_types: m.problemTypes,
          cause_sides: m.causeSides,
          effect_level: m.effectLevel,
          effect_text: m.effectText,
          source: m.source,
          source_url: m.sourceUrl,
          example: m.isExample,
          contacts: contacts.map((c) => ({
            organisation: c.organisationName,
            municipality_code: c.municipalityCode,
            contact: c.contact,
            since_year: c.sinceYear,
          })),
          updated_at: m.updatedAt.toISOString(),
        })
      }
      return { items }
    },
  )
}
