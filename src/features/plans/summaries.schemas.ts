import { z } from 'zod'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import type { FormValues } from '../../platform/forms/parse-form.ts'
import { ENTRY_STATUSES, type SummaryItem } from './follow-up.tables.ts'
import { swedishNumber } from './plans.schemas.ts'

/** More rows than any plan has followed-up items: a form claiming more is not ours. */
export const MAX_SUMMARY_ROWS = 500

const text = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())

/**
 * The summary form: an introduction and, per followed-up item, its status, what was done and the
 * output with its unit. Rows are numbered (`status_0`, `text_0` …) and carry their item's id, so that
 * a row added to the plan while the form was open cannot shift the others. `revision` is the revision
 * the form writes (a new one after a publication); `version` is absent until that revision is stored.
 */
export function summaryInput(rows: number) {
  const shape: Record<string, z.ZodType> = {
    introduction: text(10_000),
    revision: z.coerce.number().int().min(1).max(100_000),
    version: z.preprocess(trimmed, versionField.optional()),
  }
  for (let n = 0; n < rows; n++) {
    shape[`itemId_${n}`] = z.uuid()
    shape[`status_${n}`] = z.preprocess(trimmed, z.enum(ENTRY_STATUSES, { error: 'followUp.errors.statusRequired' }).optional())
    shape[`text_${n}`] = text(10_000)
    shape[`output_${n}`] = swedishNumber('followUp.errors.outputInvalid').refine((v) => v === undefined || v >= 0, { error: 'followUp.errors.outputInvalid' })
    shape[`unit_${n}`] = text(200)
  }
  return z.object(shape)
}

/** The form's schema as declared on the route (metadata for the security tests: one row). */
export const SummaryForm = summaryInput(1)

/** How many rows a posted form has (counted by their item ids), capped. */
export const rowCount = (values: FormValues) => Math.min(Object.keys(values).filter((k) => /^itemId_\d+$/.test(k)).length, MAX_SUMMARY_ROWS)

export interface SummaryInput {
  introduction: string
  revision: number
  version?: number
  items: SummaryItem[]
}

/** The parsed form as the service takes it. */
export function toSummaryInput(data: Record<string, unknown>, rows: number): SummaryInput {
  const items: SummaryItem[] = []
  for (let n = 0; n < rows; n++) {
    const outputValue = data[`output_${n}`] as number | undefined
    items.push({
      itemId: data[`itemId_${n}`] as string,
      status: (data[`status_${n}`] as SummaryItem['status'] | undefined) ?? null,
      text: (data[`text_${n}`] as string | undefined) ?? '',
      outputValue: outputValue ?? null,
      outputUnit: outputValue === undefined ? null : ((data[`unit_${n}`] as string | undefined) ?? null),
    })
  }
  return {
    introduction: (data.introduction as string | undefined) ?? '',
    revision: data.revision as number,
    version: data.version as number | undefined,
    items,
  }
}

/** Publishing names the revision and version the user saw, so a draft changed meanwhile is not published unseen. */
export const PublishInput = z.object({
  revision: z.coerce.number().int().min(1).max(100_000),
  version: versionField,
})
export type PublishInput = z.output<typeof PublishInput>
