import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Entry } from './follow-up.repo.ts'
import { periodRows } from './follow-up.service.ts'
import type { Plan, PlanItem } from './plans.repo.ts'

const plan = { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDays: 10 } as Plan
const item = { id: 'i', cadence: 'monthly', startsOn: null, endsOn: null } as unknown as PlanItem
const entry = (periodKey: string, status: Entry['status'], late = false) =>
  ({ itemId: 'i', periodKey, periodStart: `${periodKey}-01`, periodEnd: `${periodKey}-28`, status, late }) as Entry

test('every month up to today’s, newest first: reported, late, due, overdue and the running one', () => {
  const rows = periodRows(plan, item, [entry('2026-01', 'on_track'), entry('2026-02', 'at_risk', true)], '2026-04-05')
  assert.deepEqual(
    rows.map((r) => [r.period.key, r.state]),
    [
      ['2026-04', 'open'],
      ['2026-03', 'due'],
      ['2026-02', 'reported_late'],
      ['2026-01', 'reported'],
    ],
  )
  assert.equal(periodRows(plan, item, [], '2026-04-11').find((r) => r.period.key === '2026-03')?.state, 'overdue')
})

test('once the latest entry says "klar", no later period is asked for', () => {
  const rows = periodRows(plan, item, [entry('2026-01', 'on_track'), entry('2026-02', 'done')], '2026-06-20')
  assert.deepEqual(
    rows.map((r) => r.period.key),
    ['2026-02', '2026-01'],
  )
})
