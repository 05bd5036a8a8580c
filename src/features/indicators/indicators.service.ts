import type { Db } from '../../platform/db/types.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import type { Breakdown, GeographyLevel, IndicatorUnit, PeriodType } from './indicators.tables.ts'
import { canWriteIndicator } from './indicators.policy.ts'
import * as repo from './indicators.repo.ts'
import { areaLookup } from './parse/areas.ts'
import { yearOf } from './parse/periods.ts'
import type { IndicatorMeta } from './parse/types.ts'
import { membersOf, per100000, populationFor, populationTable } from './per-capita.ts'

const KEY = /^[a-z0-9][a-z0-9_]{1,62}$/

/** An indicator by its key. @throws NotFoundError */
export async function loadIndicator(db: Db, key: string): Promise<repo.Indicator> {
  const indicator = KEY.test(key) ? await repo.findIndicatorByKey(db, key) : undefined
  if (!indicator) throw new NotFoundError()
  return indicator
}

/** An indicator the actor may write observations of. @throws NotFoundError, ForbiddenError */
export async function loadWritableIndicator(db: Db, actor: Actor | undefined, key: string): Promise<repo.Indicator> {
  const indicator = await loadIndicator(db, key)
  if (!canWriteIndicator(actor, indicator)) throw new ForbiddenError()
  return indicator
}

export const metaOf = (i: repo.Indicator): IndicatorMeta => ({ key: i.key, name: i.name, unit: i.unit, periodType: i.periodType, breakdowns: i.breakdowns })

/** One observation as every reader gets it: a suppressed cell has no value and no rate. */
export interface SeriesObservation {
  areaCode: string
  period: string
  breakdown: string
  value: number | null
  suppressed: boolean
  /** Per 100 000 inhabitants, for indicators that have it and where a population is known. */
  per100000: number | null
  /** The year whose population the rate used (the same year, or the nearest one there is). */
  populationYear: number | null
  baseN: number | null
  ciLow: number | null
  ciHigh: number | null
  preliminary: boolean
  synthetic: boolean
}

export interface IndicatorSeries {
  indicator: {
    key: string
    name: string
    definition: string
    unit: IndicatorUnit
    source: string
    attribution: string
    sourceUrl: string | null
    geographyLevel: GeographyLevel
    periodType: PeriodType
    breakdowns: Breakdown[]
    hasPerCapita: boolean
    higherIsBetter: boolean
  }
  /** The requested areas with their names ("Linköping", "Östergötlands län", "Hela landet"). */
  areas: { code: string; name: string }[]
  observations: SeriesObservation[]
}

/** Adds per 100 000 inhabitants to observations of an indicator that has it. */
export async function withPerCapita(db: Db, indicator: repo.Indicator, rows: repo.StoredObservation[]): Promise<SeriesObservation[]> {
  let rate: (areaCode: string, period: string, value: number) => { per100000: number; populationYear: number } | undefined = () => undefined
  if (indicator.hasPerCapita && rows.length) {
    const { countyOf } = await repo.areaSource(db)
    const areas = [...new Set(rows.map((r) => r.areaCode))]
    const members = new Map(areas.map((a) => [a, membersOf(a, countyOf)]))
    const needed = [...new Set([...members.values()].flat())]
    const table = populationTable(await repo.populations(db, areas.includes('00') ? undefined : needed))
    rate = (area, period, value) => {
      const pop = populationFor(members.get(area) ?? [], yearOf(period), table)
      return pop ? { per100000: per100000(value, pop.population), populationYear: pop.year } : undefined
    }
  }
  return rows.map((o) => {
    const r = o.suppressed || o.value === null ? undefined : rate(o.areaCode, o.period, o.value)
    return {
      areaCode: o.areaCode,
      period: o.period,
      breakdown: o.breakdown,
      value: o.suppressed ? null : o.value,
      suppressed: o.suppressed,
      per100000: r?.per100000 ?? null,
      populationYear: r?.populationYear ?? null,
      baseN: o.baseN,
      ciLow: o.suppressed ? null : o.ciLow,
      ciHigh: o.suppressed ? null : o.ciHigh,
      preliminary: o.preliminary,
      synthetic: o.synthetic,
    }
  })
}

const describe = (i: repo.Indicator): IndicatorSeries['indicator'] => ({
  key: i.key,
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  source: i.source,
  attribution: i.attribution,
  sourceUrl: i.sourceUrl,
  geographyLevel: i.geographyLevel,
  periodType: i.periodType,
  breakdowns: i.breakdowns,
  hasPerCapita: i.hasPerCapita,
  higherIsBetter: i.higherIsBetter,
})

/**
 * An indicator and its observations for some areas (and periods, when given), with per 100 000
 * inhabitants and suppression applied: what the lägesbild and other features show. Undefined when
 * there is no indicator with that key. Aggregate observations are public: no actor is needed.
 */
export async function indicatorSeries(deps: Pick<Deps, 'db'>, key: string, areaCodes: string[], periods?: string[]): Promise<IndicatorSeries | undefined> {
  const indicator = KEY.test(key) ? await repo.findIndicatorByKey(deps.db, key) : undefined
  if (!indicator) return undefined
  const rows = await repo.observationsOf(deps.db, indicator.id, { areas: areaCodes, periods })
  const names = areaLookup(await repo.areaSource(deps.db))
  return {
    indicator: describe(indicator),
    areas: areaCodes.map((code) => ({ code, name: names.nameOf(code) ?? code })),
    observations: await withPerCapita(deps.db, indicator, rows),
  }
}

/**
 * Every indicator with figures for a municipality, each with its county and the country beside it
 * (the "Lägesbild – underlag" page): the indicators that have no observation for it are left out.
 */
export async function indicatorsForMunicipality(deps: Pick<Deps, 'db'>, municipalityCode: string, countyCode: string): Promise<IndicatorSeries[]> {
  const out: IndicatorSeries[] = []
  for (const i of await repo.listIndicators(deps.db)) {
    const series = await indicatorSeries(deps, i.key, [municipalityCode, countyCode, '00'])
    if (series?.observations.some((o) => o.areaCode === municipalityCode)) out.push(series)
  }
  return out
}

/** Every indicator's key and name, for pickers in other features (the lägesbild's figures). */
export async function listIndicatorChoices(deps: Pick<Deps, 'db'>): Promise<{ key: string; name: string }[]> {
  return (await repo.listIndicators(deps.db)).map((i) => ({ key: i.key, name: i.name }))
}

/**
 * Every indicator with all its observations, per 100 000 inhabitants and suppression applied exactly
 * as the public API gives them (a suppressed item has no value and no rate): the open data (issue 10 §7).
 */
export async function allObservations(
  deps: Pick<Deps, 'db'>,
): Promise<{ indicators: { indicator: IndicatorSeries['indicator']; observations: SeriesObservation[] }[]; areaName: (code: string) => string | undefined }> {
  const names = areaLookup(await repo.areaSource(deps.db))
  const indicators: { indicator: IndicatorSeries['indicator']; observations: SeriesObservation[] }[] = []
  for (const i of await repo.listIndicators(deps.db)) {
    const rows = await repo.observationsOf(deps.db, i.id)
    if (rows.length) indicators.push({ indicator: describe(i), observations: await withPerCapita(deps.db, i, rows) })
  }
  return { indicators, areaName: (code) => names.nameOf(code) }
}
