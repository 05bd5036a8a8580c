import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { counties, municipalities, organisations } from '../organisations/organisations.tables.ts'
import { areaPopulations, indicators, observationImports, observations } from './indicators.tables.ts'
import type { AreaSource } from './parse/areas.ts'
import type { ParsedObservation } from './parse/types.ts'
import type { PopulationRow } from './parse/population.ts'

export type Indicator = typeof indicators.$inferSelect
export type Observation = typeof observations.$inferSelect
export type ObservationImport = typeof observationImports.$inferSelect

/** The file name the demo's synthetic observations are stored under: what the pages label "Syntetiska demodata". */
export const SYNTHETIC_FILE_NAME = 'Syntetiska demodata'

export const listIndicators = (db: Db) => db.select().from(indicators).orderBy(asc(indicators.source), asc(indicators.name))

export async function findIndicatorByKey(db: Db, key: string): Promise<Indicator | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.key, key))
  return row
}

/** Municipalities, their formal names (the organisations') and the counties, for matching names in files. */
export interface AreaRows extends AreaSource {
  municipalities: { code: string; name: string; countyCode: string }[]
  countyOf: Map<string, string>
}

export async function areaSource(db: Db): Promise<AreaRows> {
  // One after the other: `db` is often a transaction, whose one connection must not get overlapping
  // queries (node-postgres warns, and pg@9 will refuse).
  const ms = await db.select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode }).from(municipalities)
  const formal = await db
    .select({ code: organisations.municipalityCode, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), sql`${organisations.municipalityCode} is not null`))
  const cs = await db.select({ code: counties.code, name: counties.name }).from(counties)
  return {
    municipalities: ms,
    formalNames: formal.map((f) => ({ code: f.code!, name: f.name })),
    counties: cs,
    countyOf: new Map(ms.map((m) => [m.code, m.countyCode])),
  }
}

export interface StoredObservation extends Observation {
  /** Stored by the demo's synthetic generator. */
  synthetic: boolean
}

/** An indicator's observations, for some areas and periods (all when not given), in period and area order. */
export async function observationsOf(
  db: Db,
  indicatorId: string,
  filter: { areas?: string[]; periods?: string[]; breakdown?: string } = {},
): Promise<StoredObservation[]> {
  const where = [eq(observations.indicatorId, indicatorId)]
  if (filter.areas) where.push(inArray(observations.areaCode, filter.areas.length ? filter.areas : ['']))
  if (filter.periods) where.push(inArray(observations.period, filter.periods.length ? filter.periods : ['']))
  if (filter.breakdown !== undefined) where.push(eq(observations.breakdown, filter.breakdown))
  const rows = await db
    .select({ o: observations, format: observationImports.format, fileName: observationImports.fileName })
    .from(observations)
    .leftJoin(observationImports, eq(observationImports.id, observations.importId))
    .where(and(...where))
    .orderBy(asc(observations.period), asc(observations.areaCode), asc(observations.breakdown))
  return rows.map((r) => ({ ...r.o, synthetic: r.format === 'seed' && r.fileName === SYNTHETIC_FILE_NAME }))
}

/** The areas that have observations of an indicator. */
export async function areasWithObservations(db: Db, indicatorId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ area: observations.areaCode }).from(observations).where(eq(observations.indicatorId, indicatorId))
  return rows.map((r) => r.area).sort()
}

export async function insertImport(tx: Db, values: typeof observationImports.$inferInsert): Promise<ObservationImport> {
  const [row] = await tx.insert(observationImports).values(values).returning()
  return row
}

const CHUNK = 1000

/** Writes observations; a cell that exists (indicator × area × period × breakdown) takes the new value. Returns how many were new. */
export async function upsertObservations(
  tx: Db,
  indicatorId: string,
  importId: string,
  rows: ParsedObservation[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0
  for (let i = 0; i < rows.length; i += CHUNK) {
    const written = await tx
      .insert(observations)
      .values(
        rows.slice(i, i + CHUNK).map((o) => ({
          indicatorId,
          areaCode: o.areaCode,
          period: o.period,
          breakdown: o.breakdown,
          value: o.suppressed ? null : o.value,
          suppressed: o.suppressed,
          baseN: o.baseN,
          ciLow: o.ciLow,
          ciHigh: o.ciHigh,
          preliminary: o.preliminary,
          importId,
        })),
      )
      .onConflictDoUpdate({
        target: [observations.indicatorId, observations.areaCode, observations.period, observations.breakdown],
        set: {
          value: sql`excluded.value`,
          suppressed: sql`excluded.suppressed`,
          baseN: sql`excluded.base_n`,
          ciLow: sql`excluded.ci_low`,
          ciHigh: sql`excluded.ci_high`,
          preliminary: sql`excluded.preliminary`,
          importId: sql`excluded.import_id`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` })
    inserted += written.filter((w) => w.inserted).length
  }
  return { inserted, updated: rows.length - inserted }
}

export const recentImports = (db: Db, indicatorId: string, limit = 10) =>
  db.select().from(observationImports).where(eq(observationImports.indicatorId, indicatorId)).orderBy(desc(observationImports.createdAt)).limit(limit)

/** Population figures of the given municipalities (every municipality when not given). */
export async function populations(db: Db, codes?: string[]) {
  const q = db.select({ code: areaPopulations.municipalityCode, year: areaPopulations.year, population: areaPopulations.population }).from(areaPopulations)
  return codes ? q.where(inArray(areaPopulations.municipalityCode, codes.length ? codes : [''])) : q
}

export async function upsertPopulations(tx: Db, rows: Pick<PopulationRow, 'municipalityCode' | 'year' | 'population'>[], source: string) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insert(areaPopulations)
      .values(rows.slice(i, i + CHUNK).map((r) => ({ municipalityCode: r.municipalityCode, year: r.year, population: r.population, source })))
      .onConflictDoUpdate({
        target: [areaPopulations.municipalityCode, areaPopulations.year],
        set: { population: sql`excluded.population`, source: sql`excluded.source` },
        setWhere: sql`(${areaPopulations.population}, ${areaPopulations.source}) is distinct from (excluded.population, excluded.source)`,
      })
}

/** How many observations each indicator has. */
export async function observationCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: observations.indicatorId, n: sql<number>`count(*)::int` }).from(observations).groupBy(observations.indicatorId)
  return new Map(rows.map((r) => [r.id, Number(r.n)]))
}
