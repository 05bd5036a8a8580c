import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import { fromPglite, type Database } from '../../src/platform/db/connection.ts'
import { migrate } from '../../src/platform/db/migrator.ts'
import { loadReferenceData, organisationIdByCode } from './reference.ts'

let database: Database
let firstRun: { inserted: number; updated: number }

// One real database for the file: loading is the expensive part, the assertions only read.
before(async () => {
  const pg = new PGlite()
  database = fromPglite(pg)
  await migrate(database)
  firstRun = await loadReferenceData(database.db)
})
after(() => database.close())

const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await database.query<T>(text, params)).rows[0]
const count = async (text: string, params: unknown[] = []) => Number((await one<{ n: number }>(`select count(*)::int as n from ${text}`, params)).n)

const rowCounts = async () => ({
  counties: await count('counties'),
  municipalities: await count('municipalities'),
  organisations: await count('organisations'),
  policeAreas: await count('municipality_police_areas'),
  audit: await count('audit_events'),
})

test('loads all counties, municipalities and one organisation per municipality', async () => {
  assert.equal(await count('counties'), 21)
  assert.equal(await count('municipalities'), 290)
  assert.equal(await count(`organisations where kind = 'municipality'`), 290)
  assert.equal(await count(`organisations where kind = 'county_board'`), 21)
  // 21 counties + 290 municipalities + 321 organisations (290 + 21 + 10 ÖTMB parties) + 13 LPO links
  assert.deepEqual(firstRun, { inserted: 645, updated: 0 })
})

test('names follow Swedish usage', async () => {
  const name = async (code: string) => (await one<{ name: string }>('select name from organisations where code = $1', [code])).name
  assert.equal((await one<{ name: string }>(`select name from counties where code = '05'`)).name, 'Östergötlands län')
  assert.equal(await name('kommun-0580'), 'Linköpings kommun')
  assert.equal(await name('kommun-0584'), 'Vadstena kommun')
  assert.equal(await name('kommun-0586'), 'Mjölby kommun')
  assert.equal(await name('kommun-0880'), 'Kalmar kommun')
  assert.equal(await name('kommun-2080'), 'Falu kommun')
  assert.equal(await name('kommun-0980'), 'Region Gotland')
  assert.equal(await name('kommun-1480'), 'Göteborgs Stad')
  assert.equal(await name('lansstyrelsen-05'), 'Länsstyrelsen Östergötland')
  assert.equal(await name('lansstyrelsen-14'), 'Länsstyrelsen Västra Götaland')
  assert.equal(await name('lansstyrelsen-20'), 'Länsstyrelsen Dalarna')
  assert.equal(await name('polisomrade-ostergotland'), 'Polismyndigheten, polisområde Östergötland')
})

test('ÖTMB parties have their own kinds: statlig myndighet, region, kommunalförbund, lärosäte', async () => {
  const kinds = await database.query<{ code: string; kind: string }>(
    `select code, kind from organisations where code in ('kriminalvarden', 'region-ostergotland', 'rtog', 'liu') order by code`,
  )
  assert.deepEqual(
    kinds.rows.map((r) => [r.code, r.kind]),
    [
      ['kriminalvarden', 'state_agency'],
      ['liu', 'university'],
      ['region-ostergotland', 'region'],
      ['rtog', 'municipal_federation'],
    ],
  )
})

test('Östergötland population 2024', async () => {
  const linkoping = await one<{ population: number; population_year: number }>(`select population, population_year from municipalities where code = '0580'`)
  assert.deepEqual(linkoping, { population: 168035, population_year: 2024 })
  const county = await one<{ total: number; n: number }>(
    `select sum(population)::int as total, count(population)::int as n from municipalities where county_code = '05'`,
  )
  assert.deepEqual(county, { total: 472446, n: 13 })
})

test('every Östergötland municipality has its LPO, and the police tree is linked', async () => {
  assert.equal(await count(`municipality_police_areas where valid_to is null and valid_from = '2015-01-01'`), 13)
  const ydre = await one<{ short_name: string }>(
    `select o.short_name from municipality_police_areas a join organisations o on o.id = a.police_area_id where a.municipality_code = '0512'`,
  )
  assert.equal(ydre.short_name, 'LPO Linköping')

  const chain = await database.query<{ code: string }>(
    `with recursive up as (
       select id, parent_id, code, 0 as depth from organisations where code = 'lpo-linkoping'
       union all select o.id, o.parent_id, o.code, up.depth + 1 from organisations o join up on o.id = up.parent_id)
     select code from up order by depth`,
  )
  assert.deepEqual(
    chain.rows.map((r) => r.code),
    ['lpo-linkoping', 'polisomrade-ostergotland', 'polisregion-ost', 'polismyndigheten'],
  )
  assert.match(await organisationIdByCode(database.db, 'rtog'), /^[0-9a-f-]{36}$/)
  await assert.rejects(organisationIdByCode(database.db, 'no-such-code'), /No organisation/)
})

test('a second run changes nothing; a changed name is updated and audited', async () => {
  const before = await rowCounts()
  assert.equal(before.audit, 1)
  const audited = await one<{ action: string; actor_label: string }>(`select action, actor_label from audit_events`)
  assert.deepEqual(audited, { action: 'reference.loaded', actor_label: 'system:seed' })

  assert.deepEqual(await loadReferenceData(database.db), { inserted: 0, updated: 0 })
  assert.deepEqual(await rowCounts(), before, 'no new rows and no audit event when nothing changed')

  await database.query(`update organisations set name = 'Gammalt namn' where code = 'kommun-0512'`)
  await database.query(`update counties set name = 'Fel' where code = '05'`)
  assert.deepEqual(await loadReferenceData(database.db), { inserted: 0, updated: 2 })
  assert.equal((await one<{ name: string }>(`select name from organisations where code = 'kommun-0512'`)).name, 'Ydre kommun')
  assert.deepEqual(await rowCounts(), { ...before, audit: before.audit + 1 })
})
