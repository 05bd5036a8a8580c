import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { isIsoDate } from '../../platform/forms/dates.ts'

/** An ISO date (ÅÅÅÅ-MM-DD) that exists in the calendar; days are Stockholm days (see the repo). */
const isoDate = () =>
  z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'auditLog.errors.dateFormat' })
      .refine(isIsoDate, { error: 'auditLog.errors.dateInvalid' })
      .optional(),
  )

const cursor = z.preprocess(trimmed, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional())

/**
 * The filters of the audit log page and its CSV export (a GET form: the URL is the query, so it can
 * be bookmarked and shared). `action` is an exact code or a `prefix.*` group.
 */
export const AuditFilterQuery = z
  .object({
    actor: z.preprocess(trimmed, z.string().max(200, { error: 'auditLog.errors.tooLong' }).optional()),
    action: z.preprocess(
      trimmed,
      z
        .string()
        .max(100, { error: 'auditLog.errors.tooLong' })
        .regex(/^[\w.-]+(\.\*)?$/, { error: 'auditLog.errors.action' })
        .optional(),
    ),
    entityType: z.preprocess(trimmed, z.string().max(100, { error: 'auditLog.errors.tooLong' }).optional()),
    entityId: z.preprocess(trimmed, z.string().max(200, { error: 'auditLog.errors.tooLong' }).optional()),
    organisation: z.preprocess(trimmed, z.uuid({ error: 'auditLog.errors.organisation' }).optional()),
    from: isoDate(),
    to: isoDate(),
    before: cursor,
    after: cursor,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'auditLog.errors.toBeforeFrom' })
  })

export type AuditFilterQuery = z.output<typeof AuditFilterQuery>

/** The filter part of a query, as URL parameters: for page links, the CSV link and the entity links. */
export function filterParams(q: Partial<Record<string, unknown>>, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams()
  for (const key of ['actor', 'action', 'entityType', 'entityId', 'organisation', 'from', 'to']) {
    const v = q[key]
    if (typeof v === 'string' && v !== '') params.set(key, v)
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}
