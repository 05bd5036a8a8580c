import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { signedIn } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { formatOf, paramCheckFor } from './params.ts'

/**
 * Route parameters are checked at the door, proven over every registered route: a malformed id is a
 * 404 (an HTML page, or problem+json for the API) before any body is read or query runs — never a 500.
 */
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const VALID = '00000000-0000-4000-8000-000000000000'
const withParams = (r: { url: string }) => [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((name) => formatOf(name))

test('ids are UUIDs and sequence numbers whole numbers; other parameters are the feature’s business', () => {
  assert.ok(formatOf('id')?.test(VALID))
  assert.ok(formatOf('bodyId')?.test(VALID.toUpperCase()))
  for (const bad of ['not-a-uuid', `${VALID} `, `${VALID}x`, '', "1' or '1'='1", '\u0000']) assert.equal(formatOf('meetingId')?.test(bad), false, bad)
  assert.ok(formatOf('seq')?.test('42'))
  for (const bad of ['0', '-1', '1.5', '1e3', '99999999999999999999']) assert.equal(formatOf('seq')?.test(bad), false, bad)
  assert.equal(formatOf('code'), undefined)
  assert.equal(paramCheckFor('/public/collaborations/:code'), undefined)
})

test('every route with an id parameter answers 404 for a malformed id, as HTML or problem+json', async () => {
  const admin = await buildUser(t.deps, { role: 'admin' })
  const browser = await signedIn(t.app, admin)
  const cookie = ['tm_session', 'tm_anon'].map((n) => `${n}=${browser.cookie(n) ?? ''}`).join('; ')
  let checked = 0
  for (const r of t.deps.routes) {
    if (r.method === 'HEAD') continue
    for (const name of withParams(r)) {
      const url = r.url.replace(/:(\w+)/g, (_m, p: string) => (p === name ? 'not-a-uuid' : formatOf(p) ? (p === 'seq' ? '1' : VALID) : 'x'))
      const isApi = url.startsWith('/api/')
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': browser.csrf, ...(r.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(r.method === 'GET' ? {} : { payload: '{}' }),
      })
      const label = `${r.method} ${url}`
      assert.equal(res.statusCode, 404, `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`)
      if (isApi) {
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, label)
        assert.equal(res.json().status, 404, label)
      } else {
        assert.match(String(res.headers['content-type']), /^text\/html/, label)
        assert.match(res.body, /Sidan kunde inte hittas/, label)
      }
      checked++
    }
  }
  assert.ok(checked >= 60, `only ${checked} route parameters checked`)
})

test('the API answers a malformed body id with problem+json 404 before reading the body', async () => {
  const admin = await buildUser(t.deps, { role: 'admin' })
  const browser = await signedIn(t.app, admin)
  for (const url of ['/api/v1/bodies/not-a-uuid', '/api/v1/bodies/not-a-uuid/seats']) {
    const res = await browser.get(url.endsWith('seats') ? url : `${url}/meetings`)
    assert.equal(res.statusCode, 404, url)
    assert.equal(res.json().status, 404, url)
  }
  const patch = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/bodies/not-a-uuid',
    headers: { cookie: `tm_session=${browser.cookie('tm_session')}`, 'x-csrf-token': browser.csrf, 'content-type': 'application/json' },
    payload: '{"name": ',
  })
  assert.equal(patch.statusCode, 404, 'a malformed id is refused before the (broken) body is parsed')
})
