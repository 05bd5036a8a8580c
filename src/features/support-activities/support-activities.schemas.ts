import { z } from 'zod'
import { isoDate } from '../../platform/forms/dates.ts'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { SUPPORT_KINDS } from './support-activities.tables.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())
/** A whole number typed in a form field: digits only, within the range, else `key`. */
const optionalCount = (max: number, key: string) =>
  z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^\d{1,6}$/, { error: key })
      .transform(Number)
      .refine((n) => n <= max, { error: key })
      .optional(),
  )

/**
 * One support activity. The time is typed as hours and minutes (two fields, both optional: an
 * activity whose time was not recorded has none) and stored as minutes.
 */
export const ActivityInput = z.object({
  heldOn: isoDate('supportActivities.errors.heldOnRequired'),
  kind: z.enum(SUPPORT_KINDS, { error: 'supportActivities.errors.kindRequired' }),
  title: z.preprocess(
    trimmed,
    z.string({ error: 'supportActivities.errors.titleRequired' }).min(1, { error: 'supportActivities.errors.titleRequired' }).max(200),
  ),
  description: optionalText(5000),
  /** Empty: the whole county (a network meeting for all). */
  municipalityId: z.preprocess(trimmed, z.uuid({ error: 'supportActivities.errors.municipalityInvalid' }).optional()),
  // 1665 h 59 min stays under the table's limit of 100 000 minutes.
  hours: optionalCount(1665, 'supportActivities.errors.hoursInvalid'),
  minutesPart: optionalCount(59, 'supportActivities.errors.minutesInvalid'),
  participants: optionalCount(100000, 'supportActivities.errors.participantsInvalid'),
})
export type ActivityInput = z.output<typeof ActivityInput>

export const UpdateActivityInput = ActivityInput.safeExtend({ version: versionField })
export type UpdateActivityInput = z.output<typeof UpdateActivityInput>

/** Minutes from the two fields; none when neither was filled in. */
export function minutesOf(input: Pick<ActivityInput, 'hours' | 'minutesPart'>): number | null {
  if (input.hours === undefined && input.minutesPart === undefined) return null
  return (input.hours ?? 0) * 60 + (input.minutesPart ?? 0)
}

/** The list's filter (GET form): a year and a municipality; anything malformed is ignored. */
export function parseFilter(query: unknown, fallbackYear: number) {
  const q = (query ?? {}) as Record<string, unknown>
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)
  const y = one(q.year)
  const m = one(q.municipality)
  const b = one(q.board)
  const year = typeof y === 'string' && /^\d{4}$/.test(y) && Number(y) >= 1900 && Number(y) <= 2100 ? Number(y) : fallbackYear
  const uuid = (v: unknown) => (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v : undefined)
  return { year, municipalityId: uuid(m), boardId: uuid(b) }
}
