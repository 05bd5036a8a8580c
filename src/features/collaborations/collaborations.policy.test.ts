import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { canEditForParty, canManageCollaboration, canSee, isPartner } from './collaborations.policy.ts'

const LST = 'lst-05'
const LKP = 'kommun-0580'
const NKP = 'kommun-0581'
const OTHER_LST = 'lst-01'
const c = { organisationId: LST, partyIds: [LST, LKP, NKP] }
const actor = (role: Role, organisationId: string): Actor => ({
  userId: 'u',
  email: 'e',
  name: 'n',
  organisationId,
  organisationName: 'o',
  roles: [{ role, organisationId }],
  via: 'session',
  mustChangePassword: false,
})

test('the owning länsstyrelse’s coordinator and the admin manage; another county’s coordinator does not', () => {
  assert.equal(canManageCollaboration(actor('coordinator', LST), c), true)
  assert.equal(canManageCollaboration(actor('admin', OTHER_LST), c), true)
  assert.equal(canManageCollaboration(actor('coordinator', OTHER_LST), c), false)
  assert.equal(canManageCollaboration(actor('editor', LKP), c), false)
  assert.equal(canManageCollaboration(undefined, c), false)
})

test('an editor acts for their own party only', () => {
  assert.equal(canEditForParty(actor('editor', LKP), c, LKP), true)
  assert.equal(canEditForParty(actor('editor', LKP), c, NKP), false)
  assert.equal(canEditForParty(actor('viewer', LKP), c, LKP), false)
  assert.equal(canEditForParty(actor('coordinator', LST), c, NKP), true)
})

test('visibility: public for all, partners for the parties, organisation for the owner', () => {
  assert.equal(canSee(undefined, c, 'public', LKP), true)
  assert.equal(canSee(undefined, c, 'partners', LKP), false)
  assert.equal(canSee(actor('viewer', NKP), c, 'partners', LKP), true)
  assert.equal(canSee(actor('viewer', OTHER_LST), c, 'partners', LKP), false)
  assert.equal(canSee(actor('viewer', NKP), c, 'organisation', LKP), false)
  assert.equal(canSee(actor('viewer', LKP), c, 'organisation', LKP), true)
  assert.equal(isPartner(actor('reporter', NKP), c), true)
})
