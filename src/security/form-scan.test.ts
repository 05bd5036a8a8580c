import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../test-support/test-app.ts'
import { type FoundForm, crawl, routeOf } from './crawl.ts'
import { buildMatrixFixtures, type Fixtures } from './role-matrix.fixtures.ts'
import { pathFor } from './role-matrix.paths.ts'

/**
 * The escaping test (B12) reaches a form's text fields through the schema its route declares
 * (`config.form`): a form whose route declares none is never sent a payload. This scan renders every
 * page an administrator can reach — from every registered GET route, filled with the role matrix's
 * fixtures, which hold every kind of record in a state where its forms show (a planned and a held
 * meeting under justering, a joint event, a signature) — and fails for any form with a field a
 * person types text into whose route does not declare its schema.
 */
let t: TestApp
let fx: Fixtures
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_MAX: '1000000' })
  fx = await buildMatrixFixtures(t.deps, t.app)
})
after(() => t?.close())

/** Fields a person types free text into, as the browser shows them. */
const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'textarea'])
/**
 * Forms whose text fields no static schema can list, with the reason. The escaping test does not send
 * their fields payloads; the crawl still checks every page that shows what they stored.
 */
const EXEMPT: Record<string, string> = {
  '/meetings/:meetingId/attendance': 'one row per seat: substitute_<seatId> and time_<seatId> are named by the seat (parseAttendance)',
}
const pattern = (page: string) => routeOf(t.deps.routes, 'GET', page.split('?')[0])?.url ?? page
const hasTextField = (form: FoundForm) => form.fields.some((f) => (f.kind === 'input' || f.kind === 'textarea') && TEXT_TYPES.has(f.type))

test('every form with a text field posts to a route that declares its schema', async () => {
  const admin = fx.clients.admin
  assert.equal(admin.kind, 'session')
  const routes = t.deps.routes
  const seeds = ['/', '/account']
  for (const r of routes) {
    if (r.method !== 'GET' || r.url.startsWith('/api/') || r.url.startsWith('/static/') || r.url.startsWith('/calendar/')) continue
    // A route whose record is made per cell in the matrix (an outbox message) is reached from its list.
    if (r.url.includes(':messageId')) continue
    seeds.push(pathFor(fx, r.url, { meetingId: fx.plannedMeetingId }))
    if (r.url.includes(':meetingId')) seeds.push(pathFor(fx, r.url))
  }
  const forms = await crawl(t.app, admin.browser, routes, seeds, { findings: [], kinds: new Map(), perRoute: 4 })
  const missing = new Set<string>()
  let withText = 0
  for (const form of forms) {
    if (!hasTextField(form)) continue
    withText++
    const route = routeOf(routes, 'POST', form.action.split('?')[0])
    if (!route) missing.add(`${form.action} (on ${form.page}): no POST route`)
    else if (!route.form && !EXEMPT[route.url]) missing.add(`POST ${route.url}: declares no config.form (its form on ${pattern(form.page)} has text fields)`)
  }
  assert.ok(withText >= 30, `only ${withText} forms with text fields found`)
  assert.deepEqual([...missing].sort(), [])
})
