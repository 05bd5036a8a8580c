import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { canReadActivity, canWriteActivities } from './support-activities.policy.ts'

const LST = 'lst-05'
const LKP = 'kommun-0580'
const actor = (role: Role, organisationId: string, via: 'session' | 'token' = 'session'): Actor => ({
  userId: 'u',
  email: 'u@example.se',
  name: 'U',
  organisationId,
  organisationName: organisationId,
  roles: [{ role, organisationId }],
  via,
  mustChangePassword: false,
})
const forLkp = { organisationId: LST, municipalityId: LKP }
const countyWide = { organisationId: LST, municipalityId: null }

test('the länsstyrelse’s coordinators and the admin write; nobody else, and never through a token', () => {
  assert.equal(canWriteActivities(actor('coordinator', LST), LST), true)
  assert.equal(canWriteActivities(actor('admin', 'anywhere'), LST), true)
  assert.equal(canWriteActivities(actor('coordinator', 'lst-01'), LST), false)
  assert.equal(canWriteActivities(actor('editor', LKP), LST), false)
  assert.equal(canWriteActivities(actor('coordinator', LST, 'token'), LST), false)
  assert.equal(canWriteActivities(undefined, LST), false)
})

test('the supported municipality reads its own activities, not the county-wide ones nor other counties’', () => {
  assert.equal(canReadActivity(actor('viewer', LKP), forLkp), true)
  assert.equal(canReadActivity(actor('viewer', LKP), countyWide), false)
  assert.equal(canReadActivity(actor('editor', 'kommun-0581'), forLkp), false)
  assert.equal(canReadActivity(actor('coordinator', 'lst-01'), forLkp), false)
  assert.equal(canReadActivity(actor('coordinator', LST), countyWide), true)
  assert.equal(canReadActivity(undefined, forLkp), false)
})
