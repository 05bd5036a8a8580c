/**
 * Regenerates db/seed/data/counties.json and municipalities.json.
 *
 * Origin: the GeoJSON files shipped in static/geo/ (okfse/sweden-geojson, Valmyndigheten's boundaries;
 * see static/geo/README.md) give the codes and names; Östergötland's population 2024-12-31 comes
 * from the domain brief (domain.md §6, SCB figures). The JSON is committed so the seed does not parse
 * 800 kB of polygons on every start; re-run this after replacing the GeoJSON or adding populations:
 *
 *   node --import tsx db/seed/generate-reference-json.ts
 */
import fs from 'node:fs'
import { genitive, type CountyJson, type MunicipalityJson } from './reference.ts'

const geo = (file: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../static/geo/${file}`, import.meta.url), 'utf8')) as {
    features: { properties: Record<string, unknown> }[]
  }

// Population 2024-12-31 (domain.md §6). Other counties get theirs from a later SCB import.
const POPULATION_YEAR = 2024
const POPULATION: Record<string, number> = {
  '0509': 5237,
  '0512': 3626,
  '0513': 9957,
  '0560': 5517,
  '0561': 11467,
  '0562': 21623,
  '0563': 7525,
  '0580': 168035,
  '0581': 144980,
  '0582': 14789,
  '0583': 43505,
  '0584': 7490,
  '0586': 28695,
}

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(`reference data: ${message}`)
}
// Catches mojibake ("Ã¶") or decomposed letters that would break sorting and matching on names.
const properName = (s: string) => s === s.normalize('NFC') && /^[A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé -]*$/.test(s)

// The county file has the short name ("Östergötland") and the länskod as a number (5).
const counties: CountyJson[] = geo('sweden-counties.geojson')
  .features.map(({ properties: p }) => {
    const short = String(p.name)
    check(properName(short), `county name ${JSON.stringify(short)}`)
    return { code: String(p.l_id).padStart(2, '0'), name: `${genitive(short)} län` }
  })
  .sort((a, b) => a.code.localeCompare(b.code))

const municipalities: MunicipalityJson[] = geo('sweden-municipalities.geojson')
  .features.map(({ properties: p }) => {
    const m: MunicipalityJson = { code: String(p.id), name: String(p.kom_namn), countyCode: String(p.lan_code) }
    check(/^\d{4}$/.test(m.code) && m.code.startsWith(m.countyCode), `municipality code ${m.code}`)
    check(properName(m.name), `municipality name ${JSON.stringify(m.name)}`)
    if (POPULATION[m.code] !== undefined) Object.assign(m, { population: POPULATION[m.code], populationYear: POPULATION_YEAR })
    return m
  })
  .sort((a, b) => a.code.localeCompare(b.code))

const countyCodes = new Set(counties.map((c) => c.code))
check(counties.length === 21 && countyCodes.size === 21, `expected 21 counties, got ${counties.length}`)
check(municipalities.length === 290 && new Set(municipalities.map((m) => m.code)).size === 290, `expected 290 municipalities, got ${municipalities.length}`)
for (const m of municipalities) check(countyCodes.has(m.countyCode), `${m.name} (${m.code}) has unknown county ${m.countyCode}`)
for (const c of counties)
  check(
    municipalities.some((m) => m.countyCode === c.code),
    `${c.name} has no municipalities`,
  )
const withPopulation = municipalities.filter((m) => m.population !== undefined)
check(withPopulation.length === Object.keys(POPULATION).length, 'a population code matches no municipality')
check(withPopulation.reduce((sum, m) => sum + m.population!, 0) === 472446, 'Östergötland population does not sum to 472 446')

const write = (file: string, data: unknown) => fs.writeFileSync(new URL(`./data/${file}`, import.meta.url), `${JSON.stringify(data, null, 2)}\n`, 'utf8')
write('counties.json', counties)
write('municipalities.json', municipalities)
console.log(`wrote ${counties.length} counties and ${municipalities.length} municipalities (${withPopulation.length} with population)`)
