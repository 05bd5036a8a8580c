import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { buildCollaboration, buildMeeting, buildPerson, buildSeat } from '../features/bodies/seats.test-factories.ts'
import { buildCollaborationWithDeclaration } from '../features/declarations/declarations.test-factories.ts'
import { TestBrowser } from '../test-support/browser.ts'
import { buildUser } from '../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../test-support/test-app.ts'
import { MUTATING, auditCount, fillRoute } from './route-fill.ts'

/**
 * B9: every registered route that changes state refuses a request without the session's own CSRF
 * token, for a signed-in administrator (whom the route's policy would otherwise let through), before
 * anything else happens: the refusal is the CSRF one, and the audit log does not grow.
 *
 * Each route is tried as a form (url-encoded, no token; another session's token), as JSON with the
 * session cookie (no header; another session's token in the header), and, where it takes files,
 * as a multipart form whose first field is another session's token.
 *
 * No exceptions: login and logout check the token too (a forged login plants the attacker's
 * session; a forged logout is a nuisance), and the bearer-token exemption applies only to requests
 * carrying no cookie (see api-token tests). A route registered with `csrf: false` fails here.
 */
let t: TestApp
let admin: TestBrowser
let other: TestBrowser
before(async () => {
  t = await buildTestApp()
  // Real records for the path parameters, so "nothing changed" is measured on records that exist.
  const c = await buildCollaboration(t.deps)
  const person = await buildPerson(t.deps, c.org['kommun-0580'])
  await buildSeat(t.deps, { bodyId: c.steeringId, personId: person.id, organisationId: c.org['kommun-0580'] })
  await buildMeeting(t.deps, c.steeringId, 3)
  await buildCollaborationWithDeclaration(t.deps)
  const user = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(t.app)
  await admin.login(user.email, user.password)
  // The same person in a second browser: a token valid for one session must not work for another.
  other = new TestBrowser(t.app)
  await other.login(user.email, user.password)
  assert.notEqual(admin.csrf, other.csrf)
})
after(() => t?.close())

const isCsrfRefusal = (res: LightMyRequestResponse) =>
  res.statusCode === 403 && (/Formuläret kunde inte skickas/.test(res.body) || /"code":"csrf"/.test(res.body))

test('every mutating route refuses a missing or foreign CSRF token before doing anything', async () => {
  const routes = t.deps.routes.filter((r) => MUTATING.has(r.method))
  assert.ok(routes.length >= 50, `only ${routes.length} mutating routes`)
  const failures: string[] = []
  let requests = 0
  for (const r of routes) {
    const url = await fillRoute(t.deps, r.url)
    const auditBefore = await auditCount(t.deps)
    const attempts: [string, () => Promise<LightMyRequestResponse>][] = [
      ['form without token', () => admin.request(r.method, url, { form: { name: 'x' } })],
      ['form with another session’s token', () => admin.request(r.method, url, { form: { _csrf: other.csrf, name: 'x' } })],
      ['JSON without token', () => admin.request(r.method, url, { json: {} })],
      ['JSON with another session’s token', () => admin.request(r.method, url, { json: {}, headers: { 'x-csrf-token': other.csrf } })],
    ]
    if (r.uploads)
      attempts.push(['multipart with another session’s token', () => admin.request(r.method, url, { multipart: { _csrf: other.csrf, note: 'x' } })])
    for (const [how, send] of attempts) {
      const res = await send()
      requests++
      if (!isCsrfRefusal(res)) failures.push(`${r.method} ${r.url} (${r.policy}), ${how}: ${res.statusCode}`)
    }
    const auditAfter = await auditCount(t.deps)
    if (auditAfter !== auditBefore) failures.push(`${r.method} ${r.url}: audit log grew by ${auditAfter - auditBefore}`)
  }
  assert.deepEqual(failures, [])
  // The administrator is still signed in: no refused request ended the session.
  assert.equal((await admin.get('/account')).statusCode, 200)
  assert.ok(requests >= routes.length * 4)
})
