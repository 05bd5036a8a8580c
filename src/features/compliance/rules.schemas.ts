import { z } from 'zod'
import { optionalIsoDate } from '../../platform/forms/dates.ts'
import { checkbox, versionField } from '../../platform/forms/fields.ts'
import { ORGANISATION_KINDS } from '../organisations/index.ts'
import { DEADLINE_MODES } from './compliance.tables.ts'

const SOURCE_QUOTE_MAX = 1000

/** A form number: empty is absent, anything else must be a whole number in range. */
const optionalWhole = (min: number, max: number, errorKey: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: errorKey }).int({ error: errorKey }).min(min, { error: errorKey }).max(max, { error: errorKey }).optional(),
  )

/** The coordinator's configuration of one commitment rule (issue 6 A3). */
export const UpdateRuleInput = z
  .object({
    enabled: checkbox,
    partyKinds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(ORGANISATION_KINDS, { error: 'compliance.errors.partyKind' })),
    ),
    appliesFrom: optionalIsoDate('compliance.errors.appliesFrom'),
    deadlineMode: z.enum(DEADLINE_MODES, { error: 'compliance.errors.deadlineMode' }),
    deadlineMonths: optionalWhole(1, 120, 'compliance.errors.deadlineMonths'),
    sourceQuote: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() || null : (v ?? null)),
      z.string().max(SOURCE_QUOTE_MAX, { error: 'compliance.errors.sourceQuoteTooLong' }).nullable(),
    ),
    thresholdPercent: optionalWhole(1, 100, 'compliance.errors.threshold'),
    months: optionalWhole(1, 60, 'compliance.errors.months'),
    version: versionField,
  })
  .refine((v) => v.deadlineMode !== 'months_after_signature' || v.deadlineMonths !== undefined, {
    path: ['deadlineMonths'],
    error: 'compliance.errors.deadlineMonths',
  })
export type UpdateRuleInput = z.output<typeof UpdateRuleInput>
export { SOURCE_QUOTE_MAX }
