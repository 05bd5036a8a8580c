import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import type { Actor } from '../../platform/http/actor.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, buildCollaboration, orgId } from '../bodies/seats.test-factories.ts'
import { loadDemoPlans } from '../../../db/seed/demo-plans.ts'
import { OTMB_CODE } from '../../../db/seed/otmb.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { countyDashboard } from './dashboard.service.ts'
import * as followUpRepo from './follow-up.repo.ts'
import { itemFollowUp, periodRows, todayInSweden } from './follow-up.service.ts'
import { followUpItemStates, followUpPlanStates } from './follow-up.tables.ts'
import { dueDate, nextPeriod, periodOf } from './periods.ts'
import { type Plan, type PlanItem, organisationWithDescendants } from './plans.repo.ts'
import { type Cadence, type PlanKind, type PlanStatus, planItems, plans } from './plans.tables.ts'

let t: TestApp
let c: TestCollaboration
const users: Record<string, BuiltUser> = {}
const org: Record<string, string> = {}
const item: Record<string, PlanItem> = {}
const plan: Record<string, Plan> = {}

// Periods relative to today, so the test means the same whatever day it runs.
const today = todayInSweden()
const monthsBack = (n: number) => {
  let p = periodOf('monthly', `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`)
  for (let i = 0; i < 12 - n; i++) p = nextPeriod(p)
  return p
}
const start = monthsBack(4).start
const end = `${Number(today.slice(0, 4)) + 1}-12-31`

async function buildPlan(key: string, kind: PlanKind, owner: string, status: PlanStatus, partner?: string) {
  const [p] = await t.deps.db
    .insert(plans)
    .values({
      kind,
      organisationId: org[owner],
      partnerOrganisationId: partner ? org[partner] : null,
      title: `${key} plan`,
      periodStart: start,
      periodEnd: end,
      status,
      dueDays: 10,
    })
    .returning()
  plan[key] = p
}
async function buildItem(key: string, planKey: string, kind: PlanItem['kind'], cadence: Cadence = 'monthly') {
  const [i] = await t.deps.db
    .insert(planItems)
    .values({ planId: plan[planKey].id, kind, title: key, position: Object.keys(item).length + 1, cadence })
    .returning()
  item[key] = i
}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  for (const code of ['kommun-0580', 'kommun-0581', 'lpo-linkoping', 'polisomrade-ostergotland', 'region-ostergotland']) org[code] = await orgId(t.deps, code)
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  users.otherCounty = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  // Linköping's medborgarlöfte with its LPO: two monthly promises and a quarterly one; a focus area is not followed up.
  await buildPlan('ml', 'citizen_promise', 'kommun-0580', 'adopted', 'lpo-linkoping')
  await buildItem('monthlyA', 'ml', 'promise')
  await buildItem('monthlyB', 'ml', 'promise')
  await buildItem('quarterly', 'ml', 'promise', 'quarterly')
  await buildItem('focus', 'ml', 'focus_area')
  // Norrköping: a draft asks for nothing; a published åtgärdsplan's measure does.
  await buildPlan('draft', 'action_plan', 'kommun-0581', 'draft')
  await buildItem('drafted', 'draft', 'measure')
  await buildPlan('ap', 'action_plan', 'kommun-0581', 'published')
  await buildItem('measure', 'ap', 'measure')
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const report = async (who: string, key: string, periodKey: string, fields: Record<string, string>) => {
  const res = await (await as(who)).post(`/plan-items/${item[key].id}/follow-up/${periodKey}`, fields)
  assert.equal(res.statusCode, 303, res.body)
}

/** The reference: periods.ts and the plan page's own per-item logic over every entry, in JS. */
async function expectedFor(planIds: string[], day: string) {
  const ps = planIds.length ? await t.deps.db.select().from(plans).where(inArray(plans.id, planIds)) : []
  const its = (planIds.length ? await t.deps.db.select().from(planItems).where(inArray(planItems.planId, planIds)) : []).filter((i) =>
    ['activity', 'measure', 'promise'].includes(i.kind),
  )
  const entries = await followUpRepo.listEntries(
    t.deps.db,
    its.map((i) => i.id),
  )
  const out = { items: its.length, due: 0, overdue: 0, status: {} as Record<string, number> }
  for (const i of its) {
    const p = ps.find((x) => x.id === i.planId)!
    for (const r of periodRows(p, i, entries, day)) if (r.state === 'due' || r.state === 'overdue') out[r.state]++
    const latest = itemFollowUp(p, i, entries, day).latest?.status ?? 'not_reported'
    out.status[latest] = (out.status[latest] ?? 0) + 1
  }
  return out
}
const expected = (planKeys: string[], day: string) =>
  expectedFor(
    planKeys.map((k) => plan[k].id),
    day,
  )

async function assertMatches(partyCode: string, planKeys: string[], day: string) {
  const dash = await countyDashboard(t.deps, coordinator(), c.id, day)
  const row = dash.parties.find((p) => p.party.organisationId === org[partyCode])!
  const want = await expected(planKeys, day)
  assert.equal(row.counts.items, want.items, `${partyCode} items on ${day}`)
  assert.equal(row.counts.due, want.due, `${partyCode} due on ${day}`)
  assert.equal(row.counts.overdue, want.overdue, `${partyCode} overdue on ${day}`)
  for (const [status, n] of Object.entries(row.counts.byStatus)) assert.equal(n, want.status[status] ?? 0, `${partyCode} ${status} on ${day}`)
  return row.counts
}

/** The owner's coordinator, as the service sees them (the routes below go through a real session). */
const coordinator = (): Actor => ({
  userId: users.county.id,
  email: users.county.email,
  name: 'Test coordinator',
  organisationId: users.county.organisationId,
  organisationName: 'Länsstyrelsen Östergötland',
  roles: [{ role: 'coordinator', organisationId: users.county.organisationId }],
  via: 'session',
  mustChangePassword: false,
})

describe('the county dashboard counts what the entries say', () => {
  test('before any entry: every item not reported, every ended period missing', async () => {
    const lkp = await assertMatches('kommun-0580', ['ml'], today)
    assert.equal(lkp.items, 3, 'the focus area is not followed up')
    assert.equal(lkp.byStatus.not_reported, 3)
    assert.ok(lkp.overdue >= 3 * 2, 'at least the two oldest months of each monthly promise are overdue')
    const nkp = await assertMatches('kommun-0581', ['ap'], today)
    assert.equal(nkp.items, 1, 'the draft asks for nothing')
    // The police area's row counts the plans shared with the LPOs below it.
    await assertMatches('polisomrade-ostergotland', ['ml'], today)
    await assertMatches('region-ostergotland', [], today)
  })

  test('entries move the counts: status by the newest period, due and overdue by the days after each period', async () => {
    await report('linkoping', 'monthlyA', monthsBack(4).key, { status: 'on_track' })
    await report('linkoping', 'monthlyA', monthsBack(1).key, { status: 'at_risk' })
    await report('linkoping', 'monthlyB', monthsBack(3).key, { status: 'not_started' })
    await report('linkoping', 'quarterly', periodOf('quarterly', start).key, { status: 'done' })
    const lkp = await assertMatches('kommun-0580', ['ml'], today)
    assert.equal(lkp.byStatus.at_risk, 1)
    assert.equal(lkp.byStatus.not_started, 1)
    assert.equal(lkp.byStatus.done, 1)
    assert.equal(lkp.byStatus.not_reported, 0)
    assert.ok(lkp.lastUpdate, 'the last update is the newest entry')
    // The same entries seen on the days around a due date: due up to it, overdue after it.
    const due = dueDate(monthsBack(2), 10)
    for (const day of [monthsBack(2).end, due, nextDay(due), dueDate(monthsBack(1), 10), nextDay(dueDate(monthsBack(1), 10)), monthsBack(0).end]) {
      await assertMatches('kommun-0580', ['ml'], day)
      await assertMatches('polisomrade-ostergotland', ['ml'], day)
      await assertMatches('kommun-0581', ['ap'], day)
    }
  })

  test('a status change to an entry changes the latest status, in the same transaction as the entry', async () => {
    const [before] = await t.deps.db.select().from(followUpItemStates).where(eq(followUpItemStates.itemId, item.monthlyA.id))
    assert.equal(before.latestStatus, 'at_risk')
    assert.equal(before.entryCount, 2)
    await report('linkoping', 'monthlyA', monthsBack(1).key, { status: 'deviation', version: '1' })
    const [after] = await t.deps.db.select().from(followUpItemStates).where(eq(followUpItemStates.itemId, item.monthlyA.id))
    assert.equal(after.latestStatus, 'deviation')
    assert.equal(after.entryCount, 2, 'an update is not a new entry')
    const [plan] = await t.deps.db.select().from(followUpPlanStates).where(eq(followUpPlanStates.planId, item.monthlyA.planId))
    assert.deepEqual(
      { reported: plan.reportedItems, atRisk: plan.atRisk, deviation: plan.deviation, entries: plan.entryCount },
      { reported: 3, atRisk: 0, deviation: 1, entries: 4 },
    )
    // An older period changed does not become the latest.
    await report('linkoping', 'monthlyA', monthsBack(4).key, { status: 'done', version: '1' })
    const lkp = await assertMatches('kommun-0580', ['ml'], today)
    assert.equal(lkp.byStatus.deviation, 1)
    assert.equal(lkp.byStatus.at_risk, 0)
    assert.equal(lkp.byStatus.done, 1, 'still only the quarterly promise')
  })
})

function nextDay(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

describe('who sees the dashboard', () => {
  test('the owner’s coordinator and the admin see every party, with links to its plans, a chart and its table', async () => {
    for (const who of ['county', 'admin']) {
      const page = await (await as(who)).get(`/collaborations/${c.id}/follow-up`)
      assert.equal(page.statusCode, 200, who)
      assert.match(page.body, /Uppföljning i ÖTMB/)
      assert.ok(page.body.includes(`href="/organisations/${org['kommun-0580']}/plans"`), 'each party links to its plans')
      assert.match(page.body, /<svg[^>]*role="img"/)
      assert.match(page.body, /Senaste status för alla parter, som tabell/)
      assert.match(page.body, /Ej rapporterad/)
    }
  })

  test('another county’s coordinator and a party’s editor are refused; a collaboration that does not exist is a 404', async () => {
    assert.equal((await (await as('otherCounty')).get(`/collaborations/${c.id}/follow-up`)).statusCode, 403)
    assert.equal((await (await as('linkoping')).get(`/collaborations/${c.id}/follow-up`)).statusCode, 403)
    assert.equal((await (await as('county')).get('/collaborations/00000000-0000-4000-8000-000000000000/follow-up')).statusCode, 404)
    assert.equal((await (await as('county')).get('/collaborations/nonsense/follow-up')).statusCode, 404)
  })

  test('the collaboration page links to it for its managers only', async () => {
    const href = `href="/collaborations/${c.id}/follow-up"`
    assert.ok((await (await as('county')).get(`/collaborations/${c.id}`)).body.includes(href))
    assert.ok(!(await (await as('linkoping')).get(`/collaborations/${c.id}`)).body.includes(href))
  })

  test('the coordinator’s home page says how many follow-ups are overdue at how many parties', async () => {
    const home = await (await as('county')).get('/')
    // Linköping, Norrköping, and the police area that shares Linköping's medborgarlöfte through its LPO.
    assert.match(home.body, new RegExp(`href="/collaborations/${c.id}/follow-up">Uppföljning i ÖTMB: \\d+ uppföljningar försenade hos 3 parter\\.`))
    assert.doesNotMatch((await (await as('linkoping')).get('/')).body, /uppföljningar försenade hos/)
  })

  test('the party’s plans page shows its due and overdue periods', async () => {
    const page = await (await as('linkoping')).get(`/organisations/${org['kommun-0580']}/plans`)
    assert.equal(page.statusCode, 200)
    const want = await expected(['ml'], today)
    assert.match(page.body, new RegExp(`${want.overdue} är försenade`))
  })
})

describe('the demo data', () => {
  test('every party of ÖTMB: the dashboard says what the entries say (demo entries are summed as saveEntry sums them)', async () => {
    await loadDemoPlans(t.deps, today)
    const [otmb] = await t.deps.db.select().from(collaborations).where(eq(collaborations.code, OTMB_CODE))
    const dash = await countyDashboard(t.deps, coordinator(), otmb.id, today)
    let checked = 0
    for (const row of dash.parties) {
      const units = await organisationWithDescendants(t.deps.db, [row.party.organisationId])
      const theirs = (await t.deps.db.select().from(plans)).filter(
        (p) => p.status !== 'draft' && (units.includes(p.organisationId) || (p.partnerOrganisationId && units.includes(p.partnerOrganisationId))),
      )
      const want = await expectedFor(
        theirs.map((p) => p.id),
        today,
      )
      const label = row.party.name
      assert.equal(row.counts.items, want.items, `${label} items`)
      assert.equal(row.counts.due, want.due, `${label} due`)
      assert.equal(row.counts.overdue, want.overdue, `${label} overdue`)
      for (const [status, n] of Object.entries(row.counts.byStatus)) assert.equal(n, want.status[status] ?? 0, `${label} ${status}`)
      if (want.items) checked++
    }
    assert.ok(checked >= 13, `only ${checked} parties with plans`)
    assert.ok(dash.total.overdue > 0, 'some demo municipalities are behind')
  })
})
