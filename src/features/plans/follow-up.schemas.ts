import { z } from 'zod'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { ENTRY_STATUSES } from './follow-up.tables.ts'
import { swedishNumber } from './plans.schemas.ts'

/**
 * A period's follow-up in four fields (issue 8: a monthly follow-up should take a minute): status,
 * what was done, the output (in the unit the item counts in) and the hours spent. An activity also
 * takes its progress; an item without a unit of its own takes one with the output.
 */
export const EntryInput = z.object({
  status: z.enum(ENTRY_STATUSES, { error: 'followUp.errors.statusRequired' }),
  narrative: z.preprocess(trimmed, z.string().max(5000).optional()),
  outputValue: swedishNumber('followUp.errors.outputInvalid').refine((v) => v === undefined || v >= 0, { error: 'followUp.errors.outputInvalid' }),
  outputUnit: z.preprocess(trimmed, z.string().max(200).optional()),
  hours: swedishNumber('followUp.errors.hoursInvalid').refine((v) => v === undefined || (v >= 0 && v <= 10_000), { error: 'followUp.errors.hoursInvalid' }),
  progressPercent: z.preprocess(
    trimmed,
    z.coerce
      .number({ error: 'followUp.errors.progressInvalid' })
      .int({ error: 'followUp.errors.progressInvalid' })
      .min(0, { error: 'followUp.errors.progressInvalid' })
      .max(100, { error: 'followUp.errors.progressInvalid' })
      .optional(),
  ),
  /** Absent when the period has no entry yet. */
  version: z.preprocess(trimmed, versionField.optional()),
})
export type EntryInput = z.output<typeof EntryInput>
