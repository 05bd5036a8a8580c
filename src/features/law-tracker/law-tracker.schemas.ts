import { z } from 'zod'
import { isoDate } from '../../platform/forms/dates.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'

const intBetween = (min: number, max: number, key: string) =>
  z.preprocess(trimmed, z.coerce.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key }))

/** Länsstyrelsen's settings of the tracker (issue 10 §1); the version is 0 before the first save. */
export const SettingsInput = z.object({
  reviewIntervalMonths: intBetween(1, 120, 'lawTracker.settings.errors.interval'),
  warnMonths: intBetween(0, 24, 'lawTracker.settings.errors.warn'),
  actionPlanDeadline: isoDate('lawTracker.settings.errors.deadline'),
  decidingBody: z.preprocess(
    trimmed,
    z
      .string({ error: 'lawTracker.settings.errors.body' })
      .min(1, { error: 'lawTracker.settings.errors.body' })
      .max(200, { error: 'lawTracker.settings.errors.body' }),
  ),
  version: z.preprocess(trimmed, z.coerce.number().int().min(0).max(2147483647)),
})
export type SettingsInput = z.output<typeof SettingsInput>
