import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { ORGANISATION_KINDS } from './organisations.tables.ts'
import { listCounties, listOrganisations } from './organisations.repo.ts'
import { referenceCacheOf, todayInSweden } from './reference-cache.ts'
import { OrganisationsList, OrganisationsPage } from './views/organisations-page.tsx'
import { renderSharedFragment } from './views/shared-fragment.tsx'

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

/**
 * The organisations page and GET /api/v1/organisations. Both read reference data that changes seldom,
 * kept per process until the database says it changed (decision 006): the sorted rows per filter and
 * day, and the page's list rendered once per language.
 */
export function organisationsRoutes(app: FastifyInstance, deps: Deps) {
  const cache = referenceCacheOf(deps)
  const validToday = (filter: z.infer<typeof ListQuery>) => {
    const today = todayInSweden()
    return cache.get(`rows|${today}|${filter.county ?? ''}|${filter.kind ?? ''}`, async () =>
      sortBySv(await listOrganisations(deps.db, { countyCode: filter.county, kind: filter.kind, validOn: today }), (r) => r.name),
    )
  }

  app.get('/organisations', { config: { policy: 'authenticated' } }, async (req, reply) => {
    const query = ListQuery.catch({}).parse(req.query)
    const key = `page|${req.locale}|${todayInSweden()}|${query.county ?? ''}|${query.kind ?? ''}`
    const listHtml = await cache.get(key, async () => {
      const [rows, counties] = await Promise.all([validToday(query), cache.get('counties', () => listCounties(deps.db))])
      return renderSharedFragment(req.t, req.locale, <OrganisationsList rows={rows} counties={counties} county={query.county} kind={query.kind} />)
    })
    return reply.page(<OrganisationsPage listHtml={listHtml} />)
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
      const rows = await validToday(query)
      return { items: rows.map(({ countyName: _c, ...o }) => o) }
    },
  )
}
