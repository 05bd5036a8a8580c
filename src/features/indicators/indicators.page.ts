import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { canWriteIndicator } from './indicators.policy.ts'
import * as repo from './indicators.repo.ts'
import { loadIndicator, type SeriesObservation, withPerCapita } from './indicators.service.ts'
import { COUNTRY_CODE, areaLookup } from './parse/areas.ts'

/** The county the product is set up for (ÖTMB): its municipalities are the areas offered first. */
export const HOME_COUNTY = '05'

export interface IndicatorPageData {
  indicator: repo.Indicator
  area: string
  areaName: string
  areaOptions: { value: string; label: string }[]
  rows: SeriesObservation[]
  comparison: { code: string; name: string; rows: SeriesObservation[] }[]
  imports: repo.ObservationImport[]
  canImport: boolean
}

/**
 * What an indicator's page shows for one area: the county's municipalities, the county and the
 * country to choose from (and any other area that has values), the chosen one's observations, and
 * for a rate the area beside its county and the country. @throws NotFoundError
 */
export async function indicatorPageData(deps: Deps, actor: Actor | undefined, key: string, wanted: string | undefined): Promise<IndicatorPageData> {
  const indicator = await loadIndicator(deps.db, key)
  const source = await repo.areaSource(deps.db)
  const areas = areaLookup(source)
  const withData = await repo.areasWithObservations(deps.db, indicator.id)
  const home = sortBySv(
    source.municipalities.filter((m) => m.countyCode === HOME_COUNTY),
    (m) => m.name,
  ).map((m) => m.code)
  const codes = [...new Set([...home, HOME_COUNTY, COUNTRY_CODE, ...withData])]
  const name = (c: string) => areas.nameOf(c) ?? c
  const areaOptions = codes.map((c) => ({ value: c, label: name(c) }))
  const area =
    wanted && codes.includes(wanted)
      ? wanted
      : (codes.find((c) => withData.includes(c) && /^\d{4}$/.test(c)) ?? codes.find((c) => withData.includes(c)) ?? codes[0])
  const countyOf = source.countyOf.get(area)
  const compared = indicator.hasPerCapita ? [...new Set([area, ...(countyOf ? [countyOf] : []), COUNTRY_CODE])] : [area]
  const all = await withPerCapita(deps.db, indicator, await repo.observationsOf(deps.db, indicator.id, { areas: compared }))
  return {
    indicator,
    area,
    areaName: name(area),
    areaOptions,
    rows: all.filter((o) => o.areaCode === area),
    comparison: compared.map((c) => ({ code: c, name: name(c), rows: all.filter((o) => o.areaCode === c) })),
    imports: await repo.recentImports(deps.db, indicator.id),
    canImport: canWriteIndicator(actor, indicator),
  }
}
