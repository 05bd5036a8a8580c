import type { FastifyInstance, FastifyRequest } from 'fastify'
import { csvText, toCsv } from '../../platform/csv/csv.ts'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { contentDisposition } from '../../platform/xlsx/xlsx.ts'
import * as repo from './indicators.repo.ts'
import { indicatorPageData } from './indicators.page.ts'
import { breakdownLabel } from './display.ts'
import { HelpPage } from './views/help-page.tsx'
import { IndicatorPage } from './views/indicator-page.tsx'
import { ListPage } from './views/list-page.tsx'

const READ = { config: { policy: 'public' } }
const queryArea = (req: FastifyRequest) => {
  const v = (req.query as Record<string, string | string[] | undefined>).area
  return Array.isArray(v) ? v[0] : v
}

/** The registry and each indicator's values: public statistics, readable by everyone. */
export function indicatorRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/indicators', READ, async (_req, reply) => {
    const [all, counts] = await Promise.all([repo.listIndicators(deps.db), repo.observationCounts(deps.db)])
    const groups = new Map<string, (repo.Indicator & { observations: number })[]>()
    for (const i of all) groups.set(i.source, [...(groups.get(i.source) ?? []), { ...i, observations: counts.get(i.id) ?? 0 }])
    return reply.page(<ListPage groups={[...groups].map(([source, indicators]) => ({ source, indicators }))} />)
  })

  app.get('/indicators/help', READ, async (_req, reply) => reply.page(<HelpPage />))

  app.get('/indicators/:key', READ, async (req, reply) => {
    const data = await indicatorPageData(deps, req.actor, paramsOf(req).key, queryArea(req))
    return reply.page(<IndicatorPage {...data} />)
  })

  /** The observations the page shows for the area, as Swedish CSV, with the source's attribution on every row. */
  app.get('/indicators/:key/observations.csv', READ, async (req, reply) => {
    const d = await indicatorPageData(deps, req.actor, paramsOf(req).key, queryArea(req))
    const i = d.indicator
    const t = req.t
    const header = [
      'indikator',
      'omrade',
      'omradesnamn',
      'period',
      'uppdelning',
      'grupp',
      'varde',
      'undertryckt',
      ...(i.hasPerCapita ? ['per_100000', 'befolkningsar'] : []),
      'bas_n',
      'ki_lag',
      'ki_hog',
      'preliminar',
      'kalla',
      'anmarkning',
    ]
    const rows = d.rows.map((o) => [
      i.key,
      csvText(o.areaCode),
      d.areaName,
      csvText(o.period),
      o.breakdown,
      breakdownLabel(t, o.breakdown),
      o.value,
      o.suppressed ? 'ja' : 'nej',
      ...(i.hasPerCapita ? [o.per100000 === null ? null : Math.round(o.per100000 * 10) / 10, o.populationYear] : []),
      o.baseN,
      o.ciLow,
      o.ciHigh,
      o.preliminary ? 'ja' : 'nej',
      i.attribution,
      o.synthetic ? t('indicators.synthetic.title') : '',
    ])
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`${i.key}-${d.area}.csv`))
      .header('cache-control', 'no-cache')
      .send(toCsv(header, rows))
  })
}
