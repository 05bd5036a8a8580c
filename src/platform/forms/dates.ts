import { z } from 'zod'
import { trimmed } from './parse-form.ts'

/** Dates before or after this range are typing mistakes (year 0, 20266), never real records. */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

/** A real calendar date written as ÅÅÅÅ-MM-DD within 1900–2100 (2026-02-30 is refused, not rolled over). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const year = Number(v.slice(0, 4))
  if (year < MIN_YEAR || year > MAX_YEAR) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

/**
 * A required date form field: `requiredKey` when empty, `invalidKey` when it is no date in range.
 * The value is never changed, only accepted or refused.
 */
export const isoDate = (requiredKey: string, invalidKey = 'platform.forms.dateInvalid') =>
  z.preprocess(trimmed, z.string({ error: requiredKey }).refine(isIsoDate, { error: invalidKey }))

/** An optional date form field (empty means none). */
export const optionalIsoDate = (invalidKey = 'platform.forms.dateInvalid') =>
  z.preprocess(trimmed, z.string().refine(isIsoDate, { error: invalidKey }).optional())

/** A date in a JSON body: the same rule, without trimming (machines send what they mean). */
export const apiDate = (invalidKey = 'platform.forms.dateInvalid') =>
  z.iso.date({ error: invalidKey }).refine(isIsoDate, { error: invalidKey }).describe('ÅÅÅÅ-MM-DD, 1900–2100')
