import { z } from 'zod'
import { optionalIsoDate } from '../../platform/forms/dates.ts'
import { versionField } from '../../platform/forms/fields.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { WORK_PROCESS_CHECK_STATES } from './work-process.tables.ts'

const PLATFORM_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~/?=&%#:+]*$/

/**
 * Evidence is a link: an http(s) address (a decision on the municipality's site, a document) or a
 * page of the platform itself ("/meetings/…"). Anything else — javascript:, data:, a bare word — is
 * refused, so the link on the page can only lead to a web page.
 */
export function isEvidenceUrl(v: string): boolean {
  if (/\s/.test(v)) return false
  if (PLATFORM_PATH.test(v)) return true
  if (!/^https?:\/\//i.test(v)) return false
  try {
    const u = new URL(v)
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname
  } catch {
    return false
  }
}

/** One point's check: its state, the date it was done (required when done), the evidence and a note. */
export const CheckInput = z
  .object({
    state: z.enum(WORK_PROCESS_CHECK_STATES, { error: 'workProcess.errors.stateRequired' }),
    doneOn: optionalIsoDate('workProcess.errors.dateInvalid'),
    evidenceUrl: z.preprocess(trimmed, z.string().max(2000).refine(isEvidenceUrl, { error: 'workProcess.errors.urlInvalid' }).optional()),
    note: z.preprocess(trimmed, z.string().max(2000).optional()),
    /** Absent when the point has no check yet. */
    version: z.preprocess(trimmed, versionField.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.state === 'done' && !v.doneOn) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'workProcess.errors.dateRequired' })
  })
export type CheckInput = z.output<typeof CheckInput>

/** The overview's county (two digits). */
export const OverviewQuery = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
})
