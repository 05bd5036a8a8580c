import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { createApiToken } from '../api-tokens/index.ts'
import { actorForUser } from '../accounts/index.ts'

let t: TestApp
let viewer: BuiltUser
let token: string
before(async () => {
  t = await buildTestApp()
  viewer = await buildUser(t.deps, { role: 'viewer', name: 'Vera Läsare' })
  const admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  const adminActor = await actorForUser(t.deps, admin.id, 'session')
  token = (await createApiToken(t.deps, { actor: adminActor! }, { name: 'API-test', userId: viewer.id, scopes: ['read'] })).secret
})
after(() => t.close())

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
const bearer = () => ({ authorization: `Bearer ${token}` })

function problem(res: LightMyRequestResponse, status: number) {
  assert.equal(res.statusCode, status)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  assert.equal(body.status, status)
  assert.equal(typeof body.title, 'string')
  return body
}

const ÖSTERGÖTLAND = [
  'Boxholms kommun',
  'Finspångs kommun',
  'Kinda kommun',
  'Linköpings kommun',
  'Mjölby kommun',
  'Motala kommun',
  'Norrköpings kommun',
  'Söderköpings kommun',
  'Vadstena kommun',
  'Valdemarsviks kommun',
  'Ydre kommun',
  'Åtvidabergs kommun',
  'Ödeshögs kommun',
]

describe('GET /api/v1/organisations', () => {
  test('works with a browser session and with a token, and includes Linköpings kommun', async () => {
    const b = new TestBrowser(t.app)
    await b.login(viewer.email, viewer.password)
    for (const res of [await b.get('/api/v1/organisations'), await get('/api/v1/organisations', bearer())]) {
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^application\/json/)
      const { items } = res.json()
      assert.ok(items.length > 290, 'every municipality and the other parties')
      const linkoping = items.find((o: any) => o.code === 'kommun-0580')
      assert.equal(linkoping.name, 'Linköpings kommun')
      assert.equal(linkoping.kind, 'municipality')
      assert.equal(linkoping.municipalityCode, '0580')
      assert.equal(linkoping.countyCode, '05')
    }
  })

  test('?county=05&kind=municipality gives the 13 municipalities of Östergötland in Swedish order', async () => {
    const res = await get('/api/v1/organisations?county=05&kind=municipality', bearer())
    assert.equal(res.statusCode, 200)
    const names = res.json().items.map((o: { name: string }) => o.name)
    assert.equal(names.length, 13)
    // Å and Ö sort last in Swedish (the C collation would put them elsewhere).
    assert.deepEqual(names, ÖSTERGÖTLAND)
  })

  test('an invalid filter is a 400 problem with the field path', async () => {
    const body = problem(await get('/api/v1/organisations?kind=bogus', bearer()), 400)
    assert.equal(body.errors.length, 1)
    assert.equal(body.errors[0].path, 'kind')
    assert.equal(typeof body.errors[0].code, 'string')
    assert.ok(body.errors[0].message.length > 0)
    const county = problem(await get('/api/v1/organisations?county=5', bearer()), 400)
    assert.deepEqual(
      county.errors.map((e: { path: string }) => e.path),
      ['county'],
    )
  })
})
