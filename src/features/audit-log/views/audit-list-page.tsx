import { formatDateTime, formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, type Option, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { AuditLabelRegistry } from '../../../platform/audit/labels.ts'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { actorLabel } from '../actor-label.ts'
import type { AuditRow } from '../audit-log.repo.ts'

export interface DisplayRow extends AuditRow {
  organisationName?: string
}

export interface AuditListProps {
  values: Record<string, string | string[]>
  errors?: FieldError[]
  /** Undefined when the filters were invalid: nothing was searched. */
  rows?: DisplayRow[]
  actions: string[]
  entityTypes: string[]
  organisations: Option[]
  newerHref?: string
  olderHref?: string
  csvHref: string
  exportLimit: number
  entityHref: (row: AuditRow) => string
  labels: AuditLabelRegistry
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Codes grouped by their first part: "All session.*" then each session action, and so on. */
function actionOptions(t: Translate, labels: AuditLabelRegistry, actions: string[], current?: string): Option[] {
  const codes = current && !actions.includes(current) && !current.endsWith('.*') ? [...actions, current].sort() : actions
  const options: Option[] = []
  let group = ''
  for (const code of codes) {
    const prefix = code.split('.')[0]
    if (code.includes('.') && prefix !== group) {
      options.push({ value: `${prefix}.*`, label: t('auditLog.filters.actionGroup', { prefix }) })
      group = prefix
    }
    const label = labels.action(t, code)
    options.push({ value: code, label: label === code ? code : `${label} (${code})` })
  }
  if (current?.endsWith('.*') && !options.some((o) => o.value === current)) options.unshift({ value: current, label: current })
  return options
}

export function AuditListPage(p: AuditListProps) {
  const { t, locale } = usePage()
  const v = (name: string) => str(p.values[name])
  const entityOptions = p.entityTypes.map((e) => ({ value: e, label: p.labels.entity(t, e) === e ? e : `${p.labels.entity(t, e)} (${e})` }))
  return (
    <Layout title={t('auditLog.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('auditLog.title') }]} errors={p.errors} wide>
      <h1 class="heading-l">{t('auditLog.title')}</h1>
      <p class="lead">{t('auditLog.intro')}</p>
      <form method="get" action="/admin/audit" class="filters" novalidate>
        <h2 class="heading-s">{t('auditLog.filters.title')}</h2>
        <TextField
          name="actor"
          label={t('auditLog.fields.actor')}
          hint={t('auditLog.filters.actorHint')}
          value={v('actor')}
          error={errorFor(p.errors, 'actor')}
          width="medium"
          spellcheck={false}
        />
        <Select
          name="action"
          label={t('auditLog.fields.action')}
          value={v('action')}
          error={errorFor(p.errors, 'action')}
          placeholder={t('auditLog.filters.allActions')}
          options={actionOptions(t, p.labels, p.actions, v('action'))}
        />
        <Select
          name="entityType"
          label={t('auditLog.fields.entityType')}
          value={v('entityType')}
          error={errorFor(p.errors, 'entityType')}
          placeholder={t('auditLog.filters.allEntityTypes')}
          options={entityOptions}
        />
        <TextField
          name="entityId"
          label={t('auditLog.fields.entityId')}
          value={v('entityId')}
          error={errorFor(p.errors, 'entityId')}
          width="medium"
          spellcheck={false}
        />
        <Select
          name="organisation"
          label={t('auditLog.fields.organisation')}
          value={v('organisation')}
          error={errorFor(p.errors, 'organisation')}
          placeholder={t('auditLog.filters.allOrganisations')}
          options={p.organisations}
        />
        <DateField name="from" label={t('auditLog.fields.from')} value={v('from')} error={errorFor(p.errors, 'from')} />
        <DateField name="to" label={t('auditLog.fields.to')} value={v('to')} error={errorFor(p.errors, 'to')} />
        <Button variant="secondary">{t('auditLog.filters.submit')}</Button>
        <p class="body-s">
          <a href="/admin/audit">{t('auditLog.filters.clear')}</a>
        </p>
      </form>
      {p.rows && (
        <>
          <DataTable
            caption={t('auditLog.caption', { count: p.rows.length })}
            empty={t('auditLog.empty')}
            rows={p.rows}
            columns={[
              {
                key: 'seq',
                label: t('auditLog.fields.seq'),
                numeric: true,
                render: (r: DisplayRow) => (
                  <a href={`/admin/audit/${r.seq}`}>
                    <span class="visually-hidden">{t('auditLog.event.linkPrefix')} </span>
                    {r.seq}
                  </a>
                ),
              },
              { key: 'time', label: t('auditLog.fields.time'), render: (r: DisplayRow) => formatDateTime(r.occurredAt, locale) },
              { key: 'actor', label: t('auditLog.fields.actor'), render: (r: DisplayRow) => actorLabel(t, r.actorLabel, r.actorUserId) },
              { key: 'action', label: t('auditLog.fields.action'), render: (r: DisplayRow) => p.labels.action(t, r.action) },
              {
                key: 'entity',
                label: t('auditLog.fields.entity'),
                render: (r: DisplayRow) =>
                  r.entityId ? (
                    <a href={p.entityHref(r)}>{`${p.labels.entity(t, r.entityType)} ${r.entityId.slice(0, 8)}`}</a>
                  ) : (
                    p.labels.entity(t, r.entityType)
                  ),
              },
              { key: 'organisation', label: t('auditLog.fields.organisation'), render: (r: DisplayRow) => r.organisationName ?? '–' },
            ]}
          />
          {(p.newerHref || p.olderHref) && (
            <nav class="pagination" aria-label={t('platform.pagination.label')}>
              <ul>
                {p.newerHref && (
                  <li>
                    <a href={p.newerHref} rel="prev">
                      {t('auditLog.pagination.newer')}
                    </a>
                  </li>
                )}
                {p.olderHref && (
                  <li>
                    <a href={p.olderHref} rel="next">
                      {t('auditLog.pagination.older')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <p class="body">
            <a href={p.csvHref} download>
              {t('auditLog.export.link')}
            </a>{' '}
            <span class="body-s">{t('auditLog.export.limit', { limit: formatNumber(p.exportLimit, locale) })}</span>
          </p>
        </>
      )}
      <h2 class="heading-m">{t('auditLog.verify.title')}</h2>
      <p class="body">{t('auditLog.verify.intro')}</p>
      <Form action="/admin/audit/verify">
        <Button variant="secondary">{t('auditLog.verify.submit')}</Button>
      </Form>
    </Layout>
  )
}
