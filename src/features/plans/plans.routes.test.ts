import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { followUpEntries } from './follow-up.tables.ts'
import { todayInSweden } from './follow-up.service.ts'
import { nextPeriod, periodOf } from './periods.ts'
import { planItems, plans } from './plans.tables.ts'

let t: TestApp
let lkp: string
let lpo: string
const users: Record<string, BuiltUser> = {}
let planId: string
let promiseId: string

// Periods relative to today, so the test means the same whatever day it runs.
const today = todayInSweden()
const thisMonth = periodOf('monthly', today)
const monthsBack = (n: number) => {
  let p = periodOf('monthly', `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`)
  for (let i = 0; i < 12 - n; i++) p = nextPeriod(p)
  return p
}
const lastMonth = monthsBack(1)
const fourMonthsAgo = monthsBack(4)

before(async () => {
  t = await buildTestApp()
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  lpo = (await findOrganisationByCode(t.deps.db, 'lpo-linkoping'))!.id
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lina Linköping' })
  users.linkoping2 = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lars Linköping' })
  users.reporter = await buildUser(t.deps, { role: 'reporter', organisationCode: 'kommun-0580' })
  users.police = await buildUser(t.deps, { role: 'editor', organisationCode: 'polisomrade-ostergotland' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const auditsOf = (action: string, entityId: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
const planFields = (over: Record<string, string> = {}) => ({
  kind: 'citizen_promise',
  organisationId: lkp,
  title: 'Medborgarlöfte Linköping',
  periodStart: fourMonthsAgo.start,
  periodEnd: `${Number(today.slice(0, 4)) + 1}-12-31`,
  partnerOrganisationId: lpo,
  basis: 'Medborgardialog i Skäggetorp och anmälda brott.',
  status: 'adopted',
  visibility: 'public',
  dueDays: '10',
  signatory1Role: 'Kommunstyrelsens ordförande',
  signatory1Name: 'Karin Exempel',
  ...over,
})

describe('a medborgarlöfte is written by the municipality and its police area', () => {
  test('Linköping’s editor creates it; it is audited', async () => {
    const b = await as('linkoping')
    assert.equal((await b.get(`/plans/new?organisationId=${lkp}&kind=citizen_promise`)).statusCode, 200)
    const res = await b.post('/plans/new', planFields())
    assert.equal(res.statusCode, 303)
    planId = String(res.headers.location).split('/').pop()!
    const [plan] = await t.deps.db.select().from(plans).where(eq(plans.id, planId))
    assert.equal(plan.partnerOrganisationId, lpo)
    assert.deepEqual(plan.signatories, [{ role: 'Kommunstyrelsens ordförande', name: 'Karin Exempel' }])
    assert.equal((await auditsOf('plan.created', planId)).length, 1)
  })

  test('a promise with a countable target: the page says who promises and "Utlovat: minst 6 …"', async () => {
    const b = await as('police')
    const res = await b.post(`/plans/${planId}/items/new`, {
      kind: 'promise',
      promisor: 'police',
      title: 'genomföra riktade insatser mot narkotika i skolmiljö',
      places: 'Skäggetorp',
      targetComparator: 'at_least',
      targetValue: '6',
      targetUnit: 'riktade insatser',
      cadence: 'monthly',
      weight: '1',
    })
    assert.equal(res.statusCode, 303, 'the police area’s editors (at the polisområde above the LPO) write the shared plan too')
    const [item] = await t.deps.db.select().from(planItems).where(eq(planItems.planId, planId))
    promiseId = item.id
    assert.equal(item.targetValue, 6)
    const page = await b.get(`/plans/${planId}`)
    assert.match(page.body, /Polisen lovar att genomföra riktade insatser mot narkotika i skolmiljö/)
    assert.match(page.body, /Utlovat: minst 6 riktade insatser – Utfall: –/)
  })

  test('the county and another municipality read it but do not change it; a forbidden user gets 403 before any field error', async () => {
    for (const who of ['county', 'norrkoping']) {
      const b = await as(who)
      assert.equal((await b.get(`/plans/${planId}`)).statusCode, 200, who)
      assert.equal((await b.get(`/plans/${planId}/edit`)).statusCode, 403, who)
      assert.equal((await b.post(`/plans/${planId}/edit`, { title: '' })).statusCode, 403, who)
      assert.equal((await b.post(`/plans/${planId}/items/new`, { kind: 'promise' })).statusCode, 403, who)
      assert.equal((await b.post('/plans/new', { ...planFields(), title: '' })).statusCode, 403, who)
      assert.equal((await b.get(`/plan-items/${promiseId}/follow-up/${lastMonth.key}`)).statusCode, 403, who)
    }
  })

  test('bad plan input re-renders with the errors and stores nothing', async () => {
    const b = await as('linkoping')
    const before = (await t.deps.db.select().from(plans)).length
    const res = await b.post('/plans/new', planFields({ title: '', periodEnd: '2000-01-01', dueDays: 'tio' }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Skriv planens namn/)
    assert.match(res.body, /Slutdatumet kan inte vara före startdatumet/)
    assert.match(res.body, /Skriv antal dagar som ett heltal mellan 0 och 90/)
    assert.equal((await t.deps.db.select().from(plans)).length, before)
  })
})

describe('monthly follow-up', () => {
  test('the home page lists the missing months; the oldest is overdue', async () => {
    const b = await as('linkoping')
    const home = await b.get('/')
    assert.match(home.body, /Uppföljning att rapportera/)
    assert.match(home.body, /perioder saknas/)
    assert.match(home.body, new RegExp(`/plan-items/${promiseId}/follow-up/${fourMonthsAgo.key}`))
    assert.match(home.body, /Försenad/)
  })

  test('an entry in four fields: status, what was done, output, hours; late when after the due date', async () => {
    const b = await as('linkoping')
    const form = await b.get(`/plan-items/${promiseId}/follow-up/${fourMonthsAgo.key}`)
    assert.equal(form.statusCode, 200)
    const fields = [...form.body.matchAll(/<(?:input|textarea)[^>]*name="([^"]+)"[^>]*>/g)].map((m) => m[1]).filter((n) => n !== '_csrf')
    assert.ok(new Set(fields).size <= 5, `at most five form fields, saw ${fields.join(', ')}`)
    const res = await b.post(`/plan-items/${promiseId}/follow-up/${fourMonthsAgo.key}`, {
      status: 'on_track',
      narrative: 'Två insatser vid skolorna i Skäggetorp.',
      outputValue: '2',
      hours: '3,5',
    })
    assert.equal(res.statusCode, 303)
    const [entry] = await t.deps.db.select().from(followUpEntries).where(eq(followUpEntries.itemId, promiseId))
    assert.equal(entry.minutesSpent, 210)
    assert.equal(entry.outputValue, 2)
    assert.equal(entry.outputUnit, 'riktade insatser')
    assert.equal(entry.late, true, 'four months back is past its due date')
    assert.equal((await auditsOf('follow_up.entry_created', entry.id)).length, 1)
    const page = await b.get(`/plans/${planId}`)
    assert.match(page.body, /Utlovat: minst 6 riktade insatser – Utfall: 2/)
  })

  test('bad entry input gets field errors and stores nothing', async () => {
    const b = await as('linkoping')
    const res = await b.post(`/plan-items/${promiseId}/follow-up/${lastMonth.key}`, { outputValue: 'sex', hours: '-1' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Välj hur det går/)
    assert.match(res.body, /Skriv utfallet som ett tal/)
    assert.match(res.body, /Skriv tiden i timmar/)
    assert.equal((await t.deps.db.select().from(followUpEntries).where(eq(followUpEntries.periodKey, lastMonth.key))).length, 0)
  })

  test('two editors write the same month: the second sees both versions and nothing is overwritten', async () => {
    const first = await as('linkoping')
    const second = await as('linkoping2')
    const url = `/plan-items/${promiseId}/follow-up/${lastMonth.key}`
    await first.get(url)
    await second.get(url)
    assert.equal((await first.post(url, { status: 'at_risk', narrative: 'Första versionen.' })).statusCode, 303)
    const clash = await second.post(url, { status: 'done', narrative: 'Andra versionen.' })
    assert.equal(clash.statusCode, 409)
    assert.match(clash.body, /Någon annan har sparat under tiden/)
    assert.match(clash.body, /Första versionen\./)
    assert.match(clash.body, /Andra versionen\./)
    const [stored] = await t.deps.db
      .select()
      .from(followUpEntries)
      .where(and(eq(followUpEntries.itemId, promiseId), eq(followUpEntries.periodKey, lastMonth.key)))
    assert.equal(stored.narrative, 'Första versionen.')
    // Saving again from the conflict page (it carries the stored version) replaces it knowingly.
    const version = /name="version" value="(\d+)"/.exec(clash.body)![1]
    assert.equal((await second.post(url, { status: 'done', narrative: 'Andra versionen.', version })).statusCode, 303)
    const [replaced] = await t.deps.db.select().from(followUpEntries).where(eq(followUpEntries.id, stored.id))
    assert.equal(replaced.narrative, 'Andra versionen.')
    assert.equal(replaced.version, 2)
  })

  test('a reporter of the municipality writes entries but not the plan', async () => {
    const b = await as('reporter')
    const url = `/plan-items/${promiseId}/follow-up/${monthsBack(2).key}`
    assert.equal((await b.get(url)).statusCode, 200)
    assert.equal((await b.post(url, { status: 'on_track' })).statusCode, 303)
    assert.equal((await b.get(`/plans/${planId}/edit`)).statusCode, 403)
  })

  test('only periods of the item’s cadence that have begun can be reported', async () => {
    const b = await as('linkoping')
    const nextMonth = nextPeriod(thisMonth)
    for (const key of [nextMonth.key, `${today.slice(0, 4)}-T1`, '2026-13', 'x', monthsBack(11).key]) {
      assert.equal((await b.get(`/plan-items/${promiseId}/follow-up/${key}`)).statusCode, 404, key)
    }
    assert.equal((await b.get(`/plan-items/${promiseId}/follow-up/${thisMonth.key}`)).statusCode, 200, 'the running month may be reported early')
  })

  test('the item page lists every period with its state', async () => {
    const b = await as('county')
    const page = await b.get(`/plan-items/${promiseId}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Rapporterad sent/)
    assert.match(page.body, /Rapporterad/)
    assert.doesNotMatch(page.body, new RegExp(`follow-up/${lastMonth.key}"`), 'the county reads; it does not report')
  })
})

describe('visibility', () => {
  test('a plan kept to its own parties is a 404 for another municipality, readable by the county', async () => {
    const b = await as('linkoping')
    const res = await b.post('/plans/new', planFields({ kind: 'action_plan', title: 'Åtgärdsplan Linköping', visibility: 'organisation' }))
    assert.equal(res.statusCode, 303)
    const id = String(res.headers.location).split('/').pop()
    assert.equal((await (await as('norrkoping')).get(`/plans/${id}`)).statusCode, 404)
    assert.equal((await (await as('county')).get(`/plans/${id}`)).statusCode, 200)
    assert.equal((await (await as('police')).get(`/plans/${id}`)).statusCode, 200)
    const list = await (await as('norrkoping')).get(`/organisations/${lkp}/plans`)
    assert.doesNotMatch(list.body, /Åtgärdsplan Linköping/)
    assert.match(list.body, /Medborgarlöfte Linköping/)
  })
})
