import { RULE_KINDS, type RuleKind } from './compliance.tables.ts'

/**
 * The commitments of a collaboration, evaluated live: a pure function of the seats, the steering
 * body's meetings and attendance, and the configured rules. No database, no clock: `today` and `now`
 * are inputs, so every case can be tested exactly.
 */

export type ComplianceStatus = 'green' | 'yellow' | 'red' | 'not_applicable'

export interface EvalParty {
  organisationId: string
  name: string
  /** organisations.kind: only `municipality` parties carry the working-group commitment. */
  kind: string
  joinedOn: string | null
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
  level: 'chief' | 'official'
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

export interface RuleResult {
  kind: RuleKind
  status: ComplianceStatus
  /** i18n key of the sentence saying what is missing and since when, with its parameters. */
  messageKey: string
  params: Record<string, string | number>
  /** A more specific tag text than the status's own (e.g. "Inga möten ännu"). */
  tagKey?: string
}

export interface PartyResult {
  organisationId: string
  name: string
  rules: RuleResult[]
}

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

const maxIso = (a: string, b: string | null) => (b && b > a ? b : a)
const overlaps = (s: EvalSeat, from: string, to: string) => s.validFrom <= to && (s.validTo === null || s.validTo >= from)
const isCurrent = (s: EvalSeat, today: string) => s.validFrom <= today && (s.validTo === null || s.validTo >= today)
const result = (kind: RuleKind, status: ComplianceStatus, messageKey: string, params: Record<string, string | number> = {}, tagKey?: string): RuleResult => ({
  kind,
  status,
  messageKey,
  params,
  ...(tagKey ? { tagKey } : {}),
})

/**
 * The first day without a qualifying seat: the day after the last one ended, or — if there never
 * was one — when the party's commitment began (period start, or joining if later).
 */
function missingSince(seats: EvalSeat[], today: string, commitmentStart: string): string {
  const ended = seats.filter((s) => s.validTo !== null && s.validTo < today).map((s) => s.validTo as string)
  return ended.length ? addDays(ended.sort().at(-1)!, 1) : commitmentStart
}

function workingGroupOfficial(input: ComplianceInput, party: EvalParty, commitmentStart: string): RuleResult {
  const kind = 'working_group_official'
  if (party.kind !== 'municipality') return result(kind, 'not_applicable', 'compliance.explain.onlyMunicipalities')
  if (input.today < input.period.start) return result(kind, 'not_applicable', 'compliance.explain.periodNotStarted', { date: input.period.start })
  const groups = new Map(input.bodies.filter((b) => b.kind === 'working_group').map((b) => [b.id, b.name]))
  const until = input.today < input.period.end ? input.today : input.period.end
  // History counts: a seat that ended still covered its months of the period.
  const qualifying = input.seats
    .filter((s) => groups.has(s.bodyId) && s.organisationId === party.organisationId && s.level === 'official' && overlaps(s, input.period.start, until))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
  const current = qualifying.find((s) => isCurrent(s, input.today))
  if (current) return result(kind, 'green', 'compliance.explain.wgCurrent', { body: groups.get(current.bodyId)!, since: current.validFrom })
  const last = qualifying.at(-1)
  if (last) return result(kind, 'green', 'compliance.explain.wgHistory', { body: groups.get(last.bodyId)!, from: last.validFrom, to: last.validTo ?? '' })
  return result(kind, 'red', 'compliance.explain.wgMissing', { since: commitmentStart })
}

function steeringChief(input: ComplianceInput, party: EvalParty, steering: Set<string>, commitmentStart: string): RuleResult {
  const kind = 'steering_chief'
  if (steering.size === 0) return result(kind, 'not_applicable', 'compliance.explain.noSteering')
  const chief = input.seats.filter((s) => steering.has(s.bodyId) && s.organisationId === party.organisationId && s.level === 'chief')
  const ordinary = chief.filter((s) => s.membership === 'ordinary')
  const currentOrdinary = ordinary.filter((s) => isCurrent(s, input.today)).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0]
  if (currentOrdinary) return result(kind, 'green', 'compliance.explain.chiefCurrent', { since: currentOrdinary.validFrom })
  if (chief.some((s) => isCurrent(s, input.today))) {
    return result(kind, 'yellow', 'compliance.explain.chiefSubstituteOnly', { since: missingSince(ordinary, input.today, commitmentStart) })
  }
  return result(kind, 'red', 'compliance.explain.chiefMissing', { since: missingSince(chief, input.today, commitmentStart) })
}

function steeringAttendance(input: ComplianceInput, party: EvalParty, steering: Set<string>, params: Record<string, number>): RuleResult {
  const kind = 'steering_attendance'
  if (steering.size === 0) return result(kind, 'not_applicable', 'compliance.explain.noSteering')
  const threshold = params.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT
  const months = params.months ?? DEFAULT_MONTHS
  const windowStart = monthsBefore(input.now, months)
  // Meetings before the party joined do not count against it.
  const joined = party.joinedOn ? new Date(`${party.joinedOn}T00:00:00Z`) : undefined
  const meetings = input.meetings
    .filter(
      (m) => steering.has(m.bodyId) && m.status !== 'cancelled' && m.startsAt >= windowStart && m.startsAt < input.now && (!joined || m.startsAt >= joined),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const since = windowStart.toISOString().slice(0, 10)
  if (meetings.length === 0) return result(kind, 'not_applicable', 'compliance.explain.noMeetings', { months }, 'compliance.status.noMeetings')
  const partySeats = new Set(input.seats.filter((s) => s.organisationId === party.organisationId).map((s) => s.id))
  const attendedIds = new Set(input.attendance.filter((a) => ATTENDED.has(a.status) && partySeats.has(a.seatId)).map((a) => a.meetingId))
  const attended = meetings.filter((m) => attendedIds.has(m.id))
  const total = meetings.length
  const percent = Math.round((attended.length * 100) / total)
  const params2 = { attended: attended.length, total, percent, months, threshold }
  // Compare exactly (no rounding): 49.5 % is below a 50 % threshold.
  if (attended.length * 100 >= threshold * total) return result(kind, 'green', 'compliance.explain.attendanceOk', params2)
  const status = attended.length * 100 >= (threshold - YELLOW_MARGIN_POINTS) * total ? 'yellow' : 'red'
  const last = attended.at(-1)
  if (!last) return result(kind, status, 'compliance.explain.attendanceNone', { ...params2, since })
  return result(kind, status, 'compliance.explain.attendanceLow', { ...params2, last: last.startsAt.toISOString().slice(0, 10) })
}

/** Every party × every enabled rule (in the rules' fixed order). */
export function evaluateCompliance(input: ComplianceInput): PartyResult[] {
  const rules = RULE_KINDS.map((k) => input.rules.find((r) => r.kind === k && r.enabled)).filter((r): r is EvalRule => !!r)
  const steering = new Set(input.bodies.filter((b) => b.kind === 'steering').map((b) => b.id))
  return input.parties.map((party) => {
    const commitmentStart = maxIso(input.period.start, party.joinedOn)
    return {
      organisationId: party.organisationId,
      name: party.name,
      rules: rules.map((rule) => {
        switch (rule.kind) {
          case 'working_group_official':
            return workingGroupOfficial(input, party, commitmentStart)
          case 'steering_chief':
            return steeringChief(input, party, steering, commitmentStart)
          case 'steering_attendance':
            return steeringAttendance(input, party, steering, rule.params ?? {})
        }
      }),
    }
  })
}

/** Counts per status over every cell, for the summary above the table. */
export function summarise(parties: PartyResult[]): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { green: 0, yellow: 0, red: 0, not_applicable: 0 }
  for (const p of parties) for (const r of p.rules) counts[r.status]++
  return counts
}
