import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { canEditMunicipalModel, canReadMunicipalModel } from './municipal-models.policy.ts'

const LKP = 'org-linkoping'
const NKP = 'org-norrkoping'
const LST = 'org-lansstyrelsen'
const actor = (role: Role, organisationId: string, via: Actor['via'] = 'session'): Actor => ({
  userId: 'u',
  email: 'x@test',
  name: 'x',
  organisationId,
  organisationName: 'x',
  roles: [{ role, organisationId }],
  via,
  mustChangePassword: false,
})

test('the municipality’s own editor and coordinator edit its model; another municipality’s editor does not', () => {
  assert.equal(canEditMunicipalModel(actor('editor', LKP), LKP), true)
  assert.equal(canEditMunicipalModel(actor('coordinator', LKP), LKP), true)
  assert.equal(canEditMunicipalModel(actor('editor', NKP), LKP), false)
})

test('the county coordinator, a viewer and a reporter read but do not edit; the admin edits; a token never edits', () => {
  assert.equal(canEditMunicipalModel(actor('coordinator', LST), LKP), false)
  assert.equal(canEditMunicipalModel(actor('viewer', LKP), LKP), false)
  assert.equal(canEditMunicipalModel(actor('reporter', LKP), LKP), false)
  assert.equal(canEditMunicipalModel(actor('admin', LST), LKP), true)
  assert.equal(canEditMunicipalModel(actor('editor', LKP, 'token'), LKP), false)
  assert.equal(canEditMunicipalModel(undefined, LKP), false)
  assert.equal(canReadMunicipalModel(actor('coordinator', LST)), true)
  assert.equal(canReadMunicipalModel(undefined), false)
})
