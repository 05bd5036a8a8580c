/**
 * The indicator registry's common entries (issue 9 §1) and the population figures we have, loaded
 * with the reference data on every start. Idempotent: indicators are keyed by `key` and populations
 * by municipality and year, so a re-run only changes what differs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import { ROOT } from '../../src/platform/root.ts'
import { areaPopulations, indicators } from '../../src/features/indicators/indicators.tables.ts'
import type { MunicipalityJson } from './reference.ts'

type IndicatorSeed = Omit<typeof indicators.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>

const BRA: Omit<IndicatorSeed, 'key' | 'name' | 'definition'> = {
  unit: 'count',
  source: 'Brå',
  attribution: 'Källa: Brå',
  sourceUrl: 'https://bra.se',
  geographyLevel: 'municipality',
  periodType: 'year',
  breakdowns: [],
  hasPerCapita: true,
  higherIsBetter: false,
}
const braDefinition = (what: string) =>
  `Antal ${what} som anmälts till polisen och andra brottsutredande myndigheter under året, i den kommun där brottet begicks (Brås officiella kriminalstatistik, anmälda brott). Ett anmält brott är inte detsamma som ett begånget: anmälningsbenägenhet och polisens arbetssätt påverkar antalet.`

export const INDICATOR_SEEDS: IndicatorSeed[] = [
  { ...BRA, key: 'bra_anmalda_brott_totalt', name: 'Anmälda brott, totalt', definition: braDefinition('brott av alla slag') },
  {
    ...BRA,
    key: 'bra_anmalda_vald_misshandel',
    name: 'Anmälda brott: misshandel (våldsbrott)',
    definition: braDefinition('misshandelsbrott, inklusive grov misshandel,'),
  },
  { ...BRA, key: 'bra_anmalda_stold_tillgrepp', name: 'Anmälda brott: stöld- och tillgreppsbrott', definition: braDefinition('stöld- och tillgreppsbrott') },
  { ...BRA, key: 'bra_anmalda_skadegorelse', name: 'Anmälda brott: skadegörelsebrott', definition: braDefinition('skadegörelsebrott') },
  { ...BRA, key: 'bra_anmalda_narkotikabrott', name: 'Anmälda brott: narkotikabrott', definition: braDefinition('narkotikabrott') },
  {
    key: 'ntu_otrygg_ute_sent',
    name: 'Otrygg ute sent en kväll i det egna bostadsområdet',
    definition:
      'Andel av befolkningen 16–84 år som uppger att de känner sig ganska eller mycket otrygga när de går ut ensamma sent en kväll i sitt eget bostadsområde, eller att de avstår från att gå ut av oro för att utsättas för brott (Nationella trygghetsundersökningen, NTU).',
    unit: 'percent',
    source: 'Brå, Nationella trygghetsundersökningen (NTU)',
    attribution: 'Källa: Brå, Nationella trygghetsundersökningen',
    sourceUrl: 'https://bra.se',
    geographyLevel: 'county',
    periodType: 'year',
    breakdowns: ['kon'],
    hasPerCapita: false,
    higherIsBetter: false,
  },
  {
    key: 'medborgarenkat_trygg_gator_torg',
    name: 'Trygg på gator och torg',
    definition: 'Andel som uppger att de känner sig trygga på gator och torg i kommunen (Medborgarenkäten).',
    unit: 'percent',
    source: 'Medborgarenkäten',
    attribution: 'Källa: Medborgarenkäten',
    sourceUrl: null,
    geographyLevel: 'municipality',
    periodType: 'year',
    breakdowns: ['kon'],
    hasPerCapita: false,
    higherIsBetter: true,
  },
  {
    key: 'medborgarenkat_trygg_parker_kvall',
    name: 'Trygg i parker kvällstid',
    definition: 'Andel som uppger att de känner sig trygga i parker i staden kvällstid (Medborgarenkäten).',
    unit: 'percent',
    source: 'Medborgarenkäten',
    attribution: 'Källa: Medborgarenkäten',
    sourceUrl: null,
    geographyLevel: 'municipality',
    periodType: 'year',
    breakdowns: ['kon'],
    hasPerCapita: false,
    higherIsBetter: true,
  },
]

const readMunicipalities = (): MunicipalityJson[] => JSON.parse(fs.readFileSync(path.join(ROOT, 'db/seed/data/municipalities.json'), 'utf8'))

export async function loadIndicatorReference(db: Db): Promise<{ indicators: number; populations: number }> {
  const pops = readMunicipalities().filter((m) => m.population && m.populationYear)
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(indicators)
      .values(INDICATOR_SEEDS)
      .onConflictDoUpdate({
        target: indicators.key,
        set: {
          name: sql`excluded.name`,
          definition: sql`excluded.definition`,
          unit: sql`excluded.unit`,
          source: sql`excluded.source`,
          attribution: sql`excluded.attribution`,
          sourceUrl: sql`excluded.source_url`,
          geographyLevel: sql`excluded.geography_level`,
          periodType: sql`excluded.period_type`,
          breakdowns: sql`excluded.breakdowns`,
          hasPerCapita: sql`excluded.has_per_capita`,
          higherIsBetter: sql`excluded.higher_is_better`,
          updatedAt: sql`now()`,
          version: sql`${indicators.version} + 1`,
        },
        setWhere: sql`(${indicators.name}, ${indicators.definition}, ${indicators.unit}, ${indicators.source}, ${indicators.attribution}, ${indicators.sourceUrl},
            ${indicators.geographyLevel}, ${indicators.periodType}, ${indicators.breakdowns}, ${indicators.hasPerCapita}, ${indicators.higherIsBetter})
          is distinct from (excluded.name, excluded.definition, excluded.unit, excluded.source, excluded.attribution, excluded.source_url,
            excluded.geography_level, excluded.period_type, excluded.breakdowns, excluded.has_per_capita, excluded.higher_is_better)`,
      })
      .returning({ key: indicators.key })
    // A figure loaded by an import for the same year is left alone: the file's is the newer word.
    const populations = pops.length
      ? await tx
          .insert(areaPopulations)
          .values(pops.map((m) => ({ municipalityCode: m.code, year: m.populationYear!, population: m.population!, source: 'SCB' })))
          .onConflictDoNothing()
          .returning({ code: areaPopulations.municipalityCode })
      : []
    if (written.length || populations.length)
      await audit(
        tx,
        { actor: { label: 'system:seed' } },
        {
          action: 'indicator_registry.loaded',
          entityType: 'reference_data',
          after: { indicators: written.map((w) => w.key), populations: populations.length },
        },
      )
    return { indicators: written.length, populations: populations.length }
  })
}
