import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatDuration, formatHours, parseDuration, stockholmInstant, stockholmParts } from './meetings.time.ts'

describe('Stockholm meeting times', () => {
  test('a winter time is UTC+1 and a summer time UTC+2', () => {
    assert.equal(stockholmInstant('2026-02-02', '13:00').toISOString(), '2026-02-02T12:00:00.000Z')
    assert.equal(stockholmInstant('2026-06-15', '13:00').toISOString(), '2026-06-15T11:00:00.000Z')
  })

  test('the days daylight saving changes are handled on both sides of the change', () => {
    // 2026-03-29: clocks go from 02:00 to 03:00; 2026-10-25: from 03:00 back to 02:00.
    assert.equal(stockholmInstant('2026-03-29', '01:30').toISOString(), '2026-03-29T00:30:00.000Z')
    assert.equal(stockholmInstant('2026-03-29', '03:30').toISOString(), '2026-03-29T01:30:00.000Z')
    assert.equal(stockholmInstant('2026-10-25', '01:30').toISOString(), '2026-10-24T23:30:00.000Z')
    assert.equal(stockholmInstant('2026-10-25', '04:00').toISOString(), '2026-10-25T03:00:00.000Z')
  })

  test('an instant reads back as the Stockholm date, time and year, also across new year', () => {
    assert.deepEqual(stockholmParts(new Date('2026-02-02T12:00:00Z')), { date: '2026-02-02', time: '13:00', year: 2026 })
    assert.deepEqual(stockholmParts(new Date('2025-12-31T23:30:00Z')), { date: '2026-01-01', time: '00:30', year: 2026 })
  })
})

describe('time contributed', () => {
  test('hours:minutes and hours with a decimal comma or point become whole minutes', () => {
    assert.equal(parseDuration('2:30'), 150)
    assert.equal(parseDuration('2,5'), 150)
    assert.equal(parseDuration('2.5'), 150)
    assert.equal(parseDuration(' 3 '), 180)
    assert.equal(parseDuration('0:45'), 45)
    assert.equal(parseDuration('1,25'), 75)
  })

  test('anything else is not a duration', () => {
    for (const bad of ['', 'två', '2:75', '-1', '2,5h', '1:2', '2:30:00']) assert.equal(parseDuration(bad), undefined, bad)
  })

  test('minutes are shown back as 2:30 in forms and as hours with a decimal comma in tables', () => {
    assert.equal(formatDuration(150), '2:30')
    assert.equal(formatDuration(45), '0:45')
    assert.equal(formatHours(150, 'sv'), '2,5')
    assert.equal(formatHours(150, 'en'), '2.5')
    assert.equal(formatHours(20, 'sv'), '0,33')
  })
})
