/**
 * The knowledge base's demo data (issue 9 §3 and "Demo data"): the source document's own survey
 * figures for Linköping 2021, and synthetic Brå counts 2019–2025 for Östergötland's 13
 * municipalities, the county and the country, from a seeded generator so every run writes the same
 * numbers. Written through the long-format import, so they are checked as any file is; idempotent:
 * an indicator that already has this demo import is left alone.
 */
import { and, eq } from 'drizzle-orm'
import { importObservations } from '../../src/features/indicators/import.service.ts'
import { SYNTHETIC_FILE_NAME, findIndicatorByKey } from '../../src/features/indicators/indicators.repo.ts'
import { observationImports } from '../../src/features/indicators/indicators.tables.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { toCsv } from '../../src/platform/csv/csv.ts'

/**
 * Quoted from the tjänsteskrivelse on the programme declaration (Linköpings kommun), section
 * "Jämställdhet": "I Medborgarenkäten uppger bara en av fem (20 %) av kvinnorna att de känner sig
 * trygga på gator och torg medan en av tre (34 %) män uppger detsamma (2021). Män (22 %) i högre grad
 * än kvinnor (7 %) uppger att de känner sig trygga i parker i staden kvällstid (2021)."
 */
export const DOCUMENT_FILE_NAME = 'Medborgarenkäten 2021, enligt Linköpings kommuns tjänsteskrivelse om programförklaringen för ÖTMB'
export const DOCUMENT_FIGURES = [
  { key: 'medborgarenkat_trygg_gator_torg', kon: 'kvinna', value: 20 },
  { key: 'medborgarenkat_trygg_gator_torg', kon: 'man', value: 34 },
  { key: 'medborgarenkat_trygg_parker_kvall', kon: 'kvinna', value: 7 },
  { key: 'medborgarenkat_trygg_parker_kvall', kon: 'man', value: 22 },
] as const

const LONG_HEADER = ['indikator', 'omrade', 'period', 'uppdelning', 'varde']

/** Östergötland's municipalities with their 2024 population (db/seed/data/municipalities.json). */
const OSTERGOTLAND: [string, number][] = [
  ['0509', 5237],
  ['0512', 3626],
  ['0513', 9957],
  ['0560', 5517],
  ['0561', 11467],
  ['0562', 21623],
  ['0563', 7525],
  ['0580', 168035],
  ['0581', 144980],
  ['0582', 14789],
  ['0583', 43505],
  ['0584', 7490],
  ['0586', 28695],
]
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025]

/** Rough national rates per 100 000 inhabitants per offence type, the scale the synthetic counts take. */
const RATES: Record<string, number> = {
  bra_anmalda_brott_totalt: 13500,
  bra_anmalda_vald_misshandel: 850,
  bra_anmalda_stold_tillgrepp: 4300,
  bra_anmalda_skadegorelse: 1600,
  bra_anmalda_narkotikabrott: 900,
}
/** The country as a multiple of the county (about 10,5 million inhabitants against 0,47). */
const COUNTRY_FACTOR = 22.6

/** mulberry32: a small, well-known seeded generator; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The synthetic Brå counts as long-format CSV for one indicator: every municipality and year, the county and the country as sums. */
export function syntheticBraCsv(key: string, seed = 20190501): string {
  const random = mulberry32(seed + key.length * 7919 + key.charCodeAt(12))
  const rows: (string | number)[][] = []
  const county = new Map<number, number>()
  for (const [code, population] of OSTERGOTLAND) {
    // Larger towns report more per inhabitant; each municipality gets its own level and drift.
    const level = (population > 100000 ? 1.25 : population > 20000 ? 0.95 : 0.7) * (0.85 + 0.3 * random())
    const drift = -0.03 + 0.05 * random()
    for (const [i, year] of YEARS.entries()) {
      const noise = 0.92 + 0.16 * random()
      const count = Math.max(0, Math.round(((RATES[key] * population) / 100000) * level * (1 + drift * i) * noise))
      rows.push([key, code, String(year), '', count])
      county.set(year, (county.get(year) ?? 0) + count)
    }
  }
  for (const year of YEARS) rows.push([key, '05', String(year), '', county.get(year)!])
  for (const year of YEARS) rows.push([key, '00', String(year), '', Math.round(county.get(year)! * COUNTRY_FACTOR * (0.97 + 0.06 * random()))])
  return toCsv(LONG_HEADER, rows)
}

async function hasImport(deps: Deps, indicatorId: string, fileName: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: observationImports.id })
    .from(observationImports)
    .where(and(eq(observationImports.indicatorId, indicatorId), eq(observationImports.fileName, fileName)))
    .limit(1)
  return !!row
}

async function importDemo(deps: Deps, key: string, fileName: string, csv: string): Promise<number> {
  const indicator = await findIndicatorByKey(deps.db, key)
  if (!indicator) throw new Error(`Demo data needs indicator ${key}; load the reference data first`)
  if (await hasImport(deps, indicator.id, fileName)) return 0
  const outcome = await importObservations(deps.db, { label: 'system:demo' }, indicator, {
    format: 'long',
    fileName,
    data: Buffer.from(csv),
    storedFormat: 'seed',
  })
  if (!outcome.ok)
    throw new Error(`Demo observations for ${key} were refused: ${JSON.stringify('problems' in outcome ? outcome.problems.slice(0, 3) : outcome.errorKey)}`)
  return outcome.total
}

export async function loadDemoIndicators(deps: Deps): Promise<number> {
  let written = 0
  for (const key of ['medborgarenkat_trygg_gator_torg', 'medborgarenkat_trygg_parker_kvall']) {
    const rows = DOCUMENT_FIGURES.filter((f) => f.key === key).map((f) => [f.key, '0580', '2021', `kon=${f.kon}`, f.value])
    written += await importDemo(deps, key, DOCUMENT_FILE_NAME, toCsv(LONG_HEADER, rows))
  }
  for (const key of Object.keys(RATES)) written += await importDemo(deps, key, SYNTHETIC_FILE_NAME, syntheticBraCsv(key))
  return written
}
