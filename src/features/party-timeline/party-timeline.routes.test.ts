import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { bodies } from '../bodies/bodies.tables.ts'
import { type TestCollaboration, buildCollaboration, buildPerson, buildSeat } from '../bodies/seats.test-factories.ts'
import { followUpEntries } from '../plans/follow-up.tables.ts'
import { plans } from '../plans/plans.tables.ts'
import { buildPlan } from '../plans/plans.test-factories.ts'
import { partyTimeline } from './index.ts'

let t: TestApp
let c: TestCollaboration
let planTitle: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps, { signedOn: '2022-03-15', rules: false })
  const lkp = c.org['kommun-0580']
  const [hidden] = await t.deps.db
    .insert(bodies)
    .values({ collaborationId: c.id, kind: 'working_group', name: 'Arbetsgrupp för parterna', organisationId: c.ownerId, visibility: 'partners' })
    .returning()
  const person = await buildPerson(t.deps, lkp)
  await buildSeat(t.deps, { bodyId: c.steeringId, personId: person.id, organisationId: lkp, level: 'chief', visibility: 'public', validFrom: '2022-05-01' })
  await buildSeat(t.deps, {
    bodyId: c.steeringId,
    personId: person.id,
    organisationId: lkp,
    level: 'chief',
    visibility: 'public',
    validFrom: '2021-01-01',
    validTo: '2021-12-31',
  })
  await buildSeat(t.deps, { bodyId: hidden.id, personId: person.id, organisationId: lkp, visibility: 'public', validFrom: '2023-02-01' })
  const { plan, promise } = await buildPlan(t.deps)
  planTitle = plan.title
  await t.deps.db.update(plans).set({ adoptedOn: '2024-06-10' }).where(eq(plans.id, plan.id))
  await t.deps.db.insert(followUpEntries).values(
    ['2025-T1', '2025-T2'].map((periodKey, i) => ({
      itemId: promise.id,
      periodKey,
      periodStart: i === 0 ? '2025-01-01' : '2025-05-01',
      periodEnd: i === 0 ? '2025-04-30' : '2025-08-31',
      status: 'on_track' as const,
      authorName: 'Testa Testsson',
      organisationId: lkp,
    })),
  )
  users.linkoping = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.outsider = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])

describe('the party timeline', () => {
  test('a party’s reader sees its signature, its seats’ joining dates (also a partners-only group), its adopted plan and follow-ups, by year', async () => {
    const b = await as('linkoping')
    const res = await b.get(`/collaborations/${c.id}/timeline`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Tidslinje per part/)
    for (const y of [2022, 2023, 2024, 2025, 2026, 2027]) assert.match(res.body, new RegExp(`<th scope="col">${y}</th>`))
    assert.match(res.body, /15 mars 2022<\/span> Undertecknade programförklaringen \(version 1\)/)
    assert.match(res.body, /1 maj 2022<\/span> Plats i <a href="\/bodies\/[^"]+">Styrgrupp<\/a>/)
    assert.match(res.body, /1 feb\. 2023<\/span> Plats i <a href="\/bodies\/[^"]+">Arbetsgrupp för parterna<\/a>/)
    assert.match(res.body, new RegExp(`10 juni 2024</span> Medborgarlöfte antagen: <a href="/plans/[^"]+">${planTitle}</a>`))
    assert.match(res.body, /2 uppföljningar/)
    assert.match(res.body, /<svg[^>]*role="img"/, 'the chart beside the tables')
    assert.doesNotMatch(res.body, /style="/, 'no inline styles')
  })

  test('an outsider sees the public seat but neither the partners-only group, the signatures nor the partners’ plan', async () => {
    const b = await as('outsider')
    const res = await b.get(`/collaborations/${c.id}/timeline`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Plats i <a href="\/bodies\/[^"]+">Styrgrupp<\/a>/)
    assert.doesNotMatch(res.body, /Arbetsgrupp för parterna/)
    assert.doesNotMatch(res.body, /Undertecknade programförklaringen/)
    assert.doesNotMatch(res.body, new RegExp(planTitle))
  })

  test('partyTimeline returns the data for reuse; a seat held before the period is left out', async () => {
    const d = await partyTimeline(t.deps, undefined, c.id).catch(() => undefined)
    // The test collaboration is public: an anonymous caller gets the public part only.
    assert.ok(d)
    assert.deepEqual(d.years, [2022, 2023, 2024, 2025, 2026, 2027])
    const lkp = d.parties.find((p) => p.organisationId === c.org['kommun-0580'])!
    assert.deepEqual(
      lkp.events.map((e) => [e.kind, e.date]),
      [['seat', '2022-05-01']],
    )
    assert.equal(d.parties[0].organisationId, c.ownerId, 'the convenor first')
  })

  test('an unknown collaboration is a 404, anonymous visitors are sent to log in', async () => {
    const b = await as('linkoping')
    assert.equal((await b.get('/collaborations/00000000-0000-4000-8000-000000000000/timeline')).statusCode, 404)
    const res = await t.app.inject({ method: 'GET', url: `/collaborations/${c.id}/timeline` })
    assert.equal(res.statusCode, 303)
  })
})
