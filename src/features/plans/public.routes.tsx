import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formatNumber } from '../../platform/i18n/format.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { atomFeed } from './atom.ts'
import { periodName } from './period-name.ts'
import { periodByKey } from './periods.ts'
import * as plansRepo from './plans.repo.ts'
import { getPublicPromise, listPublicMunicipalities, listPublications } from './public.service.ts'
import { PublicPromisePage, PublicPromisesPage } from './views/public-promise-pages.tsx'
import { itemName, outputText } from './views/summary-parts.tsx'

const PUBLIC = { config: { policy: 'public' } }

/**
 * The public medborgarlöfte pages (issue 8 §12), for anyone without signing in: only plans the
 * repository query finds public, in force and of that kind; only published summaries.
 */
export function publicPromiseRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/public/medborgarloften', PUBLIC, async (_req, reply) => reply.page(<PublicPromisesPage {...(await listPublicMunicipalities(deps))} />))

  app.get('/public/medborgarloften/:planId', PUBLIC, async (req, reply) =>
    reply.page(<PublicPromisePage data={await getPublicPromise(deps, paramsOf(req).planId)} />),
  )

  /** One entry per published revision of a summary: a correction is news too. */
  app.get('/public/medborgarloften.atom', PUBLIC, async (req, reply) => {
    const base = deps.config.baseUrl
    const publications = await listPublications(deps)
    const items = new Map((await plansRepo.listItemsOfPlans(deps.db, [...new Set(publications.map((p) => p.plan.id))])).map((i) => [i.id, i]))
    const num = (n: number) => formatNumber(n, req.locale)
    const entries = publications.map(({ summary, plan, municipality }) => {
      const period = periodByKey(summary.periodKey)
      const name = period ? req.t(periodName(period).key, periodName(period).params) : summary.periodKey
      const rows = summary.items.map((row) =>
        [
          `${itemName(req.t, items.get(row.itemId))}:`,
          row.status ? `${req.t(`followUp.status.${row.status}`)}.` : '',
          `${req.t('plans.summaries.outputLine', { output: outputText(row, num) })}.`,
          row.text,
        ]
          .filter(Boolean)
          .join(' '),
      )
      return {
        id: `urn:uuid:${summary.id}`,
        title: req.t('plans.public.feedEntry', { municipality, plan: plan.title, period: name, revision: summary.revision }),
        updated: summary.publishedAt ?? summary.updatedAt,
        link: `${base}/public/medborgarloften/${plan.id}#summary-${summary.id}`,
        content: [summary.introduction, ...rows].filter(Boolean).join('\n\n'),
      }
    })
    const xml = atomFeed({
      id: `${base}/public/medborgarloften.atom`,
      title: req.t('plans.public.feedTitle'),
      self: `${base}/public/medborgarloften.atom`,
      alternate: `${base}/public/medborgarloften`,
      author: 'Tillsammans',
      lang: req.locale,
      entries,
      fallbackUpdated: new Date(0),
    })
    return reply.type('application/atom+xml; charset=utf-8').send(xml)
  })
}
