import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import { signedIn } from '../../src/test-support/browser.ts'
import { buildUser } from '../../src/test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../src/test-support/test-app.ts'
import { loadDemoMethods } from './demo-methods.ts'
import { loadDemoPlans } from './demo-plans.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
  await loadDemoPlans(t.deps, '2026-12-03')
})
after(() => t.close())

test('five curated methods and Motala’s proposal, with contacts and the example measures linked; a second run writes nothing', async () => {
  assert.equal(await loadDemoMethods(t.deps), 6 + 6 + 8)
  assert.equal(await loadDemoMethods(t.deps), 0)
  const rows = await queryRows<{ slug: string; status: string; is_example: boolean; org: string }>(
    t.deps.db,
    sql`select m.slug, m.status, m.is_example, o.code as org from methods m join organisations o on o.id = m.organisation_id order by m.slug`,
  )
  assert.deepEqual(
    rows.map((r) => `${r.slug}:${r.status}:${r.org}:${r.is_example}`),
    [
      'ctc:curated:lansstyrelsen-05:true',
      'est:curated:lansstyrelsen-05:true',
      'grannsamverkan:curated:lansstyrelsen-05:true',
      'nattvandring:proposed:kommun-0583:true',
      'sspf:curated:lansstyrelsen-05:true',
      'trygghetsvandring:curated:lansstyrelsen-05:true',
    ],
  )
  const links = await queryRows<{ slug: string; code: string; title: string }>(
    t.deps.db,
    sql`select m.slug, o.code, i.title from plan_item_methods l join methods m on m.id = l.method_id
        join plan_items i on i.id = l.plan_item_id join plans p on p.id = i.plan_id join organisations o on o.id = p.organisation_id
        order by m.slug, o.code`,
  )
  assert.deepEqual(
    links.map((l) => `${l.slug}:${l.code}`),
    [
      'est:kommun-0581',
      'est:kommun-0582',
      'nattvandring:kommun-0583',
      'sspf:kommun-0586',
      'trygghetsvandring:kommun-0562',
      'trygghetsvandring:kommun-0580',
      'trygghetsvandring:kommun-0581',
      'trygghetsvandring:kommun-0586',
    ],
  )
  const page = await t.app.inject({ method: 'GET', url: '/methods' })
  assert.match(page.body, /EST – Effektiv samordning för trygghet/)
  assert.doesNotMatch(page.body, /Nattvandring/)
})

test('Linköping’s åtgärdsplan shows what other Östergötland municipalities did about its problem, and how it went', async () => {
  await loadDemoMethods(t.deps)
  const [problem] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`select i.id from plan_items i join plans p on p.id = i.plan_id join organisations o on o.id = p.organisation_id
        where o.code = 'kommun-0580' and p.kind = 'action_plan' and p.is_example and i.kind = 'problem' limit 1`,
  )
  const editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  const page = await (await signedIn(t.app, editor)).get(`/plan-items/${problem.id}`)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Vad har andra gjort\?/)
  assert.match(page.body, /Trygghetsvandring[\s\S]*Finspångs kommun[\s\S]*Mjölby kommun[\s\S]*Norrköpings kommun/)
  assert.match(page.body, /EST – Effektiv samordning för trygghet[\s\S]*Norrköpings kommun[\s\S]*Söderköpings kommun/)
})
