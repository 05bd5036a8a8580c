import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'

let t: TestApp
let otmb: string
let hiddenBody: string
let ownersBody: string

const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.deps.db, q))[0]
const orgId = async (code: string) => (await findOrganisationByCode(t.deps.db, code))!.id

/** A person in a seat, written directly: the seats pages belong to another part of the feature. */
async function seat(
  bodyId: string,
  orgCode: string,
  name: string,
  level: 'chief' | 'official',
  visibility: string,
  role = 'member',
  validTo: string | null = null,
) {
  const org = await orgId(orgCode)
  const person = await one<{ id: string }>(
    sql`insert into people (name, title, organisation_id) values (${name}, 'Titel för ' || ${name}, ${org}) returning id`,
  )
  await t.deps.db.execute(sql`insert into seats (body_id, person_id, organisation_id, role, level, valid_from, valid_to, visibility)
    values (${bodyId}, ${person.id}, ${org}, ${role}, ${level}, '2022-01-01', ${validTo}, ${visibility})`)
}

before(async () => {
  t = await buildTestApp()
  otmb = (await one<{ id: string }>(sql`select id from collaborations where code = 'otmb'`)).id
  const bodyOf = async (kind: string) => (await one<{ id: string }>(sql`select id from bodies where collaboration_id = ${otmb} and kind = ${kind}`)).id
  const steering = await bodyOf('steering')
  const preparation = await bodyOf('preparation')
  const owner = await orgId('lansstyrelsen-05')
  hiddenBody = (
    await one<{ id: string }>(sql`insert into bodies (collaboration_id, kind, name, mandate, organisation_id, visibility)
    values (${otmb}, 'other', 'Intern samrådsgrupp', 'Internt uppdrag', ${owner}, 'partners') returning id`)
  ).id
  ownersBody = (
    await one<{ id: string }>(sql`insert into bodies (collaboration_id, kind, name, organisation_id, visibility)
    values (${otmb}, 'other', 'Länsstyrelsens kansli', ${owner}, 'organisation') returning id`)
  ).id
  await seat(steering, 'kommun-0580', 'Karin Kommunstyrelseordförande', 'chief', 'public', 'chair')
  await seat(steering, 'kommun-0581', 'Ulf Utgången', 'chief', 'public', 'member', '2023-12-31')
  await seat(preparation, 'kommun-0581', 'Tove Tjänsteperson', 'official', 'partners')
  await seat(hiddenBody, 'kommun-0580', 'Hemlig Hansson', 'chief', 'public')
  // Linköping has signed version 1; the others are still invited (as loaded).
  await t.deps.db.execute(sql`update party_signatures set status = 'signed', decision_date = '2022-01-24', signed_on = '2022-02-02'
    where organisation_id = ${await orgId('kommun-0580')}`)
})
after(() => t.close())

describe('the public overview (no login)', () => {
  test('lists the public collaborations and links to ÖTMB', async () => {
    const res = await new TestBrowser(t.app).get('/public/collaborations')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<a href="\/public\/collaborations\/otmb">Östergötland tillsammans mot brott<\/a>/)
  })

  test('shows purpose, period, parties with their signing status, the structure and the public bodies with their mandates', async () => {
    const res = await new TestBrowser(t.app).get('/public/collaborations/otmb')
    assert.equal(res.statusCode, 200)
    const html = res.body
    assert.match(html, /Länsstyrelsen Östergötland och Polisen har tagit fram en programförklaring/)
    assert.match(html, /2022-01-01 – 2027-12-31/)
    assert.match(html, /Länsstyrelsen Östergötland, Polismyndigheten, polisområde Östergötland/)
    assert.match(html, /Linköpings kommun<\/td><td>Kommun<\/td><td><strong class="tag tag--green">Undertecknad<\/strong> den 2022-02-02/)
    assert.match(html, /Norrköpings kommun<\/td><td>Kommun<\/td><td><strong class="tag tag--grey">Inbjuden<\/strong><\/td>/)
    assert.match(html, /<svg[^>]*role="img"/)
    assert.match(html, /Strukturen i textform/)
    assert.match(html, /Styrgruppen på chefsnivå visar riktning/)
    assert.match(html, /Nätverket Regbrå/)
  })

  test('names only public, current seats in public bodies; partners-only names and bodies never reach the page', async () => {
    const html = (await new TestBrowser(t.app).get('/public/collaborations/otmb')).body
    assert.match(
      html,
      /<td>Karin Kommunstyrelseordförande<\/td><td>Titel för Karin Kommunstyrelseordförande<\/td><td>Linköpings kommun<\/td><td>Ordförande<\/td>/,
    )
    assert.doesNotMatch(html, /Tove Tjänsteperson/, 'an official-level seat visible to partners only')
    assert.doesNotMatch(html, /Ulf Utgången/, 'a seat that has ended')
    assert.doesNotMatch(html, /Intern samrådsgrupp|Internt uppdrag|Hemlig Hansson/, 'a body visible to partners only')
    assert.doesNotMatch(html, /Länsstyrelsens kansli/)
  })

  test('an unknown or non-public collaboration is not found', async () => {
    const anon = new TestBrowser(t.app)
    assert.equal((await anon.get('/public/collaborations/finns-inte')).statusCode, 404)
    assert.equal((await anon.get('/public/collaborations/%27%20or%201=1')).statusCode, 404)
    await t.deps.db.execute(sql`update collaborations set visibility = 'partners' where id = ${otmb}`)
    try {
      assert.equal((await anon.get('/public/collaborations/otmb')).statusCode, 404)
      assert.doesNotMatch((await anon.get('/public/collaborations')).body, /otmb/)
    } finally {
      await t.deps.db.execute(sql`update collaborations set visibility = 'public' where id = ${otmb}`)
    }
  })

  test('the partners’ pages send an anonymous visitor to the login page', async () => {
    const res = await new TestBrowser(t.app).get(`/collaborations/${otmb}`)
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/login\?return=/)
  })
})

describe('the read API', () => {
  test('lists collaborations, one with its parties, and its bodies as the caller may see them', async () => {
    const user = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
    const b = new TestBrowser(t.app)
    await b.login(user.email, user.password)
    const list = JSON.parse((await b.get('/api/v1/collaborations')).body)
    assert.deepEqual(
      list.items.map((c: { code: string }) => c.code),
      ['otmb'],
    )
    const detail = JSON.parse((await b.get(`/api/v1/collaborations/${otmb}`)).body)
    assert.equal(detail.shortName, 'ÖTMB')
    assert.equal(detail.parties.length, 19)
    assert.equal(detail.parties.filter((p: { isConvenor: boolean }) => p.isConvenor).length, 2)
    const bodies = JSON.parse((await b.get(`/api/v1/collaborations/${otmb}/bodies`)).body).items.map((x: { id: string }) => x.id)
    assert.ok(bodies.includes(hiddenBody), 'a party sees the partners’ body')
    assert.ok(!bodies.includes(ownersBody), 'but not Länsstyrelsen’s own')
    const missing = await b.get('/api/v1/collaborations/00000000-0000-4000-8000-000000000000')
    assert.equal(missing.statusCode, 404)
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/collaborations' })).statusCode, 401)
  })

  test('the endpoints are in the OpenAPI document', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body)
    for (const path of ['/api/v1/collaborations', '/api/v1/collaborations/{id}', '/api/v1/collaborations/{id}/bodies']) assert.ok(doc.paths[path]?.get, path)
  })
})
