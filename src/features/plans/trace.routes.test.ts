import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { followUpEntries } from './follow-up.tables.ts'
import { planItemLinks, planItems, plans } from './plans.tables.ts'
import { buildPlan } from './plans.test-factories.ts'

let t: TestApp
const users: Record<string, BuiltUser> = {}
let problemId: string
let promiseId: string

before(async () => {
  t = await buildTestApp()
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.stockholm = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  const ml = await buildPlan(t.deps)
  promiseId = ml.promise.id
  const [ap] = await t.deps.db
    .insert(plans)
    .values({
      kind: 'action_plan',
      organisationId: ml.ownerId,
      title: 'Åtgärdsplan (spårning)',
      periodStart: ml.plan.periodStart,
      periodEnd: ml.plan.periodEnd,
      status: 'adopted',
    })
    .returning()
  const insert = async (values: Omit<typeof planItems.$inferInsert, 'planId'>) =>
    (
      await t.deps.db
        .insert(planItems)
        .values({ ...values, planId: ap.id })
        .returning()
    )[0]
  const problem = await insert({ kind: 'problem', position: 1, title: 'Otrygghet i parken kvällstid' })
  problemId = problem.id
  const cause = await insert({ kind: 'cause', position: 1, parentId: problem.id, title: 'Dålig belysning' })
  await insert({ kind: 'cause', position: 2, parentId: problem.id, title: 'Få vuxna ute' })
  const measure = await insert({
    kind: 'measure',
    position: 1,
    title: 'Ny belysning i parken',
    targetComparator: 'at_least',
    targetValue: 3,
    targetUnit: 'lyktstolpar',
  })
  await t.deps.db.insert(planItemLinks).values([
    { itemId: measure.id, linkedItemId: cause.id },
    { itemId: promiseId, linkedItemId: measure.id },
  ])
  await t.deps.db.insert(followUpEntries).values({
    itemId: measure.id,
    periodKey: `${ml.plan.periodStart.slice(0, 4)}-02`,
    periodStart: `${ml.plan.periodStart.slice(0, 4)}-02-01`,
    periodEnd: `${ml.plan.periodStart.slice(0, 4)}-02-28`,
    status: 'on_track',
    narrative: 'Två lyktstolpar uppsatta.',
    outputValue: 2,
    outputUnit: 'lyktstolpar',
    authorName: 'Test',
    organisationId: ml.ownerId,
  })
})
after(() => t.close())

test('the trace follows a problem to its causes, the measures against them, the promises on them and their follow-up', async () => {
  const b = await signedIn(t.app, users.linkoping)
  const res = await b.get(`/plan-items/${problemId}/trace`)
  assert.equal(res.statusCode, 200)
  const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  assert.match(text, /Orsak 1: Dålig belysning/)
  assert.match(text, /Orsak 2: Få vuxna ute .*Ingen åtgärd riktar sig mot orsaken ännu/)
  assert.match(text, /Åtgärd 1: Ny belysning i parken/)
  assert.match(text, /Utlovat: minst 3 lyktstolpar – Utfall: 2/)
  assert.match(text, /Två lyktstolpar uppsatta\./)
  assert.match(text, /Kommunen och polisen lovar att genomföra trygghetsvandringar/)
  assert.ok(
    text.indexOf('Dålig belysning') < text.indexOf('Ny belysning') && text.indexOf('Ny belysning') < text.indexOf('trygghetsvandringar'),
    'in the order of the chain',
  )
})

test('only a problem has a trace, and only for those who may read its plan', async () => {
  const b = await signedIn(t.app, users.linkoping)
  assert.equal((await b.get(`/plan-items/${promiseId}/trace`)).statusCode, 404)
  const other = await signedIn(t.app, users.stockholm)
  assert.equal((await other.get(`/plan-items/${problemId}/trace`)).statusCode, 404)
})
