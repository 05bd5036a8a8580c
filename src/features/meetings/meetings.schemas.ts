import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { ATTENDANCE, MEETING_KINDS } from './meetings.tables.ts'
import { isoDate, optionalIsoDate } from '../../platform/forms/dates.ts'

const required = (key: string, max = 300) => z.preprocess(trimmed, z.string({ error: key }).max(max, { error: 'meetings.errors.tooLong' }))
const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max, { error: 'meetings.errors.tooLong' }).optional())
const clock = (key: string) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: key })
      .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { error: 'meetings.errors.timeInvalid' })
      .transform((v) => v.replace('.', ':')),
  )
export const Version = z.coerce.number({ error: 'platform.errors.badRequest' }).int().min(1).max(2147483647)
const optionalUuid = (key: string) => z.preprocess(trimmed, z.uuid({ error: key }).optional())

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const
export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const

// ---- Meetings ----

const meetingFields = {
  title: required('meetings.errors.titleRequired', 200),
  kind: z.enum(MEETING_KINDS, { error: 'meetings.errors.kindRequired' }),
  date: isoDate('meetings.errors.dateRequired', 'meetings.errors.dateInvalid'),
  startTime: clock('meetings.errors.startTimeRequired'),
  endTime: clock('meetings.errors.endTimeRequired'),
  place: optionalText(300),
}
/** Times are on the meeting's day: "HH:MM" strings compare in clock order. */
const endAfterStart = (v: { startTime: string; endTime: string }) => v.endTime > v.startTime
const endIssue = { path: ['endTime'], error: 'meetings.errors.endBeforeStart' }

export const MeetingInput = z.object(meetingFields).refine(endAfterStart, endIssue)
export type MeetingInput = z.output<typeof MeetingInput>

export const UpdateMeetingInput = z
  .object({ ...meetingFields, status: z.enum(MEETING_STATUSES, { error: 'meetings.errors.statusRequired' }), version: Version })
  .refine(endAfterStart, endIssue)
export type UpdateMeetingInput = z.output<typeof UpdateMeetingInput>

export const VersionInput = z.object({ version: Version })

// ---- Agenda ----

export const AgendaItemInput = z.object({
  title: required('meetings.errors.agendaTitleRequired', 300),
  presenter: optionalText(200),
  plannedMinutes: z.preprocess(
    trimmed,
    z.coerce
      .number({ error: 'meetings.errors.plannedMinutesInvalid' })
      .int({ error: 'meetings.errors.plannedMinutesInvalid' })
      .min(1, { error: 'meetings.errors.plannedMinutesInvalid' })
      .max(600, { error: 'meetings.errors.plannedMinutesInvalid' })
      .optional(),
  ),
})
export type AgendaItemInput = z.output<typeof AgendaItemInput>

export const MoveInput = z.object({ direction: z.enum(['up', 'down'], { error: 'platform.errors.badRequest' }) })

// ---- Attendance (one row per seat; the form names fields status_<seatId> …) ----

export const AttendanceRow = z.object({
  status: z.enum(ATTENDANCE, { error: 'meetings.errors.attendanceStatusInvalid' }),
  substituteName: optionalText(200),
  /** Raw "2:30" / "2,5"; parsed by the service, which knows the meeting's length (the default). */
  time: optionalText(10),
})
export type AttendanceRow = z.output<typeof AttendanceRow>

// ---- Minutes ----

export const MinutesInput = z.object({
  minutesText: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(100_000, { error: 'meetings.errors.tooLong' })),
  version: Version,
})
export type MinutesInput = z.output<typeof MinutesInput>

export const DecisionInput = z.object({
  title: required('meetings.errors.decisionTitleRequired', 300),
  decisionText: required('meetings.errors.decisionTextRequired', 20_000),
})
export type DecisionInput = z.output<typeof DecisionInput>
export const UpdateDecisionInput = DecisionInput.extend({ version: Version })
export type UpdateDecisionInput = z.output<typeof UpdateDecisionInput>

const actionItemFields = {
  title: required('meetings.errors.actionTitleRequired', 300),
  ownerPersonId: optionalUuid('meetings.errors.ownerInvalid'),
  ownerName: optionalText(200),
  dueOn: optionalIsoDate('meetings.errors.dateInvalid'),
  status: z.enum(ACTION_STATUSES, { error: 'meetings.errors.actionStatusRequired' }),
}
export const ActionItemInput = z.object(actionItemFields)
export type ActionItemInput = z.output<typeof ActionItemInput>
export const UpdateActionItemInput = z.object({ ...actionItemFields, version: Version })
export type UpdateActionItemInput = z.output<typeof UpdateActionItemInput>

export const DistributionInput = z
  .object({ organisationId: optionalUuid('meetings.errors.recipientRequired'), recipient: optionalText(300) })
  .refine((v) => !!v.organisationId || !!v.recipient, { path: ['organisationId'], error: 'meetings.errors.recipientRequired' })
export type DistributionInput = z.output<typeof DistributionInput>

// ---- API responses ----

export const MeetingSummary = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string().describe('ISO 8601 instant (UTC)'),
  endsAt: z.string(),
  place: z.string(),
  minutesApprovedAt: z.string().nullable(),
})
export const MeetingList = z.object({ items: z.array(MeetingSummary) })

export const MeetingDetail = MeetingSummary.extend({
  minutesText: z.string(),
  agenda: z.array(
    z.object({
      position: z.number().int(),
      title: z.string(),
      presenter: z.string().nullable(),
      plannedMinutes: z.number().int().nullable(),
      actionItemId: z.uuid().nullable(),
    }),
  ),
  attendance: z.array(
    z.object({
      seatId: z.uuid(),
      personName: z.string(),
      partyId: z.uuid(),
      partyName: z.string(),
      status: z.enum(ATTENDANCE).nullable(),
      substituteName: z.string().nullable(),
      minutesContributed: z.number().int().nullable(),
    }),
  ),
  decisions: z.array(z.object({ id: z.uuid(), year: z.number().int(), paragraph: z.number().int(), title: z.string(), decisionText: z.string() })),
  actionItems: z.array(
    z.object({ id: z.uuid(), title: z.string(), owner: z.string().nullable(), dueOn: z.string().nullable(), status: z.enum(ACTION_STATUSES) }),
  ),
  distribution: z.array(z.object({ organisationId: z.uuid().nullable(), recipient: z.string() })),
})

// ---- Justering ----

const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v])

/** One or two justerare, as the seats of people present (checkboxes post one value per choice). */
export const JusteringRequestInput = z.object({
  justerare: z.preprocess(
    asArray,
    z
      .array(z.uuid({ error: 'meetings.errors.justerareCount' }))
      .min(1, { error: 'meetings.errors.justerareCount' })
      .max(2, { error: 'meetings.errors.justerareCount' }),
  ),
  version: Version,
})

export const JusteringRecordInput = z.object({
  justeradOn: isoDate('meetings.errors.justeradOnRequired', 'meetings.errors.dateInvalid'),
  version: Version,
})
