import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { BREAKDOWNS, GEOGRAPHY_LEVELS, INDICATOR_UNITS, PERIOD_TYPES } from './indicators.tables.ts'
import * as repo from './indicators.repo.ts'
import { loadIndicator, type SeriesObservation, withPerCapita } from './indicators.service.ts'

const IndicatorJson = z.object({
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  source: z.string(),
  attribution: z.string().describe('The attribution the source requires beside every use of its figures.'),
  source_url: z.string().nullable(),
  geography_level: z.enum(GEOGRAPHY_LEVELS),
  period_type: z.enum(PERIOD_TYPES),
  breakdowns: z.array(z.enum(BREAKDOWNS)),
  has_per_capita: z.boolean().describe('Values are counts, and per 100 000 inhabitants is given beside them.'),
  higher_is_better: z.boolean(),
})

const ObservationJson = z.object({
  area: z.string().describe("'00' the country, two digits a county, four a kommunkod, or a DeSO code."),
  period: z.string().describe('2024, 2024-T1, 2024-Q2 or 2024-05, as the indicator’s period type says.'),
  breakdown: z.string().describe("'' for everyone, else e.g. 'kon=kvinna' (keys sorted, joined by ';')."),
  suppressed: z.boolean().describe('The source kept the value back (Brå’s “..”): the item has no value and no rate.'),
  value: z.number().optional(),
  per_100000: z.number().nullable().optional().describe('Per 100 000 inhabitants, for indicators that have it; null when no population is known.'),
  population_year: z.number().int().nullable().optional().describe('The year whose population the rate used: the same year, or the nearest one there is.'),
  base_n: z.number().int().nullable().optional(),
  ci_low: z.number().nullable().optional(),
  ci_high: z.number().nullable().optional(),
  preliminary: z.boolean(),
  synthetic: z.boolean().describe('Demo data made up by a seeded generator, not the source’s statistics.'),
})

const ObservationsQuery = z.object({
  area: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{4}[A-C]\d{4})(,(\d{2}|\d{4}|\d{4}[A-C]\d{4}))*$/)
    .optional()
    .describe('One or more area codes separated by commas (0580,05,00); all areas when left out.'),
  period: z
    .string()
    .regex(/^\d{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?(,\d{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?)*$/)
    .optional()
    .describe('One or more periods separated by commas; all when left out.'),
  breakdown: z.string().max(200).optional().describe("Only this breakdown ('' is everyone)."),
})

const indicatorJson = (i: repo.Indicator): z.infer<typeof IndicatorJson> => ({
  key: i.key,
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  source: i.source,
  attribution: i.attribution,
  source_url: i.sourceUrl,
  geography_level: i.geographyLevel,
  period_type: i.periodType,
  breakdowns: i.breakdowns,
  has_per_capita: i.hasPerCapita,
  higher_is_better: i.higherIsBetter,
})

export const observationJson = (o: SeriesObservation, perCapita: boolean): z.infer<typeof ObservationJson> => ({
  area: o.areaCode,
  period: o.period,
  breakdown: o.breakdown,
  suppressed: o.suppressed,
  ...(o.suppressed
    ? {}
    : {
        value: o.value as number,
        ...(perCapita ? { per_100000: o.per100000, population_year: o.populationYear } : {}),
        ci_low: o.ciLow,
        ci_high: o.ciHigh,
      }),
  base_n: o.baseN,
  preliminary: o.preliminary,
  synthetic: o.synthetic,
})

/** The registry and the observations as JSON (issue 9 §2): public statistics, no authentication needed. */
export function indicatorsApi(app: FastifyInstance, deps: Deps) {
  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/indicators',
      policy: 'public',
      summary: 'The indicator registry',
      description: 'Every indicator with its unit, source and required attribution, by source and name.',
      tags: ['indicators'],
      response: z.object({ items: z.array(IndicatorJson) }),
    },
    async () => ({ items: (await repo.listIndicators(deps.db)).map(indicatorJson) }),
  )

  deps.api.route<z.infer<typeof ObservationsQuery>>(
    app,
    {
      method: 'GET',
      url: '/api/v1/indicators/:key/observations',
      policy: 'public',
      summary: 'Observations of one indicator',
      description:
        'Aggregate values per area, period and breakdown, with per 100 000 inhabitants where the indicator has it. A suppressed item carries no value. Show the indicator’s attribution beside every use.',
      tags: ['indicators'],
      query: ObservationsQuery,
      response: z.object({ indicator: IndicatorJson, items: z.array(ObservationJson) }),
    },
    async (req, { query }) => {
      const indicator = await loadIndicator(deps.db, paramsOf(req).key)
      const rows = await repo.observationsOf(deps.db, indicator.id, {
        areas: query.area?.split(','),
        periods: query.period?.split(','),
        breakdown: query.breakdown,
      })
      const items = await withPerCapita(deps.db, indicator, rows)
      return { indicator: indicatorJson(indicator), items: items.map((o) => observationJson(o, indicator.hasPerCapita)) }
    },
  )
}
