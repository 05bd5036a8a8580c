import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Role } from '../../platform/http/actor.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'

let t: TestApp
let otmb: string
let steering: string
let preparation: string
const browsers = new Map<string, TestBrowser>()

async function signIn(role: Role, organisationCode: string) {
  const user = await buildUser(t.deps, { role, organisationCode })
  const b = new TestBrowser(t.app)
  await b.login(user.email, user.password)
  return b
}

before(async () => {
  t = await buildTestApp()
  otmb = (await queryRows<{ id: string }>(t.deps.db, sql`select id from collaborations where code = 'otmb'`))[0].id
  const bodyOf = async (kind: string) =>
    (await queryRows<{ id: string }>(t.deps.db, sql`select id from bodies where collaboration_id = ${otmb} and kind = ${kind}`))[0].id
  steering = await bodyOf('steering')
  preparation = await bodyOf('preparation')
  browsers.set('coordinator', await signIn('coordinator', 'lansstyrelsen-05'))
  browsers.set('editor', await signIn('editor', 'kommun-0580'))
  browsers.set('viewer', await signIn('viewer', 'region-ostergotland'))
})
after(() => t.close())

const as = (who: string) => browsers.get(who)!
const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.deps.db, q))[0]
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1]
const collaboration = () => one<{ name: string; purpose: string; version: number }>(sql`select name, purpose, version from collaborations where id = ${otmb}`)
const bodyCount = async () => Number((await one<{ n: number }>(sql`select count(*)::int as n from bodies where collaboration_id = ${otmb}`)).n)
const auditCount = async (action: string) => Number((await one<{ n: number }>(sql`select count(*)::int as n from audit_events where action = ${action}`)).n)

const editFields = (v: string, purpose: string) => ({
  name: 'Östergötland tillsammans mot brott',
  shortName: 'ÖTMB',
  periodStart: '2022-01-01',
  periodEnd: '2027-12-31',
  purpose,
  visibility: 'public',
  version: v,
})
const groupFields = {
  kind: 'working_group',
  name: 'Arbetsgrupp Trygg skolväg',
  theme: 'Trygg skolväg',
  mandate: 'Tar fram en lägesbild.',
  parentBodyId: '',
  visibility: 'public',
}

describe('partners’ pages', () => {
  test('every signed-in partner sees the list and the overview with parties, bodies, the structure and the sub-pages', async () => {
    for (const who of ['coordinator', 'editor', 'viewer']) {
      const list = await as(who).get('/collaborations')
      assert.equal(list.statusCode, 200, who)
      assert.match(list.body, new RegExp(`<a href="/collaborations/${otmb}">Östergötland tillsammans mot brott</a>`))
      const page = await as(who).get(`/collaborations/${otmb}`)
      assert.equal(page.statusCode, 200, who)
      assert.match(page.body, /Parter \(19 st\.\)/)
      assert.match(page.body, /Polismyndigheten, polisområde Östergötland<\/td><td>Polisen<\/td><td><strong class="tag tag--green">Sammankallande/)
      assert.match(page.body, new RegExp(`<a href="/bodies/${steering}">Styrgrupp</a>`))
      assert.match(page.body, new RegExp(`href="/collaborations/${otmb}/signatures"`))
      assert.match(page.body, new RegExp(`href="/collaborations/${otmb}/compliance"`))
      assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="structure-title structure-desc"/)
      assert.match(page.body, /<title id="structure-title">Struktur för ÖTMB<\/title>/)
      // Edit links only for those who may edit.
      assert.equal(page.body.includes(`/collaborations/${otmb}/edit`), who === 'coordinator', who)
    }
  })

  test('the nav shows Samverkan to signed-in users and the public page to everyone else', async () => {
    assert.match((await as('viewer').get('/')).body, /<a href="\/collaborations" class="nav__link">Samverkan<\/a>/)
    const anon = await new TestBrowser(t.app).get('/')
    assert.match(anon.body, /<a href="\/public\/collaborations" class="nav__link">Om samverkan<\/a>/)
    assert.doesNotMatch(anon.body, /href="\/collaborations"/)
  })

  test('a malformed or unknown id is not found', async () => {
    assert.equal((await as('viewer').get('/collaborations/nope')).statusCode, 404)
    assert.equal((await as('viewer').get('/collaborations/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await as('viewer').get('/bodies/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })
})

describe('who may change what (role × action)', () => {
  test('the coordinator edits the collaboration; the edit is audited', async () => {
    const b = as('coordinator')
    const form = await b.get(`/collaborations/${otmb}/edit`)
    assert.equal(form.statusCode, 200)
    const res = await b.post(`/collaborations/${otmb}/edit`, editFields(version(form.body)!, 'Ett tydligare syfte.'))
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/collaborations/${otmb}`)
    assert.equal((await collaboration()).purpose, 'Ett tydligare syfte.')
    assert.equal(await auditCount('collaboration.updated'), 1)
    assert.match((await b.get(`/collaborations/${otmb}`)).body, /Ändringarna i ÖTMB är sparade\./)
  })

  test('the coordinator creates a working group reporting to the beredningsgrupp and edits it', async () => {
    const b = as('coordinator')
    assert.equal((await b.get(`/collaborations/${otmb}/bodies/new`)).statusCode, 200)
    const res = await b.post(`/collaborations/${otmb}/bodies`, { ...groupFields, parentBodyId: preparation })
    assert.equal(res.statusCode, 303)
    const id = /^\/bodies\/([0-9a-f-]{36})$/.exec(String(res.headers.location))![1]
    const page = await b.get(`/bodies/${id}`)
    assert.match(page.body, /<h1 class="heading-l">Arbetsgrupp Trygg skolväg/)
    assert.match(page.body, new RegExp(`<a href="/bodies/${preparation}">Beredningsgrupp</a>`))
    assert.match(page.body, new RegExp(`<section id="seats"[\\s\\S]*<a href="/bodies/${id}/seats">Ledamöter</a>`))
    assert.match((await b.get(`/bodies/${preparation}`)).body, new RegExp(`<a href="/bodies/${id}">Arbetsgrupp Trygg skolväg</a>`))
    const edit = await b.get(`/bodies/${id}/edit`)
    const saved = await b.post(`/bodies/${id}/edit`, { ...groupFields, parentBodyId: preparation, mandate: 'Nytt uppdrag.', version: version(edit.body)! })
    assert.equal(saved.statusCode, 303)
    assert.match((await b.get(`/bodies/${id}`)).body, /<p class="body">Nytt uppdrag\.<\/p>/)
    assert.equal(await auditCount('body.created'), 1)
    assert.equal(await auditCount('body.updated'), 1)
  })

  for (const who of ['editor', 'viewer']) {
    test(`the ${who} is refused every write and every edit form, and nothing changes`, async () => {
      const b = as(who)
      await b.get(`/collaborations/${otmb}`) // a page with a CSRF token, as a real form would have
      const before = await collaboration()
      const bodies = await bodyCount()
      const refused: [string, string, Record<string, string>?][] = [
        ['GET', `/collaborations/${otmb}/edit`],
        ['POST', `/collaborations/${otmb}/edit`, editFields(String(before.version), 'Kapat syfte')],
        ['GET', `/collaborations/${otmb}/bodies/new`],
        ['POST', `/collaborations/${otmb}/bodies`, groupFields],
        ['GET', `/collaborations/${otmb}/parties`],
        ['POST', `/collaborations/${otmb}/parties`, { organisationId: (await findOrganisationByCode(t.deps.db, 'kommun-0180'))!.id }],
        ['GET', `/bodies/${steering}/edit`],
        ['POST', `/bodies/${steering}/edit`, { ...groupFields, kind: 'steering', version: '1' }],
      ]
      for (const [method, url, fields] of refused) {
        const res = method === 'GET' ? await b.get(url) : await b.post(url, fields ?? {})
        assert.equal(res.statusCode, 403, `${who} ${method} ${url}`)
        assert.match(res.body, /Du har inte behörighet/)
      }
      assert.deepEqual(await collaboration(), before)
      assert.equal(await bodyCount(), bodies)
    })
  }

  test('a stale version is refused with 409, shows both versions, and saves nothing', async () => {
    const b = as('coordinator')
    const tab1 = await b.get(`/collaborations/${otmb}/edit`)
    const v = version(tab1.body)!
    assert.equal((await b.post(`/collaborations/${otmb}/edit`, editFields(v, 'Sparat först.'))).statusCode, 303)
    const stale = await b.post(`/collaborations/${otmb}/edit`, editFields(v, 'Sparat sist, från gammal flik.'))
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har ändrat uppgifterna/)
    assert.match(stale.body, /Sparat först\./)
    assert.match(stale.body, /Sparat sist, från gammal flik\./)
    assert.equal((await collaboration()).purpose, 'Sparat först.')

    const body = await b.get(`/bodies/${steering}/edit`)
    const bv = version(body.body)!
    const fields = { kind: 'steering', name: 'Styrgrupp', mandate: 'Första.', visibility: 'public', version: bv }
    assert.equal((await b.post(`/bodies/${steering}/edit`, fields)).statusCode, 303)
    const staleBody = await b.post(`/bodies/${steering}/edit`, { ...fields, mandate: 'Andra.' })
    assert.equal(staleBody.statusCode, 409)
    assert.equal((await one<{ mandate: string }>(sql`select mandate from bodies where id = ${steering}`)).mandate, 'Första.')
  })

  test('invalid input re-renders the form with the errors and the values', async () => {
    const b = as('coordinator')
    const form = await b.get(`/collaborations/${otmb}/edit`)
    const res = await b.post(`/collaborations/${otmb}/edit`, { ...editFields(version(form.body)!, 'x'), periodStart: '2027-01-01', periodEnd: '2022-02-30' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<title>Fel: /)
    assert.match(res.body, /<a href="#f-periodEnd">Skriv när perioden slutar som ÅÅÅÅ-MM-DD<\/a>/)
    const cycle = await b.post(`/bodies/${steering}/edit`, {
      kind: 'steering',
      name: 'Styrgrupp',
      visibility: 'public',
      parentBodyId: preparation,
      version: version((await b.get(`/bodies/${steering}/edit`)).body)!,
    })
    assert.equal(cycle.statusCode, 409)
    assert.match(cycle.body, /<a href="#f-parentBodyId">Organet kan inte rapportera till sig självt/)
  })

  test('the coordinator adds a party and lets it leave; the owner cannot leave', async () => {
    const b = as('coordinator')
    const stockholm = (await findOrganisationByCode(t.deps.db, 'kommun-0180'))!.id
    const page = await b.get(`/collaborations/${otmb}/parties`)
    assert.match(page.body, new RegExp(`<option value="${stockholm}">Stockholms stad</option>`))
    assert.equal((await b.post(`/collaborations/${otmb}/parties`, { organisationId: stockholm, joinedOn: '2026-01-01' })).statusCode, 303)
    const again = await b.post(`/collaborations/${otmb}/parties`, { organisationId: stockholm })
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /<a href="#f-organisationId">Organisationen är redan part<\/a>/)
    const party = await one<{ id: string }>(sql`select id from collaboration_parties where collaboration_id = ${otmb} and organisation_id = ${stockholm}`)
    assert.equal((await b.post(`/collaborations/${otmb}/parties/${party.id}/remove`)).statusCode, 303)
    assert.match((await b.get(`/collaborations/${otmb}/parties`)).body, /Lämnade \d{4}-\d{2}-\d{2}/)
    const owner = await one<{ id: string }>(
      sql`select p.id from collaboration_parties p join organisations o on o.id = p.organisation_id where p.collaboration_id = ${otmb} and o.code = 'lansstyrelsen-05'`,
    )
    assert.equal((await b.post(`/collaborations/${otmb}/parties/${owner.id}/remove`)).statusCode, 409)
  })
})
