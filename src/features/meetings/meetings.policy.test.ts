import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { type ConveningScope, canConvene, isJusterareAccount } from './meetings.policy.ts'

const LST = 'org-lansstyrelsen'
const POLICE = 'org-polisen'
const LKP = 'org-linkoping'
const OTHER_LST = 'org-lansstyrelsen-stockholm'
const scope: ConveningScope = { organisationId: LST, partyIds: [LST, POLICE, LKP], convenorIds: [LST, POLICE] }

const actor = (role: Role, organisationId: string, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  email: 'someone@example.se',
  name: 'Someone',
  organisationId,
  organisationName: organisationId,
  roles: [{ role, organisationId }],
  via: 'session',
  mustChangePassword: false,
  ...extra,
})

describe('canConvene: convenors convene', () => {
  test('the owner’s coordinator and an admin convene', () => {
    assert.equal(canConvene(actor('coordinator', LST), scope), true)
    assert.equal(canConvene(actor('admin', 'anywhere'), scope), true)
  })

  test('an editor of a convening party (the police) convenes', () => {
    assert.equal(canConvene(actor('editor', POLICE), scope), true)
  })

  test('an editor of a party that does not convene (Linköping) does not', () => {
    assert.equal(canConvene(actor('editor', LKP), scope), false)
  })

  test('a viewer or reporter of a convening party does not; nor a coordinator of another county; nor nobody', () => {
    assert.equal(canConvene(actor('viewer', POLICE), scope), false)
    assert.equal(canConvene(actor('reporter', POLICE), scope), false)
    assert.equal(canConvene(actor('coordinator', OTHER_LST), scope), false)
    assert.equal(canConvene(undefined, scope), false)
  })

  test('a convenor that has left the collaboration (no longer a party) does not', () => {
    assert.equal(canConvene(actor('editor', POLICE), { ...scope, partyIds: [LST, LKP] }), false)
  })
})

describe('isJusterareAccount: a justerare confirms with their own account', () => {
  test('the signed-in user whose e-mail is the justerare’s, in any letter case', () => {
    assert.equal(isJusterareAccount(actor('viewer', LKP, { email: 'Anna.Lind@Example.se' }), { email: 'anna.lind@example.se' }), true)
  })

  test('anyone else, a justerare without e-mail, or an API token is not', () => {
    assert.equal(isJusterareAccount(actor('coordinator', LST), { email: 'anna.lind@example.se' }), false)
    assert.equal(isJusterareAccount(actor('viewer', LKP), { email: null }), false)
    assert.equal(isJusterareAccount(actor('viewer', LKP, { email: 'anna.lind@example.se', via: 'token' }), { email: 'anna.lind@example.se' }), false)
    assert.equal(isJusterareAccount(undefined, { email: 'anna.lind@example.se' }), false)
  })
})
