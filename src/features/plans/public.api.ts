import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ENTRY_STATUSES } from './follow-up.tables.ts'
import type { Plan } from './plans.repo.ts'
import { PROMISORS } from './plans.tables.ts'
import { type Summary, getPublicPromise, listPublicMunicipalities } from './public.service.ts'

const Party = z.object({ id: z.uuid(), name: z.string() })

const CitizenPromise = z.object({
  id: z.uuid(),
  title: z.string(),
  municipality: Party,
  police: Party.nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['adopted', 'published']),
  url: z.string(),
})

const PublishedSummary = z.object({
  id: z.uuid(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  introduction: z.string(),
  items: z.array(
    z.object({
      itemId: z.uuid(),
      status: z.enum(ENTRY_STATUSES).nullable(),
      text: z.string(),
      outputValue: z.number().nullable(),
      outputUnit: z.string().nullable(),
    }),
  ),
})

const CitizenPromiseDetail = CitizenPromise.extend({
  summary: z.string(),
  basis: z.string(),
  signatories: z.array(z.object({ role: z.string(), name: z.string(), signedOn: z.string().optional() })),
  focusAreas: z.array(z.object({ id: z.uuid(), title: z.string() })),
  promises: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      promisor: z.enum(PROMISORS).nullable(),
      title: z.string(),
      description: z.string(),
      places: z.string().nullable(),
      target: z.object({ comparator: z.enum(['at_least', 'exactly', 'at_most']), value: z.number(), unit: z.string().nullable() }).nullable(),
      delivered: z.number().nullable().describe('Sum of the outputs in the published summaries (each month counted once); null when none gives a figure.'),
      status: z.enum(ENTRY_STATUSES).nullable().describe('The status in the newest published summary.'),
    }),
  ),
  summaries: z.array(PublishedSummary).describe('Every published revision, newest period and revision first.'),
  history: z.array(z.object({ id: z.uuid(), title: z.string(), periodStart: z.string(), periodEnd: z.string(), url: z.string() })),
})

/** The public medborgarlöften as JSON (issue 8 §12): the same data as the public pages, nothing more. */
export function publicPromiseApi(app: FastifyInstance, deps: Deps) {
  const url = (p: Plan) => `${deps.config.baseUrl}/public/medborgarloften/${p.id}`
  const json = (p: Plan, names: Map<string, string>): z.infer<typeof CitizenPromise> => ({
    id: p.id,
    title: p.title,
    municipality: { id: p.organisationId, name: names.get(p.organisationId) ?? '' },
    police: p.partnerOrganisationId ? { id: p.partnerOrganisationId, name: names.get(p.partnerOrganisationId) ?? '' } : null,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    status: p.status as 'adopted' | 'published',
    url: url(p),
  })
  const summaryJson = (s: Summary): z.infer<typeof PublishedSummary> => ({
    id: s.id,
    periodKey: s.periodKey,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    revision: s.revision,
    publishedAt: s.publishedAt ? s.publishedAt.toISOString() : null,
    introduction: s.introduction,
    items: s.items,
  })

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/public/citizen-promises',
      policy: 'public',
      summary: 'Public medborgarlöften',
      description: 'Every medborgarlöfte with visibility public that is adopted or published, sorted by municipality (Swedish order), newest period first.',
      tags: ['citizen-promises'],
      response: z.object({ items: z.array(CitizenPromise) }),
    },
    async () => {
      const { groups, names } = await listPublicMunicipalities(deps)
      return { items: groups.flatMap((g) => g.plans.map((p) => json(p, names))) }
    },
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/public/citizen-promises/:planId',
      policy: 'public',
      summary: 'One public medborgarlöfte with its promises and published summaries',
      description: 'Promised against delivered comes from the published summaries only. A plan that is not public, or still a draft, is a 404.',
      tags: ['citizen-promises'],
      response: CitizenPromiseDetail,
    },
    async (req) => {
      const d = await getPublicPromise(deps, paramsOf(req).planId)
      return {
        ...json(d.plan, d.names),
        summary: d.plan.summary,
        basis: d.plan.basis,
        signatories: d.plan.signatories,
        focusAreas: d.focusAreas.map((f) => ({ id: f.id, title: f.title })),
        promises: d.promises.map((i) => ({
          id: i.id,
          position: i.position,
          promisor: i.promisor,
          title: i.title,
          description: i.description,
          places: i.places,
          target: i.targetValue === null ? null : { comparator: i.targetComparator ?? 'at_least', value: i.targetValue, unit: i.targetUnit },
          delivered: d.figures.get(i.id)?.delivered ?? null,
          status: d.figures.get(i.id)?.status ?? null,
        })),
        summaries: d.summaries.map(summaryJson),
        history: d.history.map((p) => ({ id: p.id, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, url: url(p) })),
      }
    },
  )
}
