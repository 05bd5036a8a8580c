import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import type { FrozenFigure } from '../../src/features/situation-reports/frozen-figures.ts'
import { reviewState } from '../../src/features/situation-reports/review.ts'
import { buildTestApp, type TestApp } from '../../src/test-support/test-app.ts'
import { loadDemoIndicators } from './demo-indicators.ts'
import { loadDemoPlans } from './demo-plans.ts'
import { loadDemoSituationReports } from './demo-situation-reports.ts'
import { loadDemoSurveys } from './demo-surveys.ts'

let t: TestApp
const today = '2026-12-03'
before(async () => {
  t = await buildTestApp()
  await loadDemoPlans(t.deps, today)
  await loadDemoIndicators(t.deps)
  await loadDemoSurveys(t.deps)
})
after(() => t.close())

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T & Record<string, unknown>>(t.deps.db, q)

test('Linköping’s adopted lägesbild with three of its åtgärdsplan’s problems analysed, Norrköping’s draft, Åtvidaberg overdue; a second run writes nothing', async () => {
  assert.equal(await loadDemoSituationReports(t.deps, today), 3)
  const reports = await rows<{
    code: string
    title: string
    status: string
    adopted_by: string | null
    adopted_on: string | null
    adopted_paragraph: string | null
    next: string | null
    id: string
  }>(
    sql`select o.code, r.title, r.status, r.adopted_by, r.adopted_on::text, r.adopted_paragraph, r.next_review_due::text as next, r.id::text
        from situation_reports r join organisations o on o.id = r.organisation_id where r.is_example order by o.code`,
  )
  const of = (code: string) => reports.find((r) => r.code === code)!
  assert.deepEqual(
    { ...of('kommun-0580'), id: undefined, code: undefined },
    {
      id: undefined,
      code: undefined,
      title: 'Lägesbild 2025',
      status: 'adopted',
      adopted_by: 'Kommunfullmäktige',
      adopted_on: '2025-11-25',
      adopted_paragraph: '§ 214',
      next: '2027-11-25',
    },
  )
  assert.equal(of('kommun-0581').status, 'draft')
  assert.equal(of('kommun-0561').status, 'adopted')
  assert.equal(reviewState(of('kommun-0561').next!, today), 'overdue')
  assert.equal(reviewState(of('kommun-0580').next!, today), 'later')

  // Linköping's prioritised problems are problems of its own åtgärdsplan, each with causes and a full analysis.
  const problems = await rows<{ priority: number; kind: string; plan_kind: string; owner: string; causes: number; victim: string; chain: string }>(
    sql`select p.priority, i.kind, pl.kind as plan_kind, o.code as owner,
               (select count(*)::int from plan_items c where c.parent_id = i.id and c.kind = 'cause') as causes,
               p.victim_causes as victim, p.event_chain as chain
        from situation_report_problems p join plan_items i on i.id = p.problem_item_id join plans pl on pl.id = i.plan_id
        join organisations o on o.id = pl.organisation_id where p.report_id = ${of('kommun-0580').id} order by p.priority`,
  )
  assert.equal(problems.length, 3)
  for (const p of problems) {
    assert.equal(p.kind, 'problem')
    assert.equal(p.plan_kind, 'action_plan')
    assert.equal(p.owner, 'kommun-0580')
    assert.ok(p.causes >= 2)
    assert.ok(p.victim.length > 20 && p.chain.length > 20)
  }
  assert.equal(await loadDemoSituationReports(t.deps, today), 0)
})

test('the adopted demo lägesbilder have their figures frozen as the service freezes them; the draft’s stay live', async () => {
  const reports = await rows<{ code: string; status: string; figures: { kind: string }[]; frozen: FrozenFigure[] | null }>(
    sql`select o.code, r.status, r.figures, r.adopted_figures as frozen
        from situation_reports r join organisations o on o.id = r.organisation_id where r.is_example order by o.code`,
  )
  const of = (code: string) => reports.find((r) => r.code === code)!
  assert.equal(of('kommun-0581').frozen, null)
  for (const code of ['kommun-0580', 'kommun-0561']) {
    const r = of(code)
    assert.equal(r.frozen?.length, r.figures.length, code)
    assert.ok(r.frozen.every((f) => f.format === 1))
  }
  // Linköping's: the indicators' series and the survey's shares by gender, with numbers in them.
  const lkp = of('kommun-0580').frozen!
  assert.deepEqual(
    lkp.map((f) => f.figure.kind),
    ['indicator', 'indicator', 'survey', 'survey'],
  )
  const crimes = lkp[0]!.indicator!
  assert.ok(crimes.values.some((v) => v.area === '0580' && typeof v.value === 'number'))
  const gatorTorg = lkp[2]!.survey!
  assert.ok(gatorTorg.years.length > 0)
  assert.ok(gatorTorg.years.some((y) => y.groups.some((g) => g.group === 'kvinna' && typeof g.share === 'number')))
})
