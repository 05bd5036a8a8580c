import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { buildReport } from '../situation-reports/situation-reports.test-factories.ts'
import { lawTrackerSettings } from './law-tracker.tables.ts'

let t: TestApp
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.stockholm = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  // Linköping's lägesbild adopted 2025-11-20 by Kommunfullmäktige § 187.
  await buildReport(t.deps, { status: 'adopted', periodStart: '2025-01-01' })
})
after(() => t?.close())

const as = (who: string) => signedIn(t.app, users[who])
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

test('the county matrix lists every municipality of the county with its five obligations', async () => {
  const b = await as('county')
  const res = await b.get('/law/counties/05')
  assert.equal(res.statusCode, 200)
  const body = text(res.body)
  for (const name of ['Boxholm', 'Linköping', 'Ödeshög', 'Ydre']) assert.match(body, new RegExp(name))
  assert.equal((res.body.match(/href="\/law\/municipalities\/05\d\d"/g) ?? []).length, 13)
  assert.match(body, /Lägesbild: 1 av 13 kommuner i ordning/)
  assert.match(body, /Antagen 20 nov/)
  // The history table has a row per year since the law (2023) and the chart has its data table.
  assert.match(body, /2023/)
  assert.match(res.body, /<figure/)
})

test('a municipality page says where it stands and what to do next', async () => {
  const b = await as('linkoping')
  const res = await b.get('/law/municipalities/0580')
  assert.equal(res.statusCode, 200)
  const body = text(res.body)
  assert.match(body, /Antagen 20 nov. 2025 av Kommunfullmäktige § 187/)
  assert.match(body, /Kommunen har inte angett någon samordningsfunktion/)
  assert.match(res.body, /href="\/organisations\/[0-9a-f-]+\/structure\/edit"/)
  assert.match(body, /Ingår inte i lagen/)
})

test('/law shows people their own county; other counties and bad codes are hidden', async () => {
  const own = await as('linkoping')
  const home = await own.get('/law')
  assert.equal(home.statusCode, 200)
  assert.match(home.body, /Östergötlands län/)
  const other = await as('stockholm')
  assert.equal((await other.get('/law/counties/05')).statusCode, 404)
  assert.equal((await other.get('/law/municipalities/0580')).statusCode, 404)
  assert.equal((await other.get('/law/counties/01')).statusCode, 200)
  assert.equal((await own.get('/law/municipalities/05800')).statusCode, 404)
  assert.equal((await own.get('/law/counties/99')).statusCode, 404)
  const anonymous = await t.app.inject({ url: '/law/counties/05' })
  assert.equal(anonymous.statusCode, 303)
  assert.match(String(anonymous.headers.location), /^\/login/)
})

test('settings: only the county coordinator; bad input changes nothing; a stale save is refused; the tracker follows', async () => {
  const muni = await as('linkoping')
  assert.equal((await muni.get('/law/counties/05/settings')).statusCode, 403)
  assert.equal((await muni.post('/law/counties/05/settings', { reviewIntervalMonths: '6' })).statusCode, 403)
  assert.equal((await (await as('stockholm')).get('/law/counties/05/settings')).statusCode, 404)

  const b = await as('county')
  assert.equal((await b.get('/law/counties/05/settings')).statusCode, 200)
  const bad = await b.post('/law/counties/05/settings', {
    reviewIntervalMonths: '0',
    warnMonths: '3',
    actionPlanDeadline: '2024-02-30',
    decidingBody: 'Kommunstyrelsen',
    version: '0',
  })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /error-summary/)
  assert.match(text(bad.body), /mellan 1 och 120/)
  assert.equal((await t.deps.db.select().from(lawTrackerSettings)).length, 0)

  const ok = await b.post('/law/counties/05/settings', {
    reviewIntervalMonths: '6',
    warnMonths: '1',
    actionPlanDeadline: '2024-07-01',
    decidingBody: 'Kommunfullmäktige',
    version: '0',
  })
  assert.equal(ok.statusCode, 303)
  const [row] = await t.deps.db.select().from(lawTrackerSettings).where(eq(lawTrackerSettings.countyCode, '05'))
  assert.equal(row.reviewIntervalMonths, 6)
  const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'law_tracker.settings_updated'))
  assert.equal(events.length, 1)

  const stale = await b.post('/law/counties/05/settings', {
    reviewIntervalMonths: '12',
    warnMonths: '1',
    actionPlanDeadline: '2024-07-01',
    decidingBody: 'Kommunfullmäktige',
    version: '0',
  })
  assert.equal(stale.statusCode, 409)
  assert.equal((await t.deps.db.select().from(lawTrackerSettings))[0].reviewIntervalMonths, 6)

  // Six months after 2025-11-20 the lägesbild is out of date, and the next step names the body of the settings.
  const page = text((await b.get('/law/municipalities/0580')).body)
  assert.match(page, /Inaktuell|äldre än intervallet på 6 månader/)
})
