import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { followUpEntries } from '../plans/follow-up.tables.ts'
import { planItems, plans } from '../plans/plans.tables.ts'
import { buildActionPlan } from '../situation-reports/situation-reports.test-factories.ts'
import { planItemMethods } from './methods.tables.ts'
import { buildMethod } from './methods.test-factories.ts'

/** Issue 10 §3 seen from the åtgärdsplan: a measure's methods, and what others did about a problem. */
let t: TestApp
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.linkopingReader = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.stockholm = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const auditCount = async (action: string, id: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = ${action} and entity_id = ${id}`))[0].n

async function measureIn(planId: string, title: string) {
  const [m] = await t.deps.db.insert(planItems).values({ planId, kind: 'measure', position: 1, title }).returning()
  return m
}

/** An åtgärdsplan of another party with one measure that applies the method. */
async function otherMeasure(code: string, methodId: string, title: string, visibility: 'public' | 'partners' | 'organisation' = 'partners') {
  const { plan } = await buildActionPlan(t.deps, code)
  await t.deps.db.update(plans).set({ visibility }).where(eq(plans.id, plan.id))
  const m = await measureIn(plan.id, title)
  await t.deps.db.insert(planItemMethods).values({ planItemId: m.id, methodId })
  return m
}

describe('linking a method from a measure of the åtgärdsplan', () => {
  test('the plan’s editors link and unlink a curated method, audited; others are refused; bad ids are form errors', async () => {
    const m = await buildMethod(t.deps, { name: 'Grannstöd (plansidan)' })
    const proposal = await buildMethod(t.deps, { name: 'Förslag (plansidan)', status: 'proposed', organisationCode: 'kommun-0580' })
    const { plan, problems } = await buildActionPlan(t.deps)
    const measure = await measureIn(plan.id, 'Grannar håller uppsikt i Skäggetorp')
    const editor = await as('linkoping')

    const page = await editor.get(`/plan-items/${measure.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Metoder som åtgärden tillämpar/)
    assert.match(page.body, new RegExp(`action="/measures/${measure.id}/methods"`))
    assert.match(page.body, /Grannstöd \(plansidan\)/)

    // A malformed id, an unknown one and a proposal are the form's errors, never a 500.
    for (const methodId of ['inte-ett-id', '00000000-0000-4000-8000-000000000000', proposal.id]) {
      const bad = await editor.post(`/measures/${measure.id}/methods`, { methodId })
      assert.equal(bad.statusCode, 400, methodId)
      assert.match(bad.body, /Välj en metod i listan/)
    }
    assert.equal((await editor.post(`/measures/${measure.id}/methods`, { methodId: m.id })).statusCode, 303)
    assert.equal(await auditCount('method.measure_linked', m.id), 1)
    const again = await editor.post(`/measures/${measure.id}/methods`, { methodId: m.id })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /redan kopplad/)

    // The plan page and the measure's page name the method and link to it.
    const planPage = await editor.get(`/plans/${plan.id}`)
    assert.match(planPage.body, new RegExp(`Metod:\\s*(<!-- -->)?\\s*<a href="/methods/${m.id}">Grannstöd \\(plansidan\\)</a>`))
    assert.match((await editor.get(`/plan-items/${measure.id}`)).body, /Ta bort kopplingen till Grannstöd \(plansidan\)/)
    // The method's own page shows the measure (the method-side view of the same link).
    assert.match((await editor.get(`/methods/${m.id}`)).body, /Så har det gått[\s\S]*Grannar håller uppsikt i Skäggetorp/)

    // Readers of the plan see the methods but may not change them; another county does not see the plan.
    const reader = await as('linkopingReader')
    const readerPage = await reader.get(`/measures/${measure.id}/methods`)
    assert.equal(readerPage.statusCode, 200)
    assert.doesNotMatch(readerPage.body, /Koppla metoden/)
    assert.equal((await reader.post(`/measures/${measure.id}/methods/remove`, { methodId: m.id })).statusCode, 403)
    assert.equal((await (await as('norrkoping')).post(`/measures/${measure.id}/methods`, { methodId: m.id })).statusCode, 403)
    assert.equal((await (await as('stockholm')).post(`/measures/${measure.id}/methods`, { methodId: m.id })).statusCode, 404)
    const anon = await t.app.inject({ method: 'POST', url: `/measures/${measure.id}/methods`, payload: { methodId: m.id } })
    assert.ok([401, 403].includes(anon.statusCode), String(anon.statusCode))
    // Only a measure has methods: a problem's id is a 404.
    assert.equal((await editor.get(`/measures/${problems[0].id}/methods`)).statusCode, 404)

    const notLinked = await editor.post(`/measures/${measure.id}/methods/remove`, { methodId: proposal.id })
    assert.equal(notLinked.statusCode, 400)
    assert.match(notLinked.body, /inte kopplad/)
    assert.equal((await editor.post(`/measures/${measure.id}/methods/remove`, { methodId: m.id })).statusCode, 303)
    assert.equal(await auditCount('method.measure_unlinked', m.id), 1)
    const left = await t.deps.db
      .select()
      .from(planItemMethods)
      .where(and(eq(planItemMethods.methodId, m.id), eq(planItemMethods.planItemId, measure.id)))
    assert.equal(left.length, 0)
  })
})

describe('what have others done?', () => {
  test('a problem shows matching methods with other municipalities’ measures the actor may read, and how they went', async () => {
    const m = await buildMethod(t.deps, { name: 'Tunnelljus (test)', problemTypes: ['mörka gångtunnlar'] })
    const unrelated = await buildMethod(t.deps, { name: 'Orelaterad metod (test)', problemTypes: ['båtstölder i hamnen'] })
    const { plan, problems } = await buildActionPlan(t.deps)
    const [cause] = await t.deps.db
      .insert(planItems)
      .values({ planId: plan.id, kind: 'cause', position: 9, parentId: problems[0].id, title: 'Mörka gångtunnlar vid skolan' })
      .returning()
    const own = await measureIn(plan.id, 'Linköpings egen tunnelåtgärd')
    await t.deps.db.insert(planItemMethods).values({ planItemId: own.id, methodId: m.id })

    const nkp = await otherMeasure('kommun-0581', m.id, 'Belysa tunnlarna i Hageby')
    const nkpOrg = (await findOrganisationByCode(t.deps.db, 'kommun-0581'))!.id
    await t.deps.db.insert(followUpEntries).values({
      itemId: nkp.id,
      periodKey: '2025-03',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      status: 'at_risk',
      narrative: 'Halva tunnlarna har fått ny belysning.',
      outputValue: 3,
      outputUnit: 'tunnlar',
      authorName: 'A',
      organisationId: nkpOrg,
    })
    // Motala keeps its plan to itself; Stockholm's is in another county: neither may leak.
    await otherMeasure('kommun-0583', m.id, 'Motalas egna tunnelåtgärd', 'organisation')
    await otherMeasure('kommun-0180', m.id, 'Stockholms tunnelåtgärd', 'partners')
    await t.deps.db.insert(planItemMethods).values({ planItemId: (await otherMeasure('kommun-0586', unrelated.id, 'Båtvakt i Mjölby')).id, methodId: m.id })

    const editor = await as('linkoping')
    const page = await editor.get(`/plan-items/${problems[0].id}`)
    assert.equal(page.statusCode, 200)
    const body = page.body
    assert.match(body, /Vad har andra gjort\?/)
    assert.match(body, /Vår egen regel: en metod i biblioteket visas när någon av dess problemtyper förekommer/)
    assert.match(body, new RegExp(`<a href="/methods/${m.id}">Tunnelljus \\(test\\)</a>`))
    assert.match(body, /Problemtyper som nämns: mörka gångtunnlar/)
    assert.match(body, /Norrköpings kommun[\s\S]*Belysa tunnlarna i Hageby[\s\S]*Risk<\/strong>[\s\S]*Halva tunnlarna har fått ny belysning\.[\s\S]*3 tunnlar/)
    assert.match(body, new RegExp(`href="/plan-items/${nkp.id}"`))
    assert.match(body, /Båtvakt i Mjölby/)
    assert.doesNotMatch(body, /Orelaterad metod \(test\)/)
    assert.doesNotMatch(body, /Motalas egna tunnelåtgärd/)
    assert.doesNotMatch(body, /Stockholms tunnelåtgärd/)
    assert.doesNotMatch(body, /Linköpings egen tunnelåtgärd/)

    // The cause, the trace and the plan page show it too (the plan page points to the section).
    assert.match(
      (await editor.get(`/plan-items/${cause.id}`)).body,
      /Vad har andra gjort\?[\s\S]*av orsaken eller av dess problem[\s\S]*Belysa tunnlarna i Hageby/,
    )
    assert.match((await editor.get(`/plan-items/${problems[0].id}/trace`)).body, /Vad har andra gjort\?[\s\S]*Belysa tunnlarna i Hageby/)
    assert.match((await editor.get(`/plans/${plan.id}`)).body, new RegExp(`href="/plan-items/${problems[0].id}#others"`))
    // The second problem mentions no label of the method.
    assert.doesNotMatch((await editor.get(`/plan-items/${problems[1].id}`)).body, /Tunnelljus \(test\)/)

    // The method's page tells how it went, with the same visibility.
    const methodPage = await editor.get(`/methods/${m.id}`)
    assert.match(methodPage.body, /Så har det gått[\s\S]*Belysa tunnlarna i Hageby[\s\S]*Halva tunnlarna har fått ny belysning\./)
    assert.doesNotMatch(methodPage.body, /Motalas egna tunnelåtgärd|Stockholms tunnelåtgärd/)
    // Stockholm's own editor reads their own plan's measure there, and not Norrköping's (another county, partners only).
    const sthlm = await (await as('stockholm')).get(`/methods/${m.id}`)
    assert.match(sthlm.body, /Stockholms tunnelåtgärd/)
    assert.doesNotMatch(sthlm.body, /Belysa tunnlarna i Hageby/)
  })
})
