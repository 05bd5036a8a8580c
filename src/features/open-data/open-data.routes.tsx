import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { contentDisposition } from '../../platform/xlsx/xlsx.ts'
import { listPublicCollaborations } from '../collaborations/index.ts'
import { DATASETS } from './datasets.ts'
import { catalogRdf } from './dcat.ts'
import { datasetCsv, readme } from './formats.ts'
import { OpenDataPage } from './views/open-data-page.tsx'

const PUBLIC = { config: { policy: 'public' } }

/**
 * Who publishes the data: the owning party of the public collaboration (the convening länsstyrelse);
 * the collaboration's configured name when no collaboration is public yet.
 */
async function publisherName(deps: Deps): Promise<string> {
  const [first] = (await listPublicCollaborations(deps)).sort((a, b) => a.code.localeCompare(b.code))
  return first?.ownerName ?? deps.config.collaborationName
}

/** The open-data page, the bulk CSV per dataset, the README of every field and the DCAT-AP-SE catalogue. */
export function openDataRoutes(app: FastifyInstance, deps: Deps) {
  // The page only describes the datasets: reading them all on every view would cost as much as every download.
  app.get('/open-data', PUBLIC, async (_req, reply) => reply.page(<OpenDataPage datasets={DATASETS} />))

  for (const d of DATASETS) {
    app.get(`/open-data/${d.key}.csv`, PUBLIC, async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`${d.key}.csv`))
        .send(datasetCsv(d, await d.load(deps))),
    )
  }

  app.get('/open-data/README.txt', PUBLIC, async (_req, reply) => reply.type('text/plain; charset=utf-8').send(readme(DATASETS, deps.config.baseUrl)))

  app.get('/open-data/catalog.rdf', PUBLIC, async (_req, reply) => {
    const name = await publisherName(deps)
    const xml = catalogRdf(DATASETS, { baseUrl: deps.config.baseUrl, publisherName: name, contactName: name, contactEmail: deps.config.openDataContact })
    return reply.type('application/rdf+xml; charset=utf-8').send(xml)
  })
}
