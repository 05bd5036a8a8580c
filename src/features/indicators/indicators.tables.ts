import { sql } from 'drizzle-orm'
import { boolean, char, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'

/** Issue 9 §1: what an indicator's value means. */
export const INDICATOR_UNITS = ['count', 'per_100000', 'percent', 'index', 'mean'] as const
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number]
export const GEOGRAPHY_LEVELS = ['country', 'county', 'municipality', 'police_area', 'deso', 'own_area'] as const
export type GeographyLevel = (typeof GEOGRAPHY_LEVELS)[number]
export const PERIOD_TYPES = ['year', 'tertial', 'quarter', 'month'] as const
export type PeriodType = (typeof PERIOD_TYPES)[number]
export const BREAKDOWNS = ['kon', 'aldersgrupp', 'platstyp', 'tid_pa_dygnet'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/**
 * The indicator registry: Brå's reported offences by type, NTU's and the Medborgarenkät's safety
 * questions, and the county's own. `key` is the stable name used by imports, the CLI and the API.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    unit: text('unit').$type<IndicatorUnit>().notNull(),
    /** Who publishes the figures (Brå, NTU, the municipality's survey). */
    source: text('source').notNull(),
    /** The attribution the source requires beside every use ("Källa: Brå"). */
    attribution: text('attribution').notNull(),
    sourceUrl: text('source_url'),
    geographyLevel: text('geography_level').$type<GeographyLevel>().notNull(),
    periodType: text('period_type').$type<PeriodType>().notNull(),
    breakdowns: jsonb('breakdowns').$type<Breakdown[]>().notNull().default([]),
    /** Values are counts that per 100 000 inhabitants can be computed from (Brå's "Antal"). */
    hasPerCapita: boolean('has_per_capita').notNull().default(false),
    /** A lower value is better (offences) or a higher one (share who feel safe): the charts say which. */
    higherIsBetter: boolean('higher_is_better').notNull().default(false),
    /** The party that curates a county's own indicator; null for national ones. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('indicators_key_key').on(t.key),
    check('indicators_unit_check', sql`${t.unit} in ('count','per_100000','percent','index','mean')`),
    check('indicators_geography_check', sql`${t.geographyLevel} in ('country','county','municipality','police_area','deso','own_area')`),
    check('indicators_period_type_check', sql`${t.periodType} in ('year','tertial','quarter','month')`),
    check('indicators_key_format_check', sql`${t.key} ~ '^[a-z0-9][a-z0-9_]{1,62}$'`),
  ],
)

/** One file (or CLI run) that wrote observations: what the audit trail and "remove this import" point to. */
export const observationImports = pgTable(
  'observation_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    format: text('format').$type<'bra' | 'bra_wide' | 'ntu' | 'long' | 'seed'>().notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('observation_imports_indicator_idx').on(t.indicatorId),
    check('observation_imports_format_check', sql`${t.format} in ('bra','bra_wide','ntu','long','seed')`),
  ],
)

/**
 * A value per indicator × area × period × breakdown cell. `area_code` is '00' for the country, the
 * two-digit county code, the four-digit kommunkod, or a DeSO code. `breakdown` is '' for the whole
 * population or 'kon=kvinna', 'kon=man;aldersgrupp=16-24' (keys sorted). A suppressed cell (Brå's
 * `..`) has no value, never 0.
 */
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    areaCode: text('area_code').notNull(),
    period: text('period').notNull(),
    breakdown: text('breakdown').notNull().default(''),
    value: doublePrecision('value'),
    suppressed: boolean('suppressed').notNull().default(false),
    /** The number of respondents (surveys) the value rests on, where known. */
    baseN: integer('base_n'),
    ciLow: doublePrecision('ci_low'),
    ciHigh: doublePrecision('ci_high'),
    preliminary: boolean('preliminary').notNull().default(false),
    importId: uuid('import_id').references(() => observationImports.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('observations_cell_key').on(t.indicatorId, t.areaCode, t.period, t.breakdown),
    index('observations_area_idx').on(t.areaCode, t.indicatorId),
    check('observations_suppressed_check', sql`(${t.suppressed} and ${t.value} is null) or (not ${t.suppressed} and ${t.value} is not null)`),
    check('observations_interval_check', sql`${t.ciLow} is null or ${t.ciHigh} is null or ${t.ciLow} <= ${t.ciHigh}`),
  ],
)

/** Folkmängd per municipality and year, for "per 100 000 inv." (seeded, importable). */
export const areaPopulations = pgTable(
  'area_populations',
  {
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    source: text('source').notNull().default('SCB'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.year] }), check('area_populations_positive_check', sql`${t.population} > 0`)],
)
