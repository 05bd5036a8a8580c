import { z } from 'zod'
import { isoDate, optionalIsoDate } from '../../platform/forms/dates.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { JOINT_EVENT_ANSWERS, JOINT_EVENT_KINDS } from './declarations.tables.ts'

const text = (max: number) => z.preprocess(trimmed, z.string().max(max, { error: 'declarations.errors.tooLong' }).optional())
const requiredText = (max: number, key: string) => z.preprocess(trimmed, z.string({ error: key }).max(max, { error: 'declarations.errors.tooLong' }))
/** "13.00" or "13:00" (Swedish texts write the dot); stored as "13:00". */
const clock = z.preprocess(
  trimmed,
  z
    .string()
    .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, { error: 'declarations.errors.timeInvalid' })
    .transform((v) => v.replace('.', ':').padStart(5, '0'))
    .optional(),
)
const Version = z.coerce.number({ error: 'platform.errors.badRequest' }).int().min(1).max(2147483647)

const eventFields = {
  kind: z.enum(JOINT_EVENT_KINDS, { error: 'declarations.errors.eventKindRequired' }),
  eventDate: isoDate('declarations.errors.eventDateRequired', 'declarations.errors.dateInvalid'),
  startTime: clock,
  endTime: clock,
  place: requiredText(300, 'declarations.errors.placeRequired'),
  invitedLevel: text(500),
  note: text(5000),
}
type EventShape = { startTime?: string; endTime?: string }
const endAfterStart = (v: EventShape) => !v.startTime || !v.endTime || v.endTime > v.startTime
const endIssue = { path: ['endTime'], error: 'declarations.errors.endBeforeStart' }
const endNeedsStart = (v: EventShape) => !v.endTime || !!v.startTime
const startIssue = { path: ['startTime'], error: 'declarations.errors.startTimeRequired' }

/** A joint decision meeting or joint signing (the invitation file is checked separately: it is bytes). */
export const JointEventInput = z.object(eventFields).refine(endAfterStart, endIssue).refine(endNeedsStart, startIssue)
export type JointEventInput = z.output<typeof JointEventInput>

export const UpdateJointEventInput = z
  .object({ ...eventFields, version: Version, removeFile: z.preprocess((v) => v === 'yes', z.boolean()) })
  .refine(endAfterStart, endIssue)
  .refine(endNeedsStart, startIssue)
export type UpdateJointEventInput = z.output<typeof UpdateJointEventInput>

/** One party's answer to an invitation, as the coordinator records it. */
export const AnswerInput = z.object({
  organisationId: z.uuid({ error: 'platform.errors.badRequest' }),
  version: Version,
  answer: z.enum(JOINT_EVENT_ANSWERS, { error: 'declarations.errors.answerRequired' }),
  attendees: text(1000),
  invitedLevel: text(500),
  answeredOn: optionalIsoDate('declarations.errors.dateInvalid'),
})
export type AnswerInput = z.output<typeof AnswerInput>
