import { z } from 'zod'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { CAUSE_SIDES, EFFECT_LEVELS } from './methods.tables.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())
const requiredText = (max: number, key: string) => z.preprocess(trimmed, z.string({ error: key }).min(1, { error: key }).max(max))
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** At most this many problem types per method, each at most this long. */
export const MAX_PROBLEM_TYPES = 20
export const MAX_PROBLEM_TYPE_LENGTH = 100

/** Problem types typed one a line (or separated by commas): trimmed, empty ones dropped, duplicates once. */
export function problemTypesOf(text: string | undefined): string[] {
  const seen = new Map<string, string>()
  for (const raw of (text ?? '').split(/[\n,;]/)) {
    const v = raw.trim()
    if (v && !seen.has(v.toLocaleLowerCase('sv'))) seen.set(v.toLocaleLowerCase('sv'), v)
  }
  return [...seen.values()]
}

const methodFields = {
  name: requiredText(200, 'methods.errors.nameRequired'),
  summary: requiredText(2000, 'methods.errors.summaryRequired'),
  problemTypes: z.preprocess(
    trimmed,
    z
      .string()
      .max(3000)
      .refine((v) => problemTypesOf(v).length <= MAX_PROBLEM_TYPES, { error: 'methods.errors.problemTypesTooMany' })
      .refine((v) => problemTypesOf(v).every((p) => p.length <= MAX_PROBLEM_TYPE_LENGTH), { error: 'methods.errors.problemTypeTooLong' })
      .optional(),
  ),
  causeSides: z.preprocess(list, z.array(z.enum(CAUSE_SIDES, { error: 'methods.errors.causeSide' }))),
  effectLevel: z.enum(EFFECT_LEVELS, { error: 'methods.errors.effectLevelRequired' }),
  effectText: optionalText(5000),
  source: optionalText(500),
  sourceUrl: z.preprocess(
    trimmed,
    z
      .url({ protocol: /^https?$/, error: 'methods.errors.sourceUrl' })
      .max(500, { error: 'methods.errors.sourceUrl' })
      .optional(),
  ),
}

export const CreateMethodInput = z.object(methodFields)
export type CreateMethodInput = z.output<typeof CreateMethodInput>

export const UpdateMethodInput = z.object({ ...methodFields, version: versionField })
export type UpdateMethodInput = z.output<typeof UpdateMethodInput>

export const CurateInput = z.object({
  decision: z.enum(['curated', 'declined'], { error: 'methods.errors.decisionRequired' }),
  version: versionField,
})
export type CurateInput = z.output<typeof CurateInput>

const thisYear = () => new Date().getUTCFullYear()

export const AddContactInput = z.object({
  organisationId: z.uuid({ error: 'methods.errors.contactOrganisation' }),
  contact: requiredText(200, 'methods.errors.contactRequired'),
  sinceYear: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^\d{4}$/, { error: 'methods.errors.sinceYear' })
      .transform(Number)
      .refine((y) => y >= 1990 && y <= thisYear(), { error: 'methods.errors.sinceYear' })
      .optional(),
  ),
})
export type AddContactInput = z.output<typeof AddContactInput>

export const RemoveContactInput = z.object({ organisationId: z.uuid({ error: 'methods.errors.contactOrganisation' }) })

export const LinkMeasureInput = z.object({ planItemId: z.uuid({ error: 'methods.errors.measureChoice' }) })
export type LinkMeasureInput = z.output<typeof LinkMeasureInput>

/** From a measure's side: the method it applies (or no longer applies). */
export const MeasureMethodInput = z.object({ methodId: z.uuid({ error: 'methods.errors.methodChoice' }) })
export type MeasureMethodInput = z.output<typeof MeasureMethodInput>

/** The library's filters (a GET form): unknown values are ignored, not errors. */
export interface MethodFilters {
  problemType?: string
  side?: (typeof CAUSE_SIDES)[number]
  effect?: (typeof EFFECT_LEVELS)[number]
}

export function filtersOf(query: unknown): MethodFilters {
  const q = (query ?? {}) as Record<string, unknown>
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)
  const side = one(q.side)
  const effect = one(q.effect)
  const problemType = one(q.problemType)
  return {
    problemType: typeof problemType === 'string' && problemType.trim() && problemType.length <= MAX_PROBLEM_TYPE_LENGTH ? problemType.trim() : undefined,
    side: CAUSE_SIDES.find((s) => s === side),
    effect: EFFECT_LEVELS.find((e) => e === effect),
  }
}
