import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { ORGANISATION_KINDS } from './organisations.tables.ts'
import { listCounties, listOrganisations } from './organisations.repo.ts'
import { OrganisationsPage } from './views/organisations-page.tsx'

const ListQuery = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('County code (län), e.g. 05'),
  kind: z.enum(ORGANISATION_KINDS).optional(),
})

const OrganisationResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.uuid().nullable(),
  countyCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
})

/** The organisations page and GET /api/v1/organisations. */
export function organisationsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/organisations', { config: { policy: 'authenticated' } }, async (req, reply) => {
    const query = ListQuery.catch({}).parse(req.query)
    const [rows, counties] = await Promise.all([listOrganisations(deps.db, { countyCode: query.county, kind: query.kind }), listCounties(deps.db)])
    return reply.page(<OrganisationsPage rows={sortBySv(rows, (r) => r.name)} counties={counties} county={query.county} kind={query.kind} />)
  })

  deps.api.route<z.infer<typeof ListQuery>>(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisations',
      policy: 'api.read',
      summary: 'List organisations (parties)',
      description: 'Organisations valid today: länsstyrelser, police units, municipalities, regions and others. Sorted by Swedish collation of the name.',
      tags: ['organisations'],
      query: ListQuery,
      response: z.object({ items: z.array(OrganisationResponse) }),
    },
    async (_req, { query }) => {
      const rows = await listOrganisations(deps.db, { countyCode: query.county, kind: query.kind })
      return { items: sortBySv(rows, (r) => r.name).map(({ countyName: _c, ...o }) => o) }
    },
  )
}
