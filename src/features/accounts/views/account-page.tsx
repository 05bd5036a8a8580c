import type { GrantWithOrg } from '../accounts.repo.ts'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** "Mitt konto": who the platform thinks you are, what you may do, and where to change your password. */
export function AccountPage({ grants, lastLoginAt }: { grants: GrantWithOrg[]; lastLoginAt: Date | null }) {
  const { t, actor, locale } = usePage()
  const a = actor!
  return (
    <Layout title={t('accounts.account.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('accounts.account.title') }]}>
      <h1 class="heading-l">{t('accounts.account.title')}</h1>
      <SummaryList
        rows={[
          { key: t('accounts.fields.name'), value: a.name },
          { key: t('accounts.fields.email'), value: a.email },
          { key: t('accounts.fields.organisation'), value: a.organisationName },
          {
            key: t('accounts.fields.roles'),
            value: (
              <ul class="body">
                {grants.map((g) => (
                  <li>
                    {t(`platform.roles.${g.role}`)} – {g.organisationName}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: t('accounts.fields.lastLogin'), value: lastLoginAt ? formatDateTime(lastLoginAt, locale) : '–' },
          { key: t('accounts.fields.password'), value: '••••••••', action: { href: '/account/password', label: t('accounts.password.title') } },
          // The setting itself belongs to the follow-up digest (plans feature, /account/reminders).
          {
            key: t('plans.digest.settings.accountRow'),
            value: t('plans.digest.settings.accountHint'),
            action: { href: '/account/reminders', label: t('plans.digest.settings.change') },
          },
        ]}
      />
      <p class="body-s">{t('accounts.account.rolesHint')}</p>
    </Layout>
  )
}
