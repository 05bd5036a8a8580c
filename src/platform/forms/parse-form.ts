import type { z } from 'zod'
import type { Translate } from '../i18n/i18n.ts'
import type { FieldError } from '../views/error-summary.tsx'
import { hasControlCharacters } from './text.ts'

export type FormValues = Record<string, string | string[]>
export type FormResult<T> = { ok: true; data: T } | { ok: false; values: FormValues; errors: FieldError[] }

/**
 * Validates a submitted form. Schemas name i18n keys as their messages (`{ error: 'x.y.z' }`);
 * issues without one get a generic message. The raw values come back so the form re-renders
 * exactly as the user typed it — nothing they entered is lost. Text holding control characters
 * (NUL and the like; tab and line breaks are fine) is refused on its field before the schema runs.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: Translate): FormResult<z.output<S>> {
  const values = formValues(body)
  const errors = controlCharacterErrors(values, t)
  const result = schema.safeParse(values)
  if (result.success && errors.length === 0) return { ok: true, data: result.data }
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path.map(String).join('.')
    if (errors.some((e) => e.field === field)) continue
    errors.push({ field, message: issueMessage(issue, t) })
  }
  return { ok: false, values, errors }
}

/** A field error for every submitted value holding a control character. */
export function controlCharacterErrors(values: FormValues, t: Translate): FieldError[] {
  return Object.entries(values)
    .filter(([, v]) => (Array.isArray(v) ? v.some(hasControlCharacters) : hasControlCharacters(v)))
    .map(([field]) => ({ field, message: t('platform.forms.controlCharacters') }))
}

/** The same messages for JSON clients: problem+json `errors[{ path, code, message }]`. */
export function issuesToProblems(error: z.ZodError, t: Translate) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issueMessage(issue, t) }))
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  // Text that is too long always says the limit, whatever message the schema names: "for lång"
  // alone leaves the user guessing how much to cut.
  if (issue.code === 'too_big' && issue.origin === 'string') return t('platform.forms.tooLong', { max: String(issue.maximum) })
  if (issue.message && /^[a-z][\w-]*(\.[\w-]+)+$/.test(issue.message)) return t(issue.message)
  switch (issue.code) {
    case 'too_small':
      return (issue as { minimum?: unknown }).minimum === 1 || issue.input === '' || issue.input === undefined
        ? t('platform.forms.required')
        : t('platform.forms.tooShort', { min: String((issue as { minimum?: unknown }).minimum) })
    case 'too_big':
      return t('platform.forms.tooLong', { max: String((issue as { maximum?: unknown }).maximum) })
    case 'invalid_type':
      return issue.input === undefined ? t('platform.forms.required') : t('platform.forms.invalid')
    case 'invalid_format':
      return (issue as { format?: string }).format === 'email' ? t('platform.forms.invalidEmail') : t('platform.forms.invalid')
    default:
      return t('platform.forms.invalid')
  }
}

/**
 * The form exactly as typed, for validation and re-rendering: text fields as strings (repeated
 * fields as lists). The CSRF token and uploaded files are not values.
 */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {}
  if (!body || typeof body !== 'object') return out
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string')
  }
  return out
}

/** Trims text fields; an empty string becomes undefined so optional fields stay optional. */
export const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v)
