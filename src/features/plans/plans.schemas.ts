import { z } from 'zod'
import { isIsoDate, isoDate, optionalIsoDate } from '../../platform/forms/dates.ts'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { CADENCES, PLAN_ITEM_KINDS, PLAN_KINDS, PLAN_STATUSES, PROMISORS } from './plans.tables.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())
const requiredText = (max: number, key: string) => z.preprocess(trimmed, z.string({ error: key }).min(1, { error: key }).max(max))
const optionalUuid = (key: string) => z.preprocess(trimmed, z.uuid({ error: key }).optional())
/** A number as Swedes write it: decimal comma, spaces (also no-break and thin) between thousands. */
export const swedishNumber = (key: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') || undefined : v),
    z.coerce.number({ error: key }).finite({ error: key }).min(-1e9, { error: key }).max(1e9, { error: key }).optional(),
  )
/** A list of ids from checkboxes: none, one (a string) or many (an array). */
const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: 'plans.errors.linkInvalid' })).max(200),
)

const planFields = {
  title: requiredText(300, 'plans.errors.titleRequired'),
  summary: optionalText(10_000),
  periodStart: isoDate('plans.errors.periodStartRequired'),
  periodEnd: isoDate('plans.errors.periodEndRequired'),
  partnerOrganisationId: optionalUuid('plans.errors.partnerInvalid'),
  basis: optionalText(5000),
  status: z.enum(PLAN_STATUSES, { error: 'plans.errors.statusRequired' }),
  adoptedBy: optionalText(300),
  adoptedOn: optionalIsoDate(),
  adoptedParagraph: optionalText(50),
  signatory1Role: optionalText(200),
  signatory1Name: optionalText(200),
  signatory1Date: optionalIsoDate(),
  signatory2Role: optionalText(200),
  signatory2Name: optionalText(200),
  signatory2Date: optionalIsoDate(),
  visibility: z.enum(['public', 'partners', 'organisation'], { error: 'plans.errors.visibilityRequired' }),
  dueDays: z.preprocess(
    trimmed,
    z.coerce.number({ error: 'plans.errors.dueDaysInvalid' }).int({ error: 'plans.errors.dueDaysInvalid' }).min(0).max(90).default(10),
  ),
}

const periodInOrder = (v: { periodStart: string; periodEnd: string }) => v.periodEnd >= v.periodStart
/** Checked even when other fields are wrong, so the error summary lists every problem at once. */
const bothDates = (a: string, b: string) => (payload: { value: unknown }) => {
  const v = payload.value as Record<string, unknown>
  return isIsoDate(v[a]) && isIsoDate(v[b])
}
const periodError = { error: 'plans.errors.periodOrder', path: ['periodEnd'], when: bothDates('periodStart', 'periodEnd') }

export const CreatePlanInput = z
  .object({
    ...planFields,
    kind: z.enum(PLAN_KINDS, { error: 'plans.errors.kindRequired' }),
    organisationId: z.uuid({ error: 'plans.errors.ownerInvalid' }),
    collaborationId: optionalUuid('plans.errors.collaborationInvalid'),
  })
  .refine(periodInOrder, periodError)
export type CreatePlanInput = z.output<typeof CreatePlanInput>

export const UpdatePlanInput = z.object({ ...planFields, version: versionField }).refine(periodInOrder, periodError)
export type UpdatePlanInput = z.output<typeof UpdatePlanInput>

const itemFields = {
  title: requiredText(500, 'plans.errors.itemTitleRequired'),
  description: optionalText(10_000),
  parentId: optionalUuid('plans.errors.parentInvalid'),
  promisor: z.preprocess(trimmed, z.enum(PROMISORS, { error: 'plans.errors.promisorInvalid' }).optional()),
  places: optionalText(1000),
  operativeGoal: optionalText(2000),
  startsOn: optionalIsoDate(),
  endsOn: optionalIsoDate(),
  responsibleOrganisationId: optionalUuid('plans.errors.responsibleInvalid'),
  responsiblePerson: optionalText(200),
  followUpMethod: optionalText(2000),
  measureType: z.preprocess(trimmed, z.enum(['situational', 'social'], { error: 'plans.errors.measureTypeInvalid' }).optional()),
  measureNature: z.preprocess(trimmed, z.enum(['one_off', 'ordinary'], { error: 'plans.errors.measureNatureInvalid' }).optional()),
  targetComparator: z.preprocess(trimmed, z.enum(['at_least', 'exactly', 'at_most'], { error: 'plans.errors.targetComparatorInvalid' }).optional()),
  targetValue: swedishNumber('plans.errors.targetValueInvalid'),
  targetUnit: optionalText(200),
  cadence: z.enum(CADENCES, { error: 'plans.errors.cadenceRequired' }).default('monthly'),
  weight: z.preprocess(
    trimmed,
    z.coerce
      .number({ error: 'plans.errors.weightInvalid' })
      .int({ error: 'plans.errors.weightInvalid' })
      .min(1, { error: 'plans.errors.weightInvalid' })
      .max(100, { error: 'plans.errors.weightInvalid' })
      .default(1),
  ),
  linkedIds: idList,
}
const datesInOrder = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn
const datesError = { error: 'plans.errors.itemDatesOrder', path: ['endsOn'], when: bothDates('startsOn', 'endsOn') }

export const CreateItemInput = z
  .object({ ...itemFields, kind: z.enum(PLAN_ITEM_KINDS, { error: 'plans.errors.itemKindRequired' }) })
  .refine(datesInOrder, datesError)
export type CreateItemInput = z.output<typeof CreateItemInput>

export const UpdateItemInput = z.object({ ...itemFields, version: versionField }).refine(datesInOrder, datesError)
export type UpdateItemInput = z.output<typeof UpdateItemInput>
