/**
 * Loads the reference data every installation needs: Sweden's counties and municipalities, one
 * organisation per municipality and per länsstyrelse, and the Östergötland parties of ÖTMB
 * (domain.md §1, §6). Safe to run on every start or deploy: rows are keyed by their official codes,
 * so a re-run only changes what differs and never duplicates.
 */
import fs from 'node:fs'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import { ROOT } from '../../src/platform/root.ts'
import {
  counties,
  municipalities,
  municipalityPoliceAreas,
  organisations,
  type OrganisationKind,
} from '../../src/features/organisations/organisations.tables.ts'

export interface CountyJson {
  code: string
  name: string
}
export interface MunicipalityJson {
  code: string
  name: string
  countyCode: string
  population?: number
  populationYear?: number
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, 'db/seed/data', file), 'utf8')) as T

// Swedish genitive for place names: a vowel or s/x/z ending takes no extra s. The few names that
// break the rule are listed (Kalmar kommun/län, Falu kommun, Dalarnas län).
const GENITIVE_EXCEPTIONS: Record<string, string> = { Kalmar: 'Kalmar', Falun: 'Falu', Dalarna: 'Dalarnas' }
export function genitive(name: string): string {
  if (name in GENITIVE_EXCEPTIONS) return GENITIVE_EXCEPTIONS[name]
  return /[aeiouyåäöésxz]$/i.test(name) ? name : `${name}s`
}

// Official organisation names that are not "<genitive> kommun". Only names we are sure of; a
// municipality missing here still gets the correct formal "... kommun" name.
const OFFICIAL_MUNICIPALITY_NAMES: Record<string, string> = {
  '0980': 'Region Gotland', // Gotland is a municipality with regional tasks
  '0180': 'Stockholms stad',
  '0183': 'Sundbybergs stad',
  '0184': 'Solna stad',
  '0186': 'Lidingö stad',
  '0187': 'Vaxholms stad',
  '1280': 'Malmö stad',
  '1282': 'Landskrona stad',
  '1283': 'Helsingborgs stad',
  '1480': 'Göteborgs Stad',
  '1481': 'Mölndals stad',
  '1490': 'Borås Stad',
  '1980': 'Västerås stad',
}

export const municipalityOrganisationName = (m: { code: string; name: string }) => OFFICIAL_MUNICIPALITY_NAMES[m.code] ?? `${genitive(m.name)} kommun`

/** "Östergötlands län" → "Länsstyrelsen Östergötland" (the name the boards use themselves). */
export const countyBoardName = (countyName: string) => `Länsstyrelsen ${countyName.replace(/ län$/, '').replace(/s$/, '')}`

// The police organisation since the reform of 2015-01-01 (one myndighet, regions, polisområden, LPOs).
const POLICE_REFORM = '2015-01-01'

interface OrganisationSeed {
  code: string
  kind: OrganisationKind
  name: string
  shortName?: string | null
  parentCode?: string
  countyCode?: string | null
  municipalityCode?: string | null
  validFrom?: string | null
}

// ÖTMB's parties besides municipalities and Länsstyrelsen (domain.md §1). Listed parent before
// child: each level is upserted after its parents so parent ids can be looked up by code.
const OSTERGOTLAND_LEVELS: OrganisationSeed[][] = [
  [
    { code: 'polismyndigheten', kind: 'police', name: 'Polismyndigheten', shortName: 'Polisen', validFrom: POLICE_REFORM },
    { code: 'region-ostergotland', kind: 'region', name: 'Region Östergötland', countyCode: '05' },
    { code: 'kriminalvarden', kind: 'state_agency', name: 'Kriminalvården' },
    { code: 'rtog', kind: 'municipal_federation', name: 'Räddningstjänsten Östra Götaland', shortName: 'RTÖG', countyCode: '05' },
    { code: 'liu', kind: 'university', name: 'Linköpings universitet', shortName: 'LiU' },
  ],
  [{ code: 'polisregion-ost', kind: 'police', name: 'Polisregion Öst', shortName: 'Region Öst', parentCode: 'polismyndigheten', validFrom: POLICE_REFORM }],
  [
    {
      code: 'polisomrade-ostergotland',
      kind: 'police',
      // The name the police party goes by in ÖTMB: the authority, then its area.
      name: 'Polismyndigheten, polisområde Östergötland',
      shortName: 'PO Östergötland',
      parentCode: 'polisregion-ost',
      countyCode: '05',
      validFrom: POLICE_REFORM,
    },
  ],
  ['Linköping', 'Norrköping', 'Motala'].map((place) => ({
    code: `lpo-${slug(place)}`,
    kind: 'police' as const,
    name: `Lokalpolisområde ${place}`,
    shortName: `LPO ${place}`,
    parentCode: 'polisomrade-ostergotland',
    countyCode: '05',
    validFrom: POLICE_REFORM,
  })),
]

// Which LPO covers each Östergötland municipality (domain.md §6). Kept as dated rows because the
// police can redraw the areas; a change is a new row with a later valid_from, not an edit.
const OSTERGOTLAND_LPO: Record<string, string> = {
  '0509': 'lpo-motala',
  '0512': 'lpo-linkoping',
  '0513': 'lpo-linkoping',
  '0560': 'lpo-motala',
  '0561': 'lpo-linkoping',
  '0562': 'lpo-norrkoping',
  '0563': 'lpo-norrkoping',
  '0580': 'lpo-linkoping',
  '0581': 'lpo-norrkoping',
  '0582': 'lpo-norrkoping',
  '0583': 'lpo-motala',
  '0584': 'lpo-motala',
  '0586': 'lpo-motala',
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
}

export async function organisationIdByCode(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code))
  if (!row) throw new Error(`No organisation with code ${code}; has the reference data been loaded?`)
  return row.id
}

// RETURNING yields only the rows actually written (the WHERE on DO UPDATE skips unchanged ones);
// xmax = 0 tells an insert from an update.
const WRITTEN = { inserted: sql<boolean>`(xmax = 0)` }
type Written = { inserted: boolean }[]

async function upsertOrganisations(tx: Db, seeds: OrganisationSeed[]): Promise<Written> {
  const parentIds = new Map<string, string>()
  for (const code of new Set(seeds.flatMap((s) => (s.parentCode ? [s.parentCode] : [])))) parentIds.set(code, await organisationIdByCode(tx, code))
  const rows = seeds.map((s) => ({
    code: s.code,
    kind: s.kind,
    name: s.name,
    shortName: s.shortName ?? null,
    parentId: s.parentCode ? parentIds.get(s.parentCode)! : null,
    countyCode: s.countyCode ?? null,
    municipalityCode: s.municipalityCode ?? null,
    validFrom: s.validFrom ?? null,
  }))
  // valid_from/valid_to are left alone on update: once an organisation is ended, a re-run must not reopen it.
  return tx
    .insert(organisations)
    .values(rows)
    .onConflictDoUpdate({
      target: organisations.code,
      set: {
        kind: sql`excluded.kind`,
        name: sql`excluded.name`,
        shortName: sql`excluded.short_name`,
        parentId: sql`excluded.parent_id`,
        countyCode: sql`excluded.county_code`,
        municipalityCode: sql`excluded.municipality_code`,
        updatedAt: sql`now()`,
        version: sql`${organisations.version} + 1`,
      },
      setWhere: sql`(${organisations.kind}, ${organisations.name}, ${organisations.shortName}, ${organisations.parentId}, ${organisations.countyCode}, ${organisations.municipalityCode})
        is distinct from (excluded.kind, excluded.name, excluded.short_name, excluded.parent_id, excluded.county_code, excluded.municipality_code)`,
    })
    .returning(WRITTEN)
}

export async function loadReferenceData(db: Db): Promise<{ inserted: number; updated: number }> {
  const countyRows = readJson<CountyJson[]>('counties.json')
  const municipalityRows = readJson<MunicipalityJson[]>('municipalities.json')

  return db.transaction(async (tx) => {
    const written: Written = []

    written.push(
      ...(await tx
        .insert(counties)
        .values(countyRows.map(({ code, name }) => ({ code, name })))
        .onConflictDoUpdate({ target: counties.code, set: { name: sql`excluded.name` }, setWhere: sql`${counties.name} is distinct from excluded.name` })
        .returning(WRITTEN)),
    )

    // Population only where the file knows it: a missing figure must not erase one loaded elsewhere.
    written.push(
      ...(await tx
        .insert(municipalities)
        .values(
          municipalityRows.map((m) => ({
            code: m.code,
            name: m.name,
            countyCode: m.countyCode,
            population: m.population ?? null,
            populationYear: m.populationYear ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: municipalities.code,
          set: {
            name: sql`excluded.name`,
            countyCode: sql`excluded.county_code`,
            population: sql`coalesce(excluded.population, ${municipalities.population})`,
            populationYear: sql`coalesce(excluded.population_year, ${municipalities.populationYear})`,
          },
          setWhere: sql`(${municipalities.name}, ${municipalities.countyCode}) is distinct from (excluded.name, excluded.county_code)
            or (excluded.population is not null
                and (${municipalities.population}, ${municipalities.populationYear}) is distinct from (excluded.population, excluded.population_year))`,
        })
        .returning(WRITTEN)),
    )

    const municipalityOrgs: OrganisationSeed[] = municipalityRows.map((m) => ({
      code: `kommun-${m.code}`,
      kind: 'municipality',
      name: municipalityOrganisationName(m),
      shortName: m.name,
      countyCode: m.countyCode,
      municipalityCode: m.code,
    }))
    const countyBoards: OrganisationSeed[] = countyRows.map((c) => ({
      code: `lansstyrelsen-${c.code}`,
      kind: 'county_board',
      name: countyBoardName(c.name),
      countyCode: c.code,
    }))
    const [topLevel, ...childLevels] = OSTERGOTLAND_LEVELS
    written.push(...(await upsertOrganisations(tx, [...countyBoards, ...municipalityOrgs, ...topLevel])))
    for (const level of childLevels) written.push(...(await upsertOrganisations(tx, level)))

    const lpoIds = new Map<string, string>()
    for (const code of new Set(Object.values(OSTERGOTLAND_LPO))) lpoIds.set(code, await organisationIdByCode(tx, code))
    written.push(
      ...(await tx
        .insert(municipalityPoliceAreas)
        .values(
          Object.entries(OSTERGOTLAND_LPO).map(([municipalityCode, lpo]) => ({ municipalityCode, policeAreaId: lpoIds.get(lpo)!, validFrom: POLICE_REFORM })),
        )
        .onConflictDoUpdate({
          target: [municipalityPoliceAreas.municipalityCode, municipalityPoliceAreas.validFrom],
          set: { policeAreaId: sql`excluded.police_area_id` },
          setWhere: sql`${municipalityPoliceAreas.policeAreaId} is distinct from excluded.police_area_id`,
        })
        .returning(WRITTEN)),
    )

    const inserted = written.filter((w) => w.inserted).length
    const updated = written.length - inserted
    if (written.length > 0) {
      await audit(
        tx,
        { actor: { label: 'system:seed' } },
        {
          action: 'reference.loaded',
          entityType: 'reference_data',
          after: { inserted, updated, counties: countyRows.length, municipalities: municipalityRows.length },
        },
      )
    }
    return { inserted, updated }
  })
}
