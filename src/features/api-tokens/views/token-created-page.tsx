import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The only place the secret ever appears: rendered in the POST response itself, never stored or redirected. */
export function TokenCreatedPage({
  name,
  secret,
  actsAs,
  validUntil,
  scopes,
}: {
  name: string
  secret: string
  actsAs: string
  validUntil?: string
  scopes: string[]
}) {
  const { t } = usePage()
  return (
    <Layout
      title={t('apiTokens.created.title')}
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/admin/api-tokens', label: t('apiTokens.title') },
        { label: t('apiTokens.created.title') },
      ]}
    >
      <div class="panel">
        <h1 class="heading-l">{t('apiTokens.created.title')}</h1>
      </div>
      <p class="warning-text">{t('apiTokens.created.warning')}</p>
      <h2 class="heading-m">{t('apiTokens.created.secretHeading')}</h2>
      <p class="secret" id="token-value">
        {secret}
      </p>
      <div class="button-group">
        <button type="button" class="button button--secondary" data-copy="token-value" data-copied={t('apiTokens.created.copied')} hidden>
          {t('apiTokens.created.copy')}
        </button>
      </div>
      <p class="body">{t('apiTokens.created.usage')}</p>
      <SummaryList
        rows={[
          { key: t('apiTokens.fields.name'), value: name },
          { key: t('apiTokens.fields.user'), value: actsAs },
          { key: t('apiTokens.fields.expires'), value: validUntil ?? t('apiTokens.noExpiry') },
          { key: t('apiTokens.fields.scopes'), value: t(`apiTokens.scopes.${[...scopes].sort().join('+')}`) },
        ]}
      />
      <p class="body">
        <a href="/admin/api-tokens">{t('apiTokens.created.back')}</a>
      </p>
    </Layout>
  )
}
