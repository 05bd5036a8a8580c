import type { VerifyResult } from '../../../platform/audit/verify.ts'
import { formatNumber } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { Button, Form } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** verify.ts states its reasons in English for the CLI; the page says them in the user's language. */
const REASON_KEYS: Record<string, string> = {
  'prev_hash does not match the previous event': 'auditLog.verify.reasons.prevHash',
  'hash does not match the payload': 'auditLog.verify.reasons.hash',
  'occurred_at differs from the hashed payload': 'auditLog.verify.reasons.occurredAt',
  'columns differ from the hashed payload': 'auditLog.verify.reasons.columns',
}

/** The chain check: an explanation and a button, then (after the POST) the result. */
export function AuditVerifyPage({ result }: { result?: VerifyResult }) {
  const { t, locale } = usePage()
  return (
    <Layout
      title={t('auditLog.verify.title')}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/admin/audit', label: t('auditLog.title') }, { label: t('auditLog.verify.title') }]}
    >
      <h1 class="heading-l">{t('auditLog.verify.title')}</h1>
      {result?.ok === true && (
        <div class="inset" role="status">
          <p class="body">
            <StatusTag status="green" label={t('auditLog.verify.ok')} />
          </p>
          <p class="body">{t('auditLog.verify.okText', { count: formatNumber(result.count, locale) })}</p>
        </div>
      )}
      {result?.ok === false && (
        <div class="inset" role="alert">
          <p class="body">
            <StatusTag status="red" label={t('auditLog.verify.broken')} />
          </p>
          <p class="body">
            {t('auditLog.verify.brokenText', { seq: result.seq, count: formatNumber(result.count, locale) })}{' '}
            {REASON_KEYS[result.reason] ? t(REASON_KEYS[result.reason]) : result.reason}
          </p>
          <p class="body">
            <a href={`/admin/audit/${result.seq}`}>{t('auditLog.verify.showEvent', { seq: result.seq })}</a>
          </p>
          <p class="warning-text">{t('auditLog.verify.brokenAdvice')}</p>
        </div>
      )}
      <p class="body">{t('auditLog.verify.intro')}</p>
      <Form action="/admin/audit/verify">
        <Button variant={result ? 'secondary' : 'primary'}>{t(result ? 'auditLog.verify.again' : 'auditLog.verify.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/admin/audit">{t('auditLog.event.back')}</a>
      </p>
    </Layout>
  )
}
