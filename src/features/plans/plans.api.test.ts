import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { buildPlan } from './plans.test-factories.ts'

let t: TestApp
let admin: TestBrowser
let plan: Awaited<ReturnType<typeof buildPlan>>

/** A token acting as the user, made through the administrator's pages as a person would. */
async function tokenFor(userId: string) {
  await admin.get('/admin/api-tokens/new')
  const res = await admin.post('/admin/api-tokens', { name: `Test ${userId.slice(0, 6)}`, userId, expiresOn: '', scopes: ['read'] })
  return /<p class="secret" id="token-value">([^<]+)<\/p>/.exec(res.body)![1]!
}
const api = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} })

before(async () => {
  t = await buildTestApp()
  const a = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(t.app)
  await admin.login(a.email, a.password)
  plan = await buildPlan(t.deps)
})
after(() => t.close())

test('a partner’s token reads the plan, its rows and an item’s follow-up period by period', async () => {
  const token = await tokenFor((await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })).id)
  const res = await api(`/api/v1/plans/${plan.plan.id}`, token)
  assert.equal(res.statusCode, 200)
  const body = res.json()
  assert.equal(body.kind, 'citizen_promise')
  const promise = body.items.find((i: { kind: string }) => i.kind === 'promise')
  assert.deepEqual(promise.target, { comparator: 'at_least', value: 4, unit: promise.target.unit })
  const follow = await api(`/api/v1/plan-items/${promise.id}/follow-up`, token)
  assert.equal(follow.statusCode, 200)
  assert.ok(follow.json().periods.length > 0)
  assert.ok(follow.json().periods.every((p: { state: string; entry: unknown }) => p.entry === null && p.state !== 'reported'))
  const owner = await findOrganisationByCode(t.deps.db, 'kommun-0580')
  const list = await api(`/api/v1/organisations/${owner!.id}/plans`, token)
  assert.deepEqual(
    list.json().items.map((p: { id: string }) => p.id),
    [plan.plan.id],
  )
})

test('a plan the token’s user may not read is a 404, and without a token the API says 401', async () => {
  const stockholm = await tokenFor((await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })).id)
  assert.equal((await api(`/api/v1/plans/${plan.plan.id}`, stockholm)).statusCode, 404)
  assert.equal((await api(`/api/v1/plans/${plan.plan.id}`)).statusCode, 401)
})
