import canonicalize from 'canonicalize'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { AuditLabelRegistry } from '../../../platform/audit/labels.ts'
import { actorLabel } from '../actor-label.ts'
import type { AuditEventFull } from '../audit-log.repo.ts'
import { AuditDiff } from './audit-diff.tsx'

/** Keys sorted at every depth (as hashed), indented: jsonb's own key order is by length, not readable. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(JSON.parse(canonicalize(value) ?? 'null'), null, 2)
}

export function AuditEventPage({
  event: e,
  labels,
  organisationName,
  entityHref,
}: {
  event: AuditEventFull
  labels: AuditLabelRegistry
  organisationName?: string
  entityHref?: string
}) {
  const { t, locale } = usePage()
  const title = t('auditLog.event.title', { seq: e.seq })
  const json = (v: unknown) => (v === null || v === undefined ? t('auditLog.event.none') : <pre class="body-s">{prettyJson(v)}</pre>)
  const label = labels.action(t, e.action)
  const actor = actorLabel(t, e.actorLabel, e.actorUserId)
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/admin/audit', label: t('auditLog.title') }, { label: title }]}
      wide
    >
      <h1 class="heading-l">{title}</h1>
      <SummaryList
        rows={[
          { key: t('auditLog.fields.time'), value: `${formatDateTime(e.occurredAt, locale)} (${e.occurredAt})` },
          { key: t('auditLog.fields.actor'), value: e.actorUserId ? `${actor} (${e.actorUserId})` : actor },
          {
            key: t('auditLog.fields.action'),
            value:
              label === e.action ? (
                <code>{e.action}</code>
              ) : (
                <>
                  {label} (<code>{e.action}</code>)
                </>
              ),
          },
          {
            key: t('auditLog.fields.entity'),
            value: (
              <>
                {labels.entity(t, e.entityType)} {e.entityId && <code>{e.entityId}</code>}
              </>
            ),
            action: entityHref ? { href: entityHref, label: t('auditLog.event.sameEntity') } : undefined,
          },
          { key: t('auditLog.fields.organisation'), value: organisationName ?? e.organisationId ?? '–' },
          { key: t('auditLog.fields.requestId'), value: e.requestId ? <code>{e.requestId}</code> : '–' },
          { key: t('auditLog.fields.prevHash'), value: <code>{e.prevHash}</code> },
          { key: t('auditLog.fields.hash'), value: <code>{e.hash}</code> },
        ]}
      />
      <h2 class="heading-m">{t('auditLog.diff.title')}</h2>
      <AuditDiff before={e.before} after={e.after} />
      <details class="details">
        <summary>{t('auditLog.diff.asJson')}</summary>
        <h3 class="heading-s">{t('auditLog.fields.before')}</h3>
        {json(e.before)}
        <h3 class="heading-s">{t('auditLog.fields.after')}</h3>
        {json(e.after)}
      </details>
      <p class="body">
        <a href="/admin/audit">{t('auditLog.event.back')}</a>
      </p>
    </Layout>
  )
}
