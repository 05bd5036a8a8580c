import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { canEditMethod, canManageContact, canPropose, canReadMethod, isCurator } from './methods.policy.ts'

const LKP = 'org-linkoping'
const NKP = 'org-norrkoping'
const LST = 'org-lansstyrelsen'
const actor = (role: Role, organisationId: string, via: 'session' | 'token' = 'session'): Actor => ({
  userId: 'u',
  email: 'u@example.se',
  name: 'U',
  organisationId,
  organisationName: 'X',
  roles: [{ role, organisationId }],
  via,
  mustChangePassword: false,
})
const none = { coordinatorOf: [], municipalities: [] }
const editorScope = { coordinatorOf: [], municipalities: [LKP] }
const countyScope = { coordinatorOf: ['05'], municipalities: [] }
const proposed = { status: 'proposed' as const, organisationId: LKP }
const curated = { status: 'curated' as const, organisationId: LST }

test('a curated method is read by everyone; a proposal by its own party and the curators only', () => {
  assert.equal(canReadMethod(undefined, curated, none), true)
  assert.equal(canReadMethod(undefined, proposed, none), false)
  assert.equal(canReadMethod(actor('viewer', LKP), proposed, none), true)
  assert.equal(canReadMethod(actor('editor', NKP), proposed, { coordinatorOf: [], municipalities: [NKP] }), false)
  assert.equal(canReadMethod(actor('coordinator', LST), proposed, countyScope), true)
  assert.equal(canReadMethod(actor('coordinator', LST), { status: 'declined', organisationId: LKP }, countyScope), true)
})

test('curators are the county boards’ coordinators and the admin, in a browser session', () => {
  assert.equal(isCurator(actor('coordinator', LST), countyScope), true)
  assert.equal(isCurator(actor('coordinator', LST, 'token'), countyScope), false)
  // A municipality's coordinator is not a county board's.
  assert.equal(isCurator(actor('coordinator', LKP), { coordinatorOf: [], municipalities: [LKP] }), false)
  assert.equal(isCurator(actor('admin', LST), none), true)
})

test('a municipality editor proposes and edits the proposal until it is curated; a reader does neither', () => {
  assert.equal(canPropose(actor('editor', LKP), editorScope), true)
  assert.equal(canPropose(actor('viewer', LKP), none), false)
  assert.equal(canEditMethod(actor('editor', LKP), proposed, editorScope), true)
  assert.equal(canEditMethod(actor('editor', LKP), { ...proposed, status: 'curated' }, editorScope), false)
  assert.equal(canEditMethod(actor('editor', NKP), proposed, { coordinatorOf: [], municipalities: [NKP] }), false)
  assert.equal(canEditMethod(actor('coordinator', LST), curated, countyScope), true)
})

test('a municipality names itself as a user; the coordinator any municipality of the county', () => {
  assert.equal(canManageContact(actor('editor', LKP), { id: LKP, countyCode: '05' }, editorScope), true)
  assert.equal(canManageContact(actor('editor', LKP), { id: NKP, countyCode: '05' }, editorScope), false)
  assert.equal(canManageContact(actor('coordinator', LST), { id: NKP, countyCode: '05' }, countyScope), true)
  assert.equal(canManageContact(actor('coordinator', LST), { id: 'org-stockholm', countyCode: '01' }, countyScope), false)
})
