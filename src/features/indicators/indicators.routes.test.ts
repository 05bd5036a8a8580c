import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { indicatorSeries } from './index.ts'
import { importObservations } from './import.service.ts'
import { findIndicatorByKey } from './indicators.repo.ts'
import { indicators, observationImports, observations } from './indicators.tables.ts'

let t: TestApp
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.otherCounty = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
})
after(() => t.close())

const TOTAL = 'bra_anmalda_brott_totalt'
const as = (who: string) => signedIn(t.app, users[who])

/** A multipart form as a browser sends it: the CSRF token first, then the fields, then the file. */
function multipart(csrf: string, fields: Record<string, string>, filename: string, data: Buffer) {
  const boundary = '----indicator-import-boundary'
  const parts = [`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`]
  for (const [k, v] of Object.entries(fields)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { raw: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function upload(b: TestBrowser, key: string, fields: Record<string, string>, filename: string, data: Buffer) {
  await b.get(`/indicators/${key}/import`)
  return b.request('POST', `/indicators/${key}/import`, multipart(b.csrf, fields, filename, data))
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const braFile = (lines: string[]) => Buffer.concat([BOM, Buffer.from(`${['Kommun;Antal;Per 100 000 inv.', ...lines].join('\r\n')}\r\n`)])

async function observationsOf(key: string) {
  const ind = (await findIndicatorByKey(t.deps.db, key))!
  return t.deps.db.select().from(observations).where(eq(observations.indicatorId, ind.id))
}
async function importsOf(key: string) {
  const ind = (await findIndicatorByKey(t.deps.db, key))!
  return t.deps.db.select().from(observationImports).where(eq(observationImports.indicatorId, ind.id))
}

describe('the registry', () => {
  test('the reference seed holds the common indicators, idempotently, and the populations we have', async () => {
    const rows = await t.deps.db.select().from(indicators)
    const keys = rows.map((r) => r.key).sort()
    for (const k of [
      TOTAL,
      'bra_anmalda_vald_misshandel',
      'bra_anmalda_stold_tillgrepp',
      'bra_anmalda_skadegorelse',
      'bra_anmalda_narkotikabrott',
      'ntu_otrygg_ute_sent',
      'medborgarenkat_trygg_gator_torg',
      'medborgarenkat_trygg_parker_kvall',
    ])
      assert.ok(keys.includes(k), k)
    const total = rows.find((r) => r.key === TOTAL)!
    assert.deepEqual(
      [total.unit, total.hasPerCapita, total.geographyLevel, total.periodType, total.attribution],
      ['count', true, 'municipality', 'year', 'Källa: Brå'],
    )
    const ntu = rows.find((r) => r.key === 'ntu_otrygg_ute_sent')!
    assert.deepEqual(
      [ntu.unit, ntu.geographyLevel, ntu.breakdowns, ntu.attribution],
      ['percent', 'county', ['kon'], 'Källa: Brå, Nationella trygghetsundersökningen'],
    )
    const { loadIndicatorReference } = await import('../../../db/seed/indicators.ts')
    assert.deepEqual(await loadIndicatorReference(t.deps.db), { indicators: 0, populations: 0 }, 'a second run changes nothing')
  })

  test('anyone reads the list, grouped by source, and an indicator page; an unknown key is a 404', async () => {
    const list = await t.app.inject({ url: '/indicators' })
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /<h2[^>]*>Brå<\/h2>/)
    assert.match(list.body, /<h2[^>]*>Medborgarenkäten<\/h2>/)
    assert.match(list.body, /href="\/indicators\/ntu_otrygg_ute_sent"/)
    const page = await t.app.inject({ url: `/indicators/${TOTAL}` })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Källa: Brå/)
    assert.doesNotMatch(page.body, /Importera värden/, 'no import link for anonymous visitors')
    assert.equal((await t.app.inject({ url: '/indicators/no_such_indicator' })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/indicators/NOT-A-KEY' })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/indicators/help' })).statusCode, 200)
    const api = await t.app.inject({ url: '/api/v1/indicators' })
    assert.equal(api.statusCode, 200)
    assert.ok(api.json().items.some((i: { key: string; attribution: string }) => i.key === TOTAL && i.attribution === 'Källa: Brå'))
  })
})

describe('import through the page', () => {
  test('an editor of a municipality may not import into a national indicator', async () => {
    const b = await as('editor')
    assert.equal((await b.get(`/indicators/${TOTAL}/import`)).statusCode, 403)
    await b.get(`/indicators/${TOTAL}`)
    const res = await b.request('POST', `/indicators/${TOTAL}/import`, multipart(b.csrf, { format: 'bra', period: '2024' }, 'a.csv', braFile(['Ale;1;1'])))
    assert.equal(res.statusCode, 403)
    assert.equal((await observationsOf(TOTAL)).length, 0)
  })

  test('a file with an unknown municipality is refused whole: the errors by row and column, nothing stored', async () => {
    const b = await as('county')
    const res = await upload(
      b,
      TOTAL,
      { format: 'bra', period: '2024' },
      'bra-2024.csv',
      braFile(['Hela landet;1 452 001;13 802', 'Linköping;19 000;11 307', 'Atlantis;12;1', 'Ydre;tolv;3']),
    )
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Rad 4, kolumn Kommun: Okänt område: ”Atlantis”/)
    assert.match(res.body, /Rad 5, kolumn Antal: ”tolv” är inte ett tal\./)
    assert.match(res.body, /Ingenting har sparats/)
    assert.equal((await observationsOf(TOTAL)).length, 0)
    assert.equal((await importsOf(TOTAL)).length, 0)
  })

  test('the period is required for Brå’s municipal table and checked against the period type', async () => {
    const b = await as('county')
    const missing = await upload(b, TOTAL, { format: 'bra', period: '' }, 'a.csv', braFile(['Ale;1;1']))
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /Ange perioden tabellen gäller/)
    const wrong = await upload(b, TOTAL, { format: 'bra', period: '2024-05' }, 'a.csv', braFile(['Ale;1;1']))
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /”2024-05” är inte en period av rätt slag/)
    const markup = await upload(b, TOTAL, { format: 'bra', period: '<b>2024</b>', area: '"><script>x</script>' }, 'a.csv', braFile(['Ale;1;1']))
    assert.equal(markup.statusCode, 400)
    assert.match(markup.body, /Skriv perioden som 2024/)
    assert.match(markup.body, /Området skrivs med bokstäver/)
    assert.doesNotMatch(markup.body, /<script>x|<b>2024/)
  })

  test('a good file is stored in one go: 303 with a flash, suppressed without a value, an import row and an audit record', async () => {
    const b = await as('county')
    const res = await upload(
      b,
      TOTAL,
      { format: 'bra', period: '2024' },
      'bra-2024.csv',
      braFile(['Hela landet;1\u00a0452\u00a0001;13 802', 'Linköpings kommun;16 803,0;10 000', 'Ydre;..;..', 'Boxholm;-;-', 'Malung–Sälen;900;9 000']),
    )
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    assert.match(String(res.headers.location), new RegExp(`^/indicators/${TOTAL}`))
    const page = await b.get(String(res.headers.location))
    assert.match(page.body, /Importen är klar: 5 värden sparade, varav 1 undertryckta/)
    const rows = await observationsOf(TOTAL)
    const by = Object.fromEntries(rows.map((r) => [r.areaCode, r]))
    assert.deepEqual(Object.keys(by).sort(), ['00', '0512', '0560', '0580', '2023'])
    assert.equal(by['00'].value, 1452001)
    assert.deepEqual([by['0512'].value, by['0512'].suppressed], [null, true])
    assert.deepEqual([by['0560'].value, by['0560'].suppressed], [0, false])
    const [imp] = await importsOf(TOTAL)
    assert.deepEqual([imp.format, imp.fileName, imp.rowCount], ['bra', 'bra-2024.csv', 5])
    assert.equal(by['0580'].importId, imp.id)
    const [event] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'observations.imported'))
    assert.equal((event.after as { file: string }).file, 'bra-2024.csv')
    assert.equal(event.actorUserId, users.county.id)
  })

  test('a coordinator of another county may import a national indicator, and a refused re-import leaves the stored values as they were', async () => {
    const b = await as('otherCounty')
    const bad = await upload(b, TOTAL, { format: 'bra', period: '2024' }, 'fix.csv', braFile(['Linköping;1;1', 'Atlantis;1;1']))
    assert.equal(bad.statusCode, 400)
    const linkoping = (await observationsOf(TOTAL)).find((r) => r.areaCode === '0580' && r.period === '2024')!
    assert.equal(linkoping.value, 16803, 'the valid row of the refused file was not written')
  })

  test('the page shows per 100 000 from the population of the same year, or says which year it used', async () => {
    const b = await as('county')
    const wide = Buffer.from('Kommun;2019;2020\r\nLinköping;15 000;\r\n')
    assert.equal((await upload(b, TOTAL, { format: 'bra_wide' }, 'bred.csv', wide)).statusCode, 303)
    const api = await t.app.inject({ url: `/api/v1/indicators/${TOTAL}/observations?area=0580&period=2024` })
    assert.equal(api.statusCode, 200)
    const [item] = api.json().items
    // Linköping had 168 035 inhabitants in 2024 (db/seed/data/municipalities.json).
    assert.deepEqual(
      { ...item, per_100000: Math.round(item.per_100000 * 10) / 10 },
      {
        area: '0580',
        period: '2024',
        breakdown: '',
        suppressed: false,
        value: 16803,
        per_100000: 9999.7,
        population_year: 2024,
        ci_low: null,
        ci_high: null,
        base_n: null,
        preliminary: false,
        synthetic: false,
      },
    )
    const older = (await t.app.inject({ url: `/api/v1/indicators/${TOTAL}/observations?area=0580&period=2019` })).json().items[0]
    assert.equal(older.population_year, 2024, 'the nearest year with a population')
    const page = await t.app.inject({ url: `/indicators/${TOTAL}?area=0580` })
    assert.match(page.body, /2024 \(närmaste år med folkmängd\)/)
    assert.match(page.body, /<figure class="chart"/)
    const suppressed = (await t.app.inject({ url: `/api/v1/indicators/${TOTAL}/observations?area=0512` })).json().items[0]
    assert.deepEqual(suppressed, { area: '0512', period: '2024', breakdown: '', suppressed: true, base_n: null, preliminary: false, synthetic: false })
    const ydre = await t.app.inject({ url: `/indicators/${TOTAL}?area=0512` })
    assert.match(ydre.body, /– betyder att källan inte redovisar värdet/)
  })

  test('the CSV export has the rows the page shows, in Swedish CSV', async () => {
    const res = await t.app.inject({ url: `/indicators/${TOTAL}/observations.csv?area=0580` })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv/)
    assert.ok(res.rawPayload.subarray(0, 3).equals(BOM))
    const lines = res.body.slice(1).split('\r\n')
    assert.match(lines[0], /^indikator;omrade;omradesnamn;period;uppdelning;grupp;varde;undertryckt;per_100000;befolkningsar/)
    // Codes and periods are written so that Excel keeps them as text ("0580", not 580).
    assert.ok(lines.includes('bra_anmalda_brott_totalt;"=""0580""";Linköping;"=""2024""";;Alla;16803;nej;9999,7;2024;;;;nej;Källa: Brå;'), lines.join('\n'))
    assert.ok(lines.includes('bra_anmalda_brott_totalt;"=""0580""";Linköping;"=""2019""";;Alla;15000;nej;8926,7;2024;;;;nej;Källa: Brå;'), lines.join('\n'))
  })

  test('an NTU workbook: the sheet of the indicator, years across, the interval of the latest year', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Innehåll').addRow(['Tabeller i arbetsboken'])
    const ws = wb.addWorksheet('ntu_otrygg_ute_sent')
    ws.addRow(['Andel som känner sig otrygga ute sent en kväll i det egna bostadsområdet'])
    ws.addRow(['Grupp', '2023', '2024', '2024 KI låg', '2024 KI hög'])
    ws.addRow(['Samtliga 16–84 år', 25.4, 24.8, 23.1, 26.5])
    ws.addRow(['Män', 13.2, 12.9, 11.2, 14.6])
    ws.addRow(['Kvinnor', 37.5, 36.6, 34.2, 39])
    const data = Buffer.from(await wb.xlsx.writeBuffer())
    const b = await as('county')
    const noArea = await upload(b, 'ntu_otrygg_ute_sent', { format: 'ntu', area: '' }, 'ntu.xlsx', data)
    assert.equal(noArea.statusCode, 400)
    const res = await upload(b, 'ntu_otrygg_ute_sent', { format: 'ntu', area: 'Östergötlands län' }, 'ntu.xlsx', data)
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    const series = await indicatorSeries(t.deps, 'ntu_otrygg_ute_sent', ['05'], ['2024'])
    const women = series!.observations.find((o) => o.breakdown === 'kon=kvinna')!
    assert.deepEqual([women.value, women.ciLow, women.ciHigh, women.per100000], [36.6, 34.2, 39, null])
    assert.equal(series!.indicator.attribution, 'Källa: Brå, Nationella trygghetsundersökningen')
    assert.deepEqual(series!.areas, [{ code: '05', name: 'Östergötlands län' }])
  })
})

describe('the import service on the database', () => {
  test('a long file naming two indicators with one bad row stores nothing in either', async () => {
    const ind = (await findIndicatorByKey(t.deps.db, 'medborgarenkat_trygg_gator_torg'))!
    const before = (await t.deps.db.select().from(observations)).length
    const file = Buffer.from(
      'indikator;omrade;period;uppdelning;varde\r\n' +
        'medborgarenkat_trygg_gator_torg;0581;2022;kon=kvinna;21\r\n' +
        'bra_anmalda_narkotikabrott;0581;2022;;400\r\n' +
        'bra_anmalda_narkotikabrott;0581;2023;;-4\r\n',
    )
    const out = await importObservations(t.deps.db, { label: 'test' }, ind, { format: 'long', fileName: 'lang.csv', data: file })
    assert.ok(!out.ok && 'problems' in out)
    assert.deepEqual(
      out.problems.map((p) => [p.row, p.column, p.key]),
      [[4, 'varde', 'negative']],
    )
    assert.equal((await t.deps.db.select().from(observations)).length, before)
  })

  test('a long file for two indicators writes both, each with its own import row, when the importer may write both', async () => {
    const ind = (await findIndicatorByKey(t.deps.db, 'medborgarenkat_trygg_gator_torg'))!
    const file = Buffer.from(
      'indikator;omrade;period;uppdelning;varde\r\nmedborgarenkat_trygg_gator_torg;0581;2022;kon=kvinna;21\r\nbra_anmalda_narkotikabrott;0581;2022;;400\r\n',
    )
    const out = await importObservations(t.deps.db, { label: 'test' }, ind, { format: 'long', fileName: 'lang.csv', data: file })
    assert.ok(out.ok)
    assert.deepEqual(out.stored.map((s) => [s.indicatorKey, s.inserted]).sort(), [
      ['bra_anmalda_narkotikabrott', 1],
      ['medborgarenkat_trygg_gator_torg', 1],
    ])
  })
})
