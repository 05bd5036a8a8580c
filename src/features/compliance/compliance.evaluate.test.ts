import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type ComplianceInput,
  type EvalMeeting,
  type EvalSeat,
  type RuleResult,
  addDays,
  evaluateCompliance,
  monthsBefore,
  summarise,
} from './compliance.evaluate.ts'

const NOW = new Date('2025-06-15T10:00:00Z')
const TODAY = '2025-06-15'
const LKP = 'lkp'
const NKP = 'nkp'
const POL = 'polis'
const STEER = 'steer'
const WG = 'wg'
const WG2 = 'wg2'

let n = 0
const seat = (s: Partial<EvalSeat> & Pick<EvalSeat, 'organisationId' | 'bodyId'>): EvalSeat => ({
  id: `s${++n}`,
  level: 'official',
  membership: 'ordinary',
  validFrom: '2022-01-01',
  validTo: null,
  ...s,
})
const meeting = (daysAgo: number, status = 'held', bodyId = STEER): EvalMeeting => ({
  id: `m${++n}`,
  bodyId,
  startsAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  status,
})

function input(over: Partial<ComplianceInput> = {}): ComplianceInput {
  return {
    period: { start: '2022-01-01', end: '2027-12-31' },
    parties: [
      { organisationId: LKP, name: 'Linköpings kommun', kind: 'municipality', joinedOn: null },
      { organisationId: NKP, name: 'Norrköpings kommun', kind: 'municipality', joinedOn: null },
      { organisationId: POL, name: 'Polisen', kind: 'police', joinedOn: null },
    ],
    bodies: [
      { id: STEER, kind: 'steering', name: 'Styrgrupp' },
      { id: WG, kind: 'working_group', name: 'Arbetsgrupp trygghet' },
      { id: WG2, kind: 'working_group', name: 'Arbetsgrupp unga' },
    ],
    seats: [],
    meetings: [],
    attendance: [],
    rules: [
      { kind: 'working_group_official', params: {}, enabled: true },
      { kind: 'steering_chief', params: {}, enabled: true },
      { kind: 'steering_attendance', params: { thresholdPercent: 50, months: 12 }, enabled: true },
    ],
    today: TODAY,
    now: NOW,
    ...over,
  }
}

const ruleOf = (i: ComplianceInput, org: string, kind: RuleResult['kind']) =>
  evaluateCompliance(i)
    .find((p) => p.organisationId === org)!
    .rules.find((r) => r.kind === kind)!

describe('working_group_official', () => {
  const kind = 'working_group_official'
  test('a municipality that never had an official in a working group is red since the period start', () => {
    const r = ruleOf(input(), LKP, kind)
    assert.equal(r.status, 'red')
    assert.equal(r.messageKey, 'compliance.explain.wgMissing')
    assert.deepEqual(r.params, { since: '2022-01-01' })
  })
  test('a current official seat in a working group is green', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG, validFrom: '2023-03-01' })] }), LKP, kind)
    assert.equal(r.status, 'green')
    assert.deepEqual(r.params, { body: 'Arbetsgrupp trygghet', since: '2023-03-01' })
  })
  test('history counts: a seat that ended still covered its months', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG2, validFrom: '2022-02-01', validTo: '2022-12-31' })] }), LKP, kind)
    assert.equal(r.status, 'green')
    assert.equal(r.messageKey, 'compliance.explain.wgHistory')
    assert.deepEqual(r.params, { body: 'Arbetsgrupp unga', from: '2022-02-01', to: '2022-12-31' })
  })
  test('chief-level seats, other bodies, other parties, seats outside the period and future seats do not count', () => {
    const seats = [
      seat({ organisationId: LKP, bodyId: WG, level: 'chief' }),
      seat({ organisationId: LKP, bodyId: STEER }),
      seat({ organisationId: NKP, bodyId: WG }),
      seat({ organisationId: LKP, bodyId: WG, validFrom: '2020-01-01', validTo: '2021-12-31' }),
      seat({ organisationId: LKP, bodyId: WG, validFrom: '2025-07-01' }),
    ]
    assert.equal(ruleOf(input({ seats }), LKP, kind).status, 'red')
    assert.equal(ruleOf(input({ seats }), NKP, kind).status, 'green')
  })
  test('non-municipality parties are not applicable', () => {
    const r = ruleOf(input(), POL, kind)
    assert.equal(r.status, 'not_applicable')
    assert.equal(r.messageKey, 'compliance.explain.onlyMunicipalities')
  })
  test('a party that joined late is missing since it joined, not since the period start', () => {
    const i = input({ parties: [{ organisationId: LKP, name: 'L', kind: 'municipality', joinedOn: '2024-05-01' }] })
    assert.deepEqual(ruleOf(i, LKP, kind).params, { since: '2024-05-01' })
  })
  test('before the period starts nothing is due', () => {
    assert.equal(ruleOf(input({ period: { start: '2026-01-01', end: '2029-12-31' } }), LKP, kind).status, 'not_applicable')
  })
})

describe('steering_chief', () => {
  const kind = 'steering_chief'
  test('a current ordinary chief seat is green', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: POL, bodyId: STEER, level: 'chief', validFrom: '2022-02-02' })] }), POL, kind)
    assert.equal(r.status, 'green')
    assert.deepEqual(r.params, { since: '2022-02-02' })
  })
  test('only a substitute chief is yellow; the ordinary seat is missing since the day after it ended', () => {
    const seats = [
      seat({ organisationId: LKP, bodyId: STEER, level: 'chief', validTo: '2024-12-31' }),
      seat({ organisationId: LKP, bodyId: STEER, level: 'chief', membership: 'substitute' }),
    ]
    const r = ruleOf(input({ seats }), LKP, kind)
    assert.equal(r.status, 'yellow')
    assert.deepEqual(r.params, { since: '2025-01-01' })
  })
  test('no current chief seat is red, since the last one ended, or since the period start', () => {
    const ended = [seat({ organisationId: LKP, bodyId: STEER, level: 'chief', validTo: '2025-03-31' })]
    assert.deepEqual(ruleOf(input({ seats: ended }), LKP, kind), {
      kind,
      status: 'red',
      messageKey: 'compliance.explain.chiefMissing',
      params: { since: '2025-04-01' },
    })
    assert.deepEqual(ruleOf(input(), NKP, kind).params, { since: '2022-01-01' })
  })
  test('an official-level seat in the steering group, or a chief in a working group, is not a chief seat', () => {
    const seats = [seat({ organisationId: LKP, bodyId: STEER }), seat({ organisationId: LKP, bodyId: WG, level: 'chief' })]
    assert.equal(ruleOf(input({ seats }), LKP, kind).status, 'red')
  })
  test('a seat ending today is still current', () => {
    assert.equal(ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: STEER, level: 'chief', validTo: TODAY })] }), LKP, kind).status, 'green')
  })
  test('without a steering body the rule does not apply', () => {
    assert.equal(ruleOf(input({ bodies: [{ id: WG, kind: 'working_group', name: 'x' }] }), LKP, kind).status, 'not_applicable')
  })
})

describe('steering_attendance', () => {
  const kind = 'steering_attendance'
  const lkpSeat = seat({ organisationId: LKP, bodyId: STEER, level: 'chief' })
  const lkpSub = seat({ organisationId: LKP, bodyId: STEER, level: 'chief', membership: 'substitute' })
  const attend = (ms: EvalMeeting[], idx: number[], status = 'present', seatId = lkpSeat.id) => idx.map((i) => ({ meetingId: ms[i].id, seatId, status }))

  test('no meetings yet is grey with its own tag', () => {
    const r = ruleOf(input({ seats: [lkpSeat] }), LKP, kind)
    assert.equal(r.status, 'not_applicable')
    assert.equal(r.tagKey, 'compliance.status.noMeetings')
  })
  test('at or above the threshold is green; substitutes and any seat of the party count', () => {
    const ms = [meeting(10), meeting(40), meeting(70), meeting(100)]
    const att = [...attend(ms, [0]), ...attend(ms, [1], 'substitute_present', lkpSub.id), ...attend(ms, [2], 'absent')]
    const r = ruleOf(input({ seats: [lkpSeat, lkpSub], meetings: ms, attendance: att }), LKP, kind)
    assert.equal(r.status, 'green')
    assert.deepEqual(r.params, { attended: 2, total: 4, percent: 50, months: 12, threshold: 50 })
  })
  test('within 10 points below is yellow, further below is red, with the last attendance', () => {
    const ms = Array.from({ length: 10 }, (_, i) => meeting(10 + i * 20))
    const yellow = ruleOf(input({ seats: [lkpSeat], meetings: ms, attendance: attend(ms, [3, 5, 7, 9]) }), LKP, kind)
    assert.equal(yellow.status, 'yellow')
    assert.equal(yellow.params.percent, 40)
    assert.equal(yellow.params.last, ms[3].startsAt.toISOString().slice(0, 10))
    const red = ruleOf(input({ seats: [lkpSeat], meetings: ms, attendance: attend(ms, [4, 8, 9]) }), LKP, kind)
    assert.equal(red.status, 'red')
    assert.equal(red.messageKey, 'compliance.explain.attendanceLow')
  })
  test('never attended is red since the window start', () => {
    const ms = [meeting(10), meeting(20)]
    const r = ruleOf(input({ seats: [lkpSeat], meetings: ms }), NKP, kind)
    assert.equal(r.status, 'red')
    assert.equal(r.messageKey, 'compliance.explain.attendanceNone')
    assert.equal(r.params.since, '2024-06-15')
  })
  test('cancelled, future, old and other bodies’ meetings are not counted', () => {
    const counted = meeting(5)
    const ms = [counted, meeting(6, 'cancelled'), meeting(-3, 'planned'), meeting(400), meeting(7, 'held', WG)]
    const r = ruleOf(input({ seats: [lkpSeat], meetings: ms, attendance: attend([counted], [0]) }), LKP, kind)
    assert.deepEqual([r.status, r.params.total, r.params.attended], ['green', 1, 1])
  })
  test('the threshold and window come from the rule’s params; 49.5 % is below 50 %', () => {
    const ms = Array.from({ length: 200 }, (_, i) => meeting(1 + i))
    const att = attend(
      ms,
      Array.from({ length: 99 }, (_, i) => i),
    )
    const r = ruleOf(input({ seats: [lkpSeat], meetings: ms, attendance: att }), LKP, kind)
    assert.equal(r.status, 'yellow')
    const lenient = input({ seats: [lkpSeat], meetings: ms, attendance: att, rules: [{ kind, params: { thresholdPercent: 40, months: 12 }, enabled: true }] })
    assert.equal(ruleOf(lenient, LKP, kind).status, 'green')
    const shortWindow = input({ seats: [lkpSeat], meetings: ms, attendance: att, rules: [{ kind, params: { months: 3 }, enabled: true }] })
    assert.equal(ruleOf(shortWindow, LKP, kind).params.total, ms.filter((m) => m.startsAt >= monthsBefore(NOW, 3)).length)
  })
  test('meetings before a party joined do not count against it', () => {
    const ms = [meeting(10), meeting(200)]
    const i = input({
      parties: [{ organisationId: LKP, name: 'L', kind: 'municipality', joinedOn: addDays(TODAY, -30) }],
      seats: [lkpSeat],
      meetings: ms,
      attendance: attend(ms, [0]),
    })
    assert.deepEqual([ruleOf(i, LKP, kind).status, ruleOf(i, LKP, kind).params.total], ['green', 1])
  })
})

test('only enabled rules are evaluated, in a fixed order, and the summary counts every cell', () => {
  const i = input({
    rules: [
      { kind: 'steering_chief', params: {}, enabled: true },
      { kind: 'working_group_official', params: {}, enabled: false },
    ],
  })
  const result = evaluateCompliance(i)
  assert.deepEqual(
    result[0].rules.map((r) => r.kind),
    ['steering_chief'],
  )
  const all = evaluateCompliance(input())
  assert.deepEqual(
    all[0].rules.map((r) => r.kind),
    ['working_group_official', 'steering_chief', 'steering_attendance'],
  )
  assert.deepEqual(summarise(all), { green: 0, yellow: 0, red: 5, not_applicable: 4 })
})

test('monthsBefore clamps to the end of a shorter month', () => {
  assert.equal(monthsBefore(new Date('2025-03-31T12:00:00Z'), 1).toISOString().slice(0, 10), '2025-02-28')
  assert.equal(monthsBefore(new Date('2025-06-15T10:00:00Z'), 12).toISOString(), '2024-06-15T10:00:00.000Z')
})
