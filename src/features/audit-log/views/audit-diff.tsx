import canonicalize from 'canonicalize'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { usePage } from '../../../platform/views/page-context.ts'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const isRecord = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/

/**
 * One row per field: its name in words, the value before and after, and whether it changed. Events
 * without an object (a login's address) get one row per field of the side they have.
 */
export function fieldRows(before: unknown, after: unknown): { field: string; before: unknown; after: unknown; changed: boolean }[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before as Json }
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after as Json }
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed:
      before !== null && before !== undefined && after !== null && after !== undefined && canonicalize(b[field] ?? null) !== canonicalize(a[field] ?? null),
  }))
}

/** A field's before/after as a table people read (ja/nej, dates in Swedish, nested values compact). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, locale } = usePage()
  const rows = fieldRows(before, after)
  if (rows.length === 0) return <p class="body">{t('auditLog.diff.nothing')}</p>
  const name = (field: string) => {
    const key = `auditLog.fieldNames.${field}`
    const label = t(key)
    return label === key ? <code>{field}</code> : label
  }
  const value = (v: unknown) => {
    if (v === undefined) return <span class="hint">–</span>
    if (v === null) return <span class="hint">{t('auditLog.diff.empty')}</span>
    if (typeof v === 'boolean') return t(v ? 'auditLog.diff.yes' : 'auditLog.diff.no')
    if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v, locale)
    if (typeof v === 'string' || typeof v === 'number') return String(v)
    return <code>{canonicalize(v)}</code>
  }
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{t('auditLog.diff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auditLog.diff.field')}</th>
            <th scope="col">{t('auditLog.fields.before')}</th>
            <th scope="col">{t('auditLog.fields.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {name(r.field)}
                {r.changed && (
                  <>
                    {' '}
                    <strong class="tag tag--yellow">{t('auditLog.diff.changed')}</strong>
                  </>
                )}
              </th>
              <td>{value(r.before)}</td>
              <td>{value(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
