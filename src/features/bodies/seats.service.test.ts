import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { count, eq } from 'drizzle-orm'
import { actorForUser } from '../accounts/index.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { seats } from './bodies.tables.ts'
import { type TestCollaboration, buildCollaboration, buildPerson } from './seats.test-factories.ts'
import { SeatOverlaps, addSeat } from './seats.service.ts'

let t: TestApp
let c: TestCollaboration
let coordinator: Actor

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  const u = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  coordinator = (await actorForUser(t.deps, u.id, 'session'))!
})
after(() => t.close())

const input = (personId: string, validFrom: string, validTo?: string) => ({
  personId,
  organisationId: c.org['kommun-0580'],
  role: 'member' as const,
  level: 'official' as const,
  membership: 'ordinary' as const,
  validFrom,
  validTo,
})

test('two concurrent overlapping seats for one person in one body: exactly one is saved', async () => {
  for (let round = 0; round < 5; round++) {
    const person = await buildPerson(t.deps, c.org['kommun-0580'])
    const results = await Promise.allSettled([
      addSeat(t.deps, { actor: coordinator }, c.workingGroupId, input(person.id, '2024-01-01', '2024-12-31')),
      addSeat(t.deps, { actor: coordinator }, c.workingGroupId, input(person.id, '2024-06-01')),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    assert.ok(rejected.reason instanceof SeatOverlaps, String(rejected.reason))
    const [{ n }] = await t.deps.db.select({ n: count() }).from(seats).where(eq(seats.personId, person.id))
    assert.equal(n, 1)
  }
})

test('concurrent seats that do not overlap are both saved', async () => {
  const person = await buildPerson(t.deps, c.org['kommun-0580'])
  await Promise.all([
    addSeat(t.deps, { actor: coordinator }, c.workingGroupId, input(person.id, '2024-01-01', '2024-06-30')),
    addSeat(t.deps, { actor: coordinator }, c.workingGroupId, input(person.id, '2024-07-01')),
  ])
  const [{ n }] = await t.deps.db.select({ n: count() }).from(seats).where(eq(seats.personId, person.id))
  assert.equal(n, 2)
})
