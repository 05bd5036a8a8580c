import { addMonths } from '../../platform/dates/iso-dates.ts'
import { type DeadlineMode, RULE_KINDS, type RuleKind } from './compliance.tables.ts'

/**
 * The commitments of a collaboration, evaluated live: a pure function of the parties' signatures, the
 * seats, the steering body's meetings and attendance, and the configured rules. No database, no
 * clock: `today` and `now` are inputs, so every case can be tested exactly.
 *
 * What the programförklaring says decides the states (issue 6 A1): a commitment begins when the party
 * has signed; before that it does not apply yet, and a party that declined or withdrew carries none.
 * Until its deadline an unmet commitment is "not yet met" (yellow); red only once the deadline passed.
 */

/** `not_yet`: the party has not signed (or the rule starts later), so nothing is owed yet. */
export type ComplianceStatus = 'green' | 'yellow' | 'red' | 'not_yet' | 'not_applicable'

export interface EvalParty {
  organisationId: string
  name: string
  /** organisations.kind, matched against each rule's party kinds. */
  kind: string
  joinedOn: string | null
  /** The party's decision on the declaration: latest status and the day it first signed. */
  signatureStatus: string | null
  signedOn: string | null
}
export interface EvalBody {
  id: string
  kind: string
  name: string
}
export interface EvalSeat {
  id: string
  bodyId: string
  /** The party represented. */
  organisationId: string
  level: 'elected' | 'chief' | 'official'
  membership: 'ordinary' | 'substitute'
  validFrom: string
  /** Last day, inclusive; null = open-ended. */
  validTo: string | null
}
export interface EvalMeeting {
  id: string
  bodyId: string
  startsAt: Date
  status: string
}
export interface EvalAttendance {
  meetingId: string
  seatId: string
  status: string
}
export interface EvalRule {
  kind: RuleKind
  params: Record<string, number>
  enabled: boolean
  /** Empty = every party kind. */
  partyKinds: string[]
  appliesFrom: string | null
  deadlineMode: DeadlineMode
  deadlineMonths: number | null
  sourceQuote: string | null
}

export interface ComplianceInput {
  period: { start: string; end: string }
  parties: EvalParty[]
  bodies: EvalBody[]
  seats: EvalSeat[]
  meetings: EvalMeeting[]
  attendance: EvalAttendance[]
  rules: EvalRule[]
  /** Today in Sweden, YYYY-MM-DD. */
  today: string
  now: Date
}

/** What fixes a cell: the view turns it into a link for those who may act for the party. */
export type Fix =
  | { action: 'add_seat'; bodyIds: string[]; level: 'chief' | 'official' }
  | { action: 'record_signature' }
  | { action: 'steering_meetings'; bodyId: string }

export interface RuleResult {
  kind: RuleKind
  status: ComplianceStatus
  /** i18n key of the sentence saying what is missing and since when, with its parameters. */
  messageKey: string
  params: Record<string, string | number>
  /** A more specific tag text than the status's own (e.g. "Inga möten ännu"). */
  tagKey?: string
  /** A second sentence about the deadline ("Ska vara uppfyllt senast {deadline}."), same parameters. */
  deadlineKey?: string
  fix?: Fix
  /** The seat the sentence is about, so the service can withhold it from those who may not see it. */
  evidenceSeatId?: string
}

export interface PartyResult {
  organisationId: string
  name: string
  rules: RuleResult[]
}

/** Rules that the programförklaring does not contain: off by default, labelled as local when on. */
export const LOCAL_RULE_KINDS: readonly RuleKind[] = ['steering_attendance']
export const isLocalRule = (kind: RuleKind) => LOCAL_RULE_KINDS.includes(kind)

export const DEFAULT_THRESHOLD_PERCENT = 50
export const DEFAULT_MONTHS = 12
/** Attendance this many percentage points below the threshold is yellow, further below red. */
export const YELLOW_MARGIN_POINTS = 10

const ATTENDED = new Set(['present', 'substitute_present'])

export const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The same day `months` earlier, clamped to the month's last day (31 March − 1 month = 28/29 February, not 3 March). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}

/** The same day `months` later, clamped to the month's last day (31 August + 6 months = 28/29 February). */
export const addMonthsIso = addMonths

const maxIso = (a: string, b: string | null) => (b && b > a ? b : a)
const overlaps = (s: EvalSeat, from: string, to: string) => s.validFrom <= to && (s.validTo === null || s.validTo >= from)
const isCurrent = (s: EvalSeat, today: string) => s.validFrom <= today && (s.validTo === null || s.validTo >= today)
const result = (
  kind: RuleKind,
  status: ComplianceStatus,
  messageKey: string,
  params: Record<string, string | number> = {},
  extra: Partial<RuleResult> = {},
): RuleResult => ({
  kind,
  status,
  messageKey,
  params,
  ...extra,
})

/** Where one party stands with one rule: from when it is owed, and until when it may still be met. */
interface Commitment {
  start: string
  deadline: string
  /** The coordinator set the deadline (months after signing), rather than the period's end. */
  deadlineSet: boolean
}

/** The deadline of an unmet commitment (see DeadlineMode). */
function deadlineOf(rule: EvalRule, signedOn: string, start: string, periodEnd: string): string {
  if (rule.deadlineMode === 'months_after_signature' && rule.deadlineMonths) return addMonthsIso(signedOn, rule.deadlineMonths)
  if (rule.deadlineMode === 'immediate') return start
  return periodEnd
}

const NOT_SIGNED = 'compliance.status.notSigned'

/**
 * The gate before any rule: does the rule apply to this kind of party, has the party signed, has the
 * commitment begun? Returns the cell when it does not apply (yet), else the commitment's dates.
 */
function commitmentOf(input: ComplianceInput, party: EvalParty, rule: EvalRule): RuleResult | Commitment {
  const kind = rule.kind
  if (rule.partyKinds.length && !rule.partyKinds.includes(party.kind)) return result(kind, 'not_applicable', 'compliance.explain.notForKind')
  if (party.signatureStatus === 'declined') return result(kind, 'not_applicable', 'compliance.explain.declined')
  if (party.signatureStatus === 'withdrawn') return result(kind, 'not_applicable', 'compliance.explain.withdrawn')
  // A party that signed an earlier version stays bound while a new version is being decided.
  if (!party.signedOn) {
    return result(kind, 'not_yet', 'compliance.explain.notSigned', {}, { tagKey: NOT_SIGNED, fix: { action: 'record_signature' } })
  }
  const start = maxIso(maxIso(input.period.start, party.signedOn), rule.appliesFrom)
  if (input.today < start) return result(kind, 'not_yet', 'compliance.explain.startsOn', { date: start })
  return { start, deadline: deadlineOf(rule, party.signedOn, start, input.period.end), deadlineSet: rule.deadlineMode === 'months_after_signature' }
}

/** Unmet: yellow "not yet met" up to and including the deadline, red after it. */
function unmet(kind: RuleKind, input: ComplianceInput, c: Commitment, missingKey: string, params: Record<string, string | number>, fix: Fix): RuleResult {
  const deadlineKey = c.deadlineSet ? 'compliance.explain.deadlineSet' : 'compliance.explain.deadlinePeriod'
  if (input.today <= c.deadline && c.deadline > c.start) {
    return result(kind, 'yellow', missingKey, { ...params, deadline: c.deadline }, { tagKey: 'compliance.status.pending', fix, deadlineKey })
  }
  // A deadline on the day the commitment began ("immediate") is no deadline worth a sentence.
  const passed = c.deadline > c.start ? { deadlineKey: 'compliance.explain.deadlinePassed' } : {}
  return result(kind, 'red', missingKey, { ...params, deadline: c.deadline }, { fix, ...passed })
}

/**
 * The first day without a qualifying seat: the day after the last one ended, or — if there never
 * was one — when the party's commitment began.
 */
function missingSince(seats: EvalSeat[], today: string, commitmentStart: string): string {
  const ended = seats.filter((s) => s.validTo !== null && s.validTo < today && s.validTo >= commitmentStart).map((s) => s.validTo as string)
  return ended.length ? addDays(ended.sort().at(-1)!, 1) : commitmentStart
}

/** "en tjänsteperson medverkar i minst en arbetsgrupp under denna period": any tjänsteperson, chiefs included. */
function workingGroupOfficial(input: ComplianceInput, party: EvalParty, c: Commitment): RuleResult {
  const kind = 'working_group_official'
  const groups = new Map(input.bodies.filter((b) => b.kind === 'working_group').map((b) => [b.id, b.name]))
  const until = input.today < input.period.end ? input.today : input.period.end
  // History counts: a seat that ended still met the commitment for the period.
  const qualifying = input.seats
    .filter((s) => groups.has(s.bodyId) && s.organisationId === party.organisationId && s.level !== 'elected' && overlaps(s, c.start, until))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
  const current = qualifying.find((s) => isCurrent(s, input.today))
  if (current)
    return result(
      kind,
      'green',
      'compliance.explain.wgCurrent',
      { body: groups.get(current.bodyId)!, since: current.validFrom },
      { evidenceSeatId: current.id },
    )
  const last = qualifying.at(-1)
  if (last) {
    return result(
      kind,
      'green',
      'compliance.explain.wgHistory',
      { body: groups.get(last.bodyId)!, from: last.validFrom, to: last.validTo ?? '' },
      { evidenceSeatId: last.id },
    )
  }
  return unmet(kind, input, c, 'compliance.explain.wgMissing', { since: c.start }, { action: 'add_seat', bodyIds: [...groups.keys()], level: 'official' })
}

function steeringChief(input: ComplianceInput, party: EvalParty, steering: string[], c: Commitment): RuleResult {
  const kind = 'steering_chief'
  if (steering.length === 0) return result(kind, 'not_applicable', 'compliance.explain.noSteering')
  const fix: Fix = { action: 'add_seat', bodyIds: steering, level: 'chief' }
  const chief = input.seats.filter((s) => steering.includes(s.bodyId) && s.organisationId === party.organisationId && s.level === 'chief')
  const ordinary = chief.filter((s) => s.membership === 'ordinary')
  const currentOrdinary = ordinary.filter((s) => isCurrent(s, input.today)).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0]
  if (currentOrdinary)
    return result(kind, 'green', 'compliance.explain.chiefCurrent', { since: currentOrdinary.validFrom }, { evidenceSeatId: currentOrdinary.id })
  if (chief.some((s) => isCurrent(s, input.today))) {
    return result(kind, 'yellow', 'compliance.explain.chiefSubstituteOnly', { since: missingSince(ordinary, input.today, c.start) }, { fix })
  }
  return unmet(kind, input, c, 'compliance.explain.chiefMissing', { since: missingSince(chief, input.today, c.start) }, fix)
}

function steeringAttendance(input: ComplianceInput, party: EvalParty, steering: string[], params: Record<string, number>, c: Commitment): RuleResult {
  const kind = 'steering_attendance'
  if (steering.length === 0) return result(kind, 'not_applicable', 'compliance.explain.noSteering')
  const threshold = params.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT
  const months = params.months ?? DEFAULT_MONTHS
  const windowStart = monthsBefore(input.now, months)
  // Meetings before the commitment began do not count against the party.
  const begun = new Date(`${c.start}T00:00:00Z`)
  const meetings = input.meetings
    .filter((m) => steering.includes(m.bodyId) && m.status !== 'cancelled' && m.startsAt >= windowStart && m.startsAt < input.now && m.startsAt >= begun)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const since = windowStart.toISOString().slice(0, 10)
  if (meetings.length === 0) return result(kind, 'not_applicable', 'compliance.explain.noMeetings', { months }, { tagKey: 'compliance.status.noMeetings' })
  const partySeats = new Set(input.seats.filter((s) => s.organisationId === party.organisationId).map((s) => s.id))
  const attendedIds = new Set(input.attendance.filter((a) => ATTENDED.has(a.status) && partySeats.has(a.seatId)).map((a) => a.meetingId))
  const attended = meetings.filter((m) => attendedIds.has(m.id))
  const total = meetings.length
  const percent = Math.round((attended.length * 100) / total)
  const params2 = { attended: attended.length, total, percent, months, threshold }
  // Compare exactly (no rounding): 49.5 % is below a 50 % threshold.
  if (attended.length * 100 >= threshold * total) return result(kind, 'green', 'compliance.explain.attendanceOk', params2)
  const status = attended.length * 100 >= (threshold - YELLOW_MARGIN_POINTS) * total ? 'yellow' : 'red'
  const fix: Fix = { action: 'steering_meetings', bodyId: steering[0] }
  const last = attended.at(-1)
  if (!last) return result(kind, status, 'compliance.explain.attendanceNone', { ...params2, since }, { fix })
  return result(kind, status, 'compliance.explain.attendanceLow', { ...params2, last: last.startsAt.toISOString().slice(0, 10) }, { fix })
}

/** Every party × every enabled rule (in the rules' fixed order). */
export function evaluateCompliance(input: ComplianceInput): PartyResult[] {
  const rules = RULE_KINDS.map((k) => input.rules.find((r) => r.kind === k && r.enabled)).filter((r): r is EvalRule => !!r)
  const steering = input.bodies.filter((b) => b.kind === 'steering').map((b) => b.id)
  return input.parties.map((party) => ({
    organisationId: party.organisationId,
    name: party.name,
    rules: rules.map((rule) => {
      const c = commitmentOf(input, party, rule)
      if ('status' in c) return c
      switch (rule.kind) {
        case 'working_group_official':
          return workingGroupOfficial(input, party, c)
        case 'steering_chief':
          return steeringChief(input, party, steering, c)
        case 'steering_attendance':
          return steeringAttendance(input, party, steering, rule.params ?? {}, c)
      }
    }),
  }))
}

/** Counts per status over every cell, for the summary above the table. */
export function summarise(parties: PartyResult[]): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { green: 0, yellow: 0, red: 0, not_yet: 0, not_applicable: 0 }
  for (const p of parties) for (const r of p.rules) counts[r.status]++
  return counts
}
