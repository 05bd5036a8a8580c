import { Layout } from '../../../platform/views/layout.tsx'
import type { MailOutcome } from '../../mail/index.ts'
import { usePage } from '../../../platform/views/page-context.ts'
import { usersCrumbs } from './user-parts.tsx'

/**
 * Shown once, in the answer to the invite POST (not after a redirect): the one-time password exists
 * only here, is never stored in clear and is never e-mailed.
 */
export function InvitedPage({ user, password, mail }: { user: { id: string; name: string; email: string }; password: string; mail: MailOutcome }) {
  const { t } = usePage()
  const title = t('accounts.users.invited.title')
  return (
    <Layout title={title} breadcrumbs={[...usersCrumbs(t), { label: title }]}>
      <div class="panel">
        <h1 class="heading-l">{title}</h1>
        <p class="body">{t('accounts.users.invited.lead', { name: user.name, email: user.email })}</p>
      </div>
      <h2 class="heading-m">{t('accounts.users.invited.passwordTitle')}</h2>
      <p class="secret" id="one-time-password">
        {password}
      </p>
      <p class="body">
        <button type="button" class="button button--secondary" data-copy="one-time-password" data-copied={t('accounts.users.invited.copied')} hidden>
          {t('accounts.users.invited.copy')}
        </button>
      </p>
      <div class="warning-text">
        <p class="body">{t('accounts.users.invited.onlyNow')}</p>
      </div>
      <ul class="body">
        <li>{t('accounts.users.invited.instructions')}</li>
        <li>{t('accounts.users.invited.mustChange')}</li>
        <li>
          {t(`mailDelivery.${mail}`, { email: user.email })} {mail === 'queued' && t('accounts.users.invited.mailNoPassword')}
        </li>
      </ul>
      <div class="button-group">
        <a href={`/admin/users/${user.id}`} class="button">
          {t('accounts.users.invited.viewUser')}
        </a>
        <a href="/admin/users">{t('accounts.users.invited.back')}</a>
      </div>
    </Layout>
  )
}
