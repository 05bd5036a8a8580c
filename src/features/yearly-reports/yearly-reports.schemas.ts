import { z } from 'zod'
import { isoDate } from '../../platform/forms/dates.ts'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { YEARLY_REPORT_KINDS, YEARLY_REPORT_SCOPES } from './yearly-reports.tables.ts'

const VISIBILITIES = ['public', 'partners', 'organisation'] as const

export const CreateInput = z.object({
  kind: z.enum(YEARLY_REPORT_KINDS, { error: 'yearlyReports.errors.kind' }),
  year: z.preprocess(
    trimmed,
    z.coerce
      .number({ error: 'yearlyReports.errors.year' })
      .int({ error: 'yearlyReports.errors.year' })
      .min(2000, { error: 'yearlyReports.errors.year' })
      .max(2100, { error: 'yearlyReports.errors.year' }),
  ),
  scope: z.enum(YEARLY_REPORT_SCOPES, { error: 'yearlyReports.errors.scope' }),
  visibility: z.enum(VISIBILITIES, { error: 'yearlyReports.errors.visibility' }),
})
export type CreateInput = z.output<typeof CreateInput>

export const NarrativeInput = z.object({
  narrative: z.preprocess(trimmed, z.string().max(20000, { error: 'yearlyReports.errors.narrativeLong' }).optional().default('')),
  version: z.preprocess(trimmed, z.coerce.number().int().min(0).max(2147483647)),
})
export type NarrativeInput = z.output<typeof NarrativeInput>

export const ReviewInput = z.object({ version: versionField })
export type ReviewInput = z.output<typeof ReviewInput>

export const CommentInput = z.object({
  sectionKey: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^[a-z_]{1,40}$/, { error: 'yearlyReports.errors.section' })
      .optional(),
  ),
  body: z.preprocess(
    trimmed,
    z
      .string({ error: 'yearlyReports.errors.commentRequired' })
      .min(1, { error: 'yearlyReports.errors.commentRequired' })
      .max(5000, { error: 'yearlyReports.errors.commentLong' }),
  ),
})
export type CommentInput = z.output<typeof CommentInput>

export const AdoptInput = z.object({
  adoptedBy: z.preprocess(
    trimmed,
    z
      .string({ error: 'yearlyReports.errors.adoptedBy' })
      .min(1, { error: 'yearlyReports.errors.adoptedBy' })
      .max(200, { error: 'yearlyReports.errors.adoptedBy' }),
  ),
  adoptedOn: isoDate('yearlyReports.errors.adoptedOn'),
  adoptedParagraph: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^§?\s?\d{1,4}(\s?[a-z])?$/, { error: 'yearlyReports.errors.paragraph' })
      .optional(),
  ),
  visibility: z.enum(VISIBILITIES, { error: 'yearlyReports.errors.visibility' }),
  version: versionField,
})
export type AdoptInput = z.output<typeof AdoptInput>
