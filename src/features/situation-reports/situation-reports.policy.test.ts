import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Actor, RoleGrant } from '../../platform/http/actor.ts'
import { canEditReport, canReadReport, type ReportAccess } from './situation-reports.policy.ts'
import { addMonths, nextReviewDue, reviewState } from './review.ts'

const LKP = 'org-linkoping'
const NKP = 'org-norrkoping'
const LST05 = 'org-lst-ostergotland'
const LST01 = 'org-lst-stockholm'

const actor = (roles: [RoleGrant['role'], string][], via: Actor['via'] = 'session'): Actor => ({
  userId: 'u',
  email: 'u@example.se',
  name: 'U',
  organisationId: roles[0]?.[1] ?? LKP,
  organisationName: '',
  roles: roles.map(([role, organisationId]) => ({ role, organisationId })),
  via,
  mustChangePassword: false,
})
const report = (visibility: ReportAccess['visibility']): ReportAccess => ({ organisationId: LKP, countyCode: '05', visibility })
const inCounty05 = { counties: ['05'], coordinatorOf: [] }
const nowhere = { counties: [], coordinatorOf: [] }

describe('who writes the lägesbild: the municipality (decision 008)', () => {
  test('its editors and coordinators, and the admin', () => {
    assert.equal(canEditReport(actor([['editor', LKP]]), report('partners')), true)
    assert.equal(canEditReport(actor([['coordinator', LKP]]), report('partners')), true)
    assert.equal(canEditReport(actor([['admin', LST05]]), report('partners')), true)
  })
  test('not Länsstyrelsen, not another municipality, not its reporters or readers, not a token', () => {
    assert.equal(canEditReport(actor([['coordinator', LST05]]), report('partners')), false)
    assert.equal(canEditReport(actor([['editor', NKP]]), report('partners')), false)
    assert.equal(canEditReport(actor([['reporter', LKP]]), report('partners')), false)
    assert.equal(canEditReport(actor([['viewer', LKP]]), report('partners')), false)
    assert.equal(canEditReport(actor([['editor', LKP]], 'token'), report('partners')), false)
    assert.equal(canEditReport(undefined, report('public')), false)
  })
})

describe('who reads it', () => {
  test('the county’s coordinators read every lägesbild of their county, even one kept to the municipality', () => {
    const lst = actor([['coordinator', LST05]])
    assert.equal(canReadReport(lst, report('organisation'), { counties: ['05'], coordinatorOf: ['05'] }), true)
    assert.equal(canReadReport(actor([['coordinator', LST01]]), report('organisation'), { counties: ['01'], coordinatorOf: ['01'] }), false)
  })
  test('others in the county read those shared with the partners; another county’s do not', () => {
    assert.equal(canReadReport(actor([['editor', NKP]]), report('partners'), inCounty05), true)
    assert.equal(canReadReport(actor([['editor', NKP]]), report('organisation'), inCounty05), false)
    assert.equal(canReadReport(actor([['coordinator', LST01]]), report('partners'), { counties: ['01'], coordinatorOf: ['01'] }), false)
  })
  test('a public one everyone, the municipality’s own users always', () => {
    assert.equal(canReadReport(undefined, report('public'), nowhere), true)
    assert.equal(canReadReport(actor([['viewer', 'x']]), report('public'), nowhere), true)
    assert.equal(canReadReport(undefined, report('partners'), nowhere), false)
    assert.equal(canReadReport(actor([['viewer', LKP]]), report('organisation'), nowhere), true)
    assert.equal(canReadReport(actor([['admin', LST01]]), report('organisation'), nowhere), true)
  })
  test('a coordinator of a municipality is not Länsstyrelsen: only what the partners may read', () => {
    assert.equal(canReadReport(actor([['coordinator', NKP]]), report('organisation'), inCounty05), false)
    assert.equal(canReadReport(actor([['coordinator', NKP]]), report('partners'), inCounty05), true)
  })
})

describe('next review', () => {
  test('adopted on + interval, the month’s last day when the day does not exist', () => {
    assert.equal(nextReviewDue('2025-06-16', 24), '2027-06-16')
    assert.equal(nextReviewDue('2024-02-29', 12), '2025-02-28')
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28')
    assert.equal(addMonths('2025-12-15', 1), '2026-01-15')
  })
  test('red when passed, yellow within three months, otherwise nothing to flag', () => {
    assert.equal(reviewState('2026-12-02', '2026-12-03'), 'overdue')
    assert.equal(reviewState('2026-12-03', '2026-12-03'), 'soon')
    assert.equal(reviewState('2027-03-03', '2026-12-03'), 'soon')
    assert.equal(reviewState('2027-03-04', '2026-12-03'), 'later')
  })
})
