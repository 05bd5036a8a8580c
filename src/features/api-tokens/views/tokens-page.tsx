import { type Column, DataTable, StatusTag } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { formatDateTime, formatIsoDate } from '../../../platform/i18n/format.ts'
import type { TokenListRow } from '../api-tokens.repo.ts'
import { lastValidDay, type TokenStatus } from '../api-tokens.service.ts'

export type TokenRow = TokenListRow & { status: TokenStatus }

const STATUS_COLOUR = { active: 'green', revoked: 'red', expired: 'grey' } as const

/** Revoking is a POST with its CSRF token; app.js asks for confirmation first when it runs. */
function RevokeForm({ row }: { row: TokenRow }) {
  const { t, csrfToken } = usePage()
  return (
    <form method="post" action={`/admin/api-tokens/${row.id}/revoke`} class="inline-form" data-confirm={t('apiTokens.revoke.confirm', { name: row.name })}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit" class="button button--warning">
        {t('apiTokens.revoke.button')}
        <span class="visually-hidden"> {row.name}</span>
      </button>
    </form>
  )
}

export function TokensPage({ rows }: { rows: TokenRow[] }) {
  const { t, locale } = usePage()
  const columns: Column<TokenRow>[] = [
    { key: 'name', label: t('apiTokens.fields.name'), render: (r) => r.name },
    { key: 'user', label: t('apiTokens.fields.user'), render: (r) => `${r.userName} (${r.userEmail})` },
    { key: 'scopes', label: t('apiTokens.fields.scopes'), render: (r) => t(`apiTokens.scopes.${[...r.scopes].sort().join('+')}`) },
    { key: 'createdBy', label: t('apiTokens.fields.createdBy'), render: (r) => r.createdByName },
    { key: 'createdAt', label: t('apiTokens.fields.createdAt'), render: (r) => formatIsoDate(r.createdAt) },
    { key: 'expires', label: t('apiTokens.fields.expires'), render: (r) => (r.expiresAt ? lastValidDay(r.expiresAt) : t('apiTokens.noExpiry')) },
    { key: 'lastUsed', label: t('apiTokens.fields.lastUsed'), render: (r) => (r.lastUsedAt ? formatDateTime(r.lastUsedAt, locale) : t('apiTokens.never')) },
    {
      key: 'status',
      label: t('apiTokens.fields.status'),
      render: (r) => <StatusTag status={STATUS_COLOUR[r.status]} label={t(`apiTokens.status.${r.status}`)} />,
    },
    { key: 'actions', label: t('apiTokens.fields.actions'), render: (r) => (r.status === 'revoked' ? '–' : <RevokeForm row={r} />) },
  ]
  return (
    <Layout title={t('apiTokens.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('apiTokens.title') }]} wide>
      <h1 class="heading-l">{t('apiTokens.title')}</h1>
      <p class="lead">{t('apiTokens.intro')}</p>
      <p class="body">
        <a href="/api/v1/openapi.json">{t('apiTokens.docs')}</a>
      </p>
      <div class="button-group">
        <a href="/admin/api-tokens/new" class="button button--primary">
          {t('apiTokens.create')}
        </a>
      </div>
      <DataTable caption={t('apiTokens.caption', { count: rows.length })} columns={columns} rows={rows} empty={t('apiTokens.empty')} />
    </Layout>
  )
}
