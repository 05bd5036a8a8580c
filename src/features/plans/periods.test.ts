import assert from 'node:assert/strict'
import { test } from 'node:test'
import { dueDate, expectedPeriods, isLate, nextPeriod, periodByKey, periodOf, periodState, periodsBetween } from './periods.ts'

test('a date falls in its month, quarter, tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec) and half-year', () => {
  assert.deepEqual(periodOf('monthly', '2026-02-14'), { key: '2026-02', cadence: 'monthly', start: '2026-02-01', end: '2026-02-28' })
  assert.deepEqual(periodOf('monthly', '2024-02-14').end, '2024-02-29')
  assert.deepEqual(periodOf('quarterly', '2026-11-02'), { key: '2026-Q4', cadence: 'quarterly', start: '2026-10-01', end: '2026-12-31' })
  assert.deepEqual(periodOf('tertial', '2026-04-30'), { key: '2026-T1', cadence: 'tertial', start: '2026-01-01', end: '2026-04-30' })
  assert.deepEqual(periodOf('tertial', '2026-05-01'), { key: '2026-T2', cadence: 'tertial', start: '2026-05-01', end: '2026-08-31' })
  assert.deepEqual(periodOf('tertial', '2026-09-01').key, '2026-T3')
  assert.deepEqual(periodOf('half_year', '2026-07-01'), { key: '2026-H2', cadence: 'half_year', start: '2026-07-01', end: '2026-12-31' })
})

test('period keys read back; anything else is no period', () => {
  for (const key of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026-T3', '2026-H2']) assert.equal(periodByKey(key)?.key, key)
  for (const key of ['2026-13', '2026-00', '2026-Q5', '2026-T4', '2026-H3', '2026-1', '26-01', 'x', '1800-01', '2026-11-01'])
    assert.equal(periodByKey(key), undefined, key)
})

test('periods follow each other across the year end', () => {
  assert.equal(nextPeriod(periodOf('monthly', '2026-12-05')).key, '2027-01')
  assert.equal(nextPeriod(periodOf('tertial', '2026-12-05')).key, '2027-T1')
  assert.deepEqual(
    periodsBetween('tertial', '2025-06-15', '2026-02-01').map((p) => p.key),
    ['2025-T2', '2025-T3', '2026-T1'],
  )
  assert.deepEqual(periodsBetween('monthly', '2026-03-01', '2026-02-01'), [])
})

test('an entry is due N days after the period ends; without one it is due, then overdue; a late entry is marked late', () => {
  const oct = periodOf('monthly', '2026-10-10')
  assert.equal(dueDate(oct, 10), '2026-11-10')
  assert.equal(periodState(oct, 10, '2026-09-30'), 'future')
  assert.equal(periodState(oct, 10, '2026-10-31'), 'open')
  assert.equal(periodState(oct, 10, '2026-11-01'), 'due')
  assert.equal(periodState(oct, 10, '2026-11-10'), 'due')
  assert.equal(periodState(oct, 10, '2026-11-11'), 'overdue')
  assert.equal(periodState(oct, 10, '2026-12-01', { late: false }), 'reported')
  assert.equal(periodState(oct, 10, '2026-12-01', { late: true }), 'reported_late')
  assert.equal(isLate(oct, 10, '2026-11-10'), false)
  assert.equal(isLate(oct, 10, '2026-11-11'), true)
})

test('an item expects periods from its start up to today’s, never past its end', () => {
  assert.deepEqual(
    expectedPeriods('monthly', '2026-09-15', '2027-12-31', '2026-12-02').map((p) => p.key),
    ['2026-09', '2026-10', '2026-11', '2026-12'],
  )
  assert.deepEqual(
    expectedPeriods('quarterly', '2025-01-01', '2025-06-30', '2026-12-02').map((p) => p.key),
    ['2025-Q1', '2025-Q2'],
  )
})
