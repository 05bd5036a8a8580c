import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type ComplianceInput,
  type EvalMeeting,
  type EvalParty,
  type EvalSeat,
  type RuleResult,
  type EvalRule,
  addDays,
  addMonthsIso,
  evaluateCompliance,
  isLocalRule,
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

/** ÖTMB's signing day in the demo story; every party signed then unless a test says otherwise. */
const SIGNED = '2022-03-16'
const party = (organisationId: string, name: string, kind: string, over: Partial<EvalParty> = {}): EvalParty => ({
  organisationId,
  name,
  kind,
  joinedOn: null,
  signatureStatus: 'signed',
  signedOn: SIGNED,
  ...over,
})
const rule = (kind: EvalRule['kind'], over: Partial<EvalRule> = {}): EvalRule => ({
  kind,
  params: {},
  enabled: true,
  partyKinds: [],
  appliesFrom: null,
  deadlineMode: 'period_end',
  deadlineMonths: null,
  sourceQuote: null,
  ...over,
})

function input(over: Partial<ComplianceInput> = {}): ComplianceInput {
  return {
    period: { start: '2022-01-01', end: '2027-12-31' },
    parties: [party(LKP, 'Linköpings kommun', 'municipality'), party(NKP, 'Norrköpings kommun', 'municipality'), party(POL, 'Polisen', 'police')],
    bodies: [
      { id: STEER, kind: 'steering', name: 'Styrgrupp' },
      { id: WG, kind: 'working_group', name: 'Arbetsgrupp trygghet' },
      { id: WG2, kind: 'working_group', name: 'Arbetsgrupp unga' },
    ],
    seats: [],
    meetings: [],
    attendance: [],
    rules: [
      rule('working_group_official', { partyKinds: ['municipality'] }),
      rule('steering_chief', { deadlineMode: 'immediate' }),
      rule('steering_attendance', { params: { thresholdPercent: 50, months: 12 }, deadlineMode: 'immediate' }),
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

describe('before the signature, and after a refusal (A1)', () => {
  test('a party that has not signed reads "not yet – not signed" on every rule, with the signature as its fix', () => {
    const i = input({ parties: [party(LKP, 'L', 'municipality', { signatureStatus: 'in_preparation', signedOn: null })] })
    for (const kind of ['working_group_official', 'steering_chief', 'steering_attendance'] as const) {
      const r = ruleOf(i, LKP, kind)
      assert.deepEqual(
        [r.status, r.tagKey, r.messageKey, r.fix],
        ['not_yet', 'compliance.status.notSigned', 'compliance.explain.notSigned', { action: 'record_signature' }],
      )
    }
  })
  test('declined and withdrawn parties carry no commitments', () => {
    const i = input({
      parties: [
        party(LKP, 'L', 'municipality', { signatureStatus: 'declined', signedOn: null }),
        party(NKP, 'N', 'municipality', { signatureStatus: 'withdrawn' }),
      ],
    })
    assert.deepEqual(
      [ruleOf(i, LKP, 'working_group_official').status, ruleOf(i, LKP, 'working_group_official').messageKey],
      ['not_applicable', 'compliance.explain.declined'],
    )
    assert.deepEqual([ruleOf(i, NKP, 'steering_chief').status, ruleOf(i, NKP, 'steering_chief').messageKey], ['not_applicable', 'compliance.explain.withdrawn'])
  })
  test('a party that signed an earlier version stays bound while a new version is decided', () => {
    const i = input({ parties: [party(LKP, 'L', 'municipality', { signatureStatus: 'invited', signedOn: SIGNED })] })
    assert.equal(ruleOf(i, LKP, 'working_group_official').status, 'yellow')
  })
  test('a rule that applies from a later date is not yet due before it', () => {
    const i = input({ rules: [rule('working_group_official', { appliesFrom: '2025-09-01' })] })
    assert.deepEqual([ruleOf(i, LKP, 'working_group_official').status, ruleOf(i, LKP, 'working_group_official').params], ['not_yet', { date: '2025-09-01' }])
  })
  test('before the period starts nothing is due', () => {
    assert.equal(ruleOf(input({ period: { start: '2026-01-01', end: '2029-12-31' } }), LKP, 'working_group_official').status, 'not_yet')
  })
})

describe('working_group_official', () => {
  const kind = 'working_group_official'
  test('unmet within the period is yellow "not yet met" with the period end as deadline, and the fix adds a seat in any working group', () => {
    const r = ruleOf(input(), LKP, kind)
    assert.equal(r.status, 'yellow')
    assert.equal(r.tagKey, 'compliance.status.pending')
    assert.equal(r.messageKey, 'compliance.explain.wgMissing')
    assert.equal(r.deadlineKey, 'compliance.explain.deadlinePeriod')
    assert.deepEqual(r.params, { since: SIGNED, deadline: '2027-12-31' })
    assert.deepEqual(r.fix, { action: 'add_seat', bodyIds: [WG, WG2], level: 'official' })
  })
  test('red only once a deadline set by the coordinator has passed', () => {
    const six = input({ rules: [rule(kind, { deadlineMode: 'months_after_signature', deadlineMonths: 6 })] })
    const r = ruleOf(six, LKP, kind)
    assert.deepEqual([r.status, r.params.deadline, r.deadlineKey], ['red', '2022-09-16', 'compliance.explain.deadlinePassed'])
    const late = input({
      rules: [rule(kind, { deadlineMode: 'months_after_signature', deadlineMonths: 6 })],
      parties: [party(LKP, 'L', 'municipality', { signedOn: '2025-02-01' })],
    })
    const y = ruleOf(late, LKP, kind)
    assert.deepEqual([y.status, y.params.deadline, y.deadlineKey], ['yellow', '2025-08-01', 'compliance.explain.deadlineSet'])
  })
  test('after the period has ended unmet, it is red', () => {
    const r = ruleOf(input({ today: '2028-01-10', now: new Date('2028-01-10T10:00:00Z') }), LKP, kind)
    assert.deepEqual([r.status, r.params.deadline], ['red', '2027-12-31'])
  })
  test('a current seat in a working group is green', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG, validFrom: '2023-03-01' })] }), LKP, kind)
    assert.equal(r.status, 'green')
    assert.deepEqual(r.params, { body: 'Arbetsgrupp trygghet', since: '2023-03-01' })
    assert.equal(r.fix, undefined)
  })
  test('history counts: a seat that ended still met the commitment', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG2, validFrom: '2022-04-01', validTo: '2022-12-31' })] }), LKP, kind)
    assert.equal(r.status, 'green')
    assert.equal(r.messageKey, 'compliance.explain.wgHistory')
    assert.deepEqual(r.params, { body: 'Arbetsgrupp unga', from: '2022-04-01', to: '2022-12-31' })
  })
  test('any tjänsteperson counts, chiefs included (A2); an elected member does not', () => {
    assert.equal(ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG, level: 'chief' })] }), LKP, kind).status, 'green')
    assert.equal(ruleOf(input({ seats: [seat({ organisationId: LKP, bodyId: WG, level: 'elected' })] }), LKP, kind).status, 'yellow')
  })
  test('other bodies, other parties, seats before the signature and future seats do not count', () => {
    const seats = [
      seat({ organisationId: LKP, bodyId: STEER }),
      seat({ organisationId: NKP, bodyId: WG }),
      seat({ organisationId: LKP, bodyId: WG, validFrom: '2020-01-01', validTo: '2022-03-15' }),
      seat({ organisationId: LKP, bodyId: WG, validFrom: '2025-07-01' }),
    ]
    assert.equal(ruleOf(input({ seats }), LKP, kind).status, 'yellow')
    assert.equal(ruleOf(input({ seats }), NKP, kind).status, 'green')
  })
  test('party kinds outside the rule are not applicable', () => {
    const r = ruleOf(input(), POL, kind)
    assert.deepEqual([r.status, r.messageKey], ['not_applicable', 'compliance.explain.notForKind'])
  })
})

describe('steering_chief', () => {
  const kind = 'steering_chief'
  test('a current ordinary chief seat is green', () => {
    const r = ruleOf(input({ seats: [seat({ organisationId: POL, bodyId: STEER, level: 'chief', validFrom: '2022-02-02' })] }), POL, kind)
    assert.equal(r.status, 'green')
    assert.deepEqual(r.params, { since: '2022-02-02' })
  })
  test('applies to the party kinds the coordinator chose (municipalities in ÖTMB)', () => {
    const i = input({ rules: [rule(kind, { partyKinds: ['municipality'], deadlineMode: 'immediate' })] })
    assert.equal(ruleOf(i, POL, kind).status, 'not_applicable')
    assert.equal(ruleOf(i, LKP, kind).status, 'red')
  })
  test('only a substitute chief is yellow; the ordinary seat is missing since the day after it ended', () => {
    const seats = [
      seat({ organisationId: LKP, bodyId: STEER, level: 'chief', validTo: '2024-12-31' }),
      seat({ organisationId: LKP, bodyId: STEER, level: 'chief', membership: 'substitute' }),
    ]
    const r = ruleOf(input({ seats }), LKP, kind)
    assert.equal(r.status, 'yellow')
    assert.deepEqual(r.params, { since: '2025-01-01' })
    assert.deepEqual(r.fix, { action: 'add_seat', bodyIds: [STEER], level: 'chief' })
  })
  test('with no deadline, no chief is red at once: since the last seat ended, or since the signature', () => {
    const ended = [seat({ organisationId: LKP, bodyId: STEER, level: 'chief', validTo: '2025-03-31' })]
    const r = ruleOf(input({ seats: ended }), LKP, kind)
    assert.deepEqual([r.status, r.messageKey, r.params.since, r.deadlineKey], ['red', 'compliance.explain.chiefMissing', '2025-04-01', undefined])
    assert.equal(ruleOf(input(), NKP, kind).params.since, SIGNED)
  })
  test('with a deadline of three months from signing, a late signer is yellow until it passes', () => {
    const i = input({
      rules: [rule(kind, { deadlineMode: 'months_after_signature', deadlineMonths: 3 })],
      parties: [party(LKP, 'L', 'municipality', { signedOn: '2025-05-01' })],
    })
    assert.deepEqual([ruleOf(i, LKP, kind).status, ruleOf(i, LKP, kind).params.deadline], ['yellow', '2025-08-01'])
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

describe('steering_attendance (a local rule)', () => {
  const kind = 'steering_attendance'
  const lkpSeat = seat({ organisationId: LKP, bodyId: STEER, level: 'chief' })
  const lkpSub = seat({ organisationId: LKP, bodyId: STEER, level: 'chief', membership: 'substitute' })
  const attend = (ms: EvalMeeting[], idx: number[], status = 'present', seatId = lkpSeat.id) => idx.map((i) => ({ meetingId: ms[i].id, seatId, status }))
  const attendance = (over: Record<string, number>) => rule(kind, { params: over, deadlineMode: 'immediate' })

  test('is labelled local: the programförklaring does not contain it', () => {
    assert.equal(isLocalRule(kind), true)
    assert.equal(isLocalRule('working_group_official'), false)
  })
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
    assert.deepEqual(red.fix, { action: 'steering_meetings', bodyId: STEER })
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
    const lenient = input({ seats: [lkpSeat], meetings: ms, attendance: att, rules: [attendance({ thresholdPercent: 40, months: 12 })] })
    assert.equal(ruleOf(lenient, LKP, kind).status, 'green')
    const shortWindow = input({ seats: [lkpSeat], meetings: ms, attendance: att, rules: [attendance({ months: 3 })] })
    assert.equal(ruleOf(shortWindow, LKP, kind).params.total, ms.filter((m) => m.startsAt >= monthsBefore(NOW, 3)).length)
  })
  test('meetings before a party signed do not count against it', () => {
    const ms = [meeting(10), meeting(200)]
    const i = input({
      parties: [party(LKP, 'L', 'municipality', { signedOn: addDays(TODAY, -30) })],
      seats: [lkpSeat],
      meetings: ms,
      attendance: attend(ms, [0]),
    })
    assert.deepEqual([ruleOf(i, LKP, kind).status, ruleOf(i, LKP, kind).params.total], ['green', 1])
  })
})

test('only enabled rules are evaluated (a local rule off is not shown), in a fixed order, and the summary counts every cell', () => {
  const i = input({ rules: [rule('steering_chief'), rule('working_group_official', { enabled: false }), rule('steering_attendance', { enabled: false })] })
  assert.deepEqual(
    evaluateCompliance(i)[0].rules.map((r) => r.kind),
    ['steering_chief'],
  )
  const all = evaluateCompliance(input())
  assert.deepEqual(
    all[0].rules.map((r) => r.kind),
    ['working_group_official', 'steering_chief', 'steering_attendance'],
  )
  assert.deepEqual(summarise(all), { green: 0, yellow: 2, red: 3, not_yet: 0, not_applicable: 4 })
})

test('monthsBefore and addMonthsIso clamp to the end of a shorter month', () => {
  assert.equal(monthsBefore(new Date('2025-03-31T12:00:00Z'), 1).toISOString().slice(0, 10), '2025-02-28')
  assert.equal(monthsBefore(new Date('2025-06-15T10:00:00Z'), 12).toISOString(), '2024-06-15T10:00:00.000Z')
  assert.equal(addMonthsIso('2022-08-31', 6), '2023-02-28')
  assert.equal(addMonthsIso('2022-03-16', 6), '2022-09-16')
  assert.equal(addMonthsIso('2023-11-30', 3), '2024-02-29')
})
