import type { Role } from '../../../platform/http/actor.ts'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, type Option, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { GrantWithOrg, User } from '../accounts.repo.ts'
import { ConfirmForm, UserStatusTag, roleNames, usersCrumbs } from './user-parts.tsx'

/** Whether the signed-in user may change this account: not their own, and an admin's only if they are one. */
/** manage: everything; partial: the user also holds roles outside the actor's responsibility (grant only). */
export type UserAccess = 'manage' | 'partial' | 'self' | 'adminOnly'

export interface UserPageProps {
  user: User
  organisationName: string
  grants: GrantWithOrg[]
  organisations: Option[]
  grantableRoles: Role[]
  access: UserAccess
  /** Ids of the grants the actor may take away. */
  revocable: ReadonlySet<string>
  values?: Record<string, string | string[]>
  errors?: FieldError[]
}

export function UserPage({ user, organisationName, grants, organisations, grantableRoles, access, revocable, values = {}, errors }: UserPageProps) {
  const { t, locale } = usePage()
  const base = `/admin/users/${user.id}`
  const canRevoke = (g: GrantWithOrg) => (access === 'manage' || access === 'partial') && revocable.has(g.id)
  const summary = (
    <SummaryList
      rows={[
        { key: t('accounts.fields.name'), value: user.name },
        { key: t('accounts.fields.email'), value: user.email },
        { key: t('accounts.fields.organisation'), value: organisationName },
        { key: t('accounts.fields.status'), value: <UserStatusTag status={user.status} /> },
        { key: t('accounts.fields.lastLogin'), value: user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('accounts.users.neverLoggedIn') },
        { key: t('accounts.users.user.created'), value: formatDateTime(user.createdAt, locale) },
        ...(user.mustChangePassword ? [{ key: t('accounts.users.user.password'), value: t('accounts.users.user.oneTimePassword') }] : []),
      ]}
    />
  )
  return (
    <Layout title={user.name} errors={errors} breadcrumbs={[...usersCrumbs(t), { label: user.name }]}>
      <h1 class="heading-l">{user.name}</h1>
      {summary}
      {access === 'self' && <p class="inset">{t('accounts.users.user.ownAccount')}</p>}
      {access === 'adminOnly' && <p class="inset">{t('accounts.users.user.adminOnly')}</p>}
      {access === 'partial' && <p class="inset">{t('accounts.users.user.partial')}</p>}

      <h2 class="heading-m">{t('accounts.users.user.rolesTitle')}</h2>
      <DataTable
        caption={t('accounts.users.user.rolesCaption', { name: user.name })}
        empty={t('accounts.users.user.noRoles')}
        columns={[
          { key: 'role', label: t('accounts.fields.role'), render: (g: GrantWithOrg) => t(`platform.roles.${g.role}`) },
          { key: 'organisation', label: t('accounts.fields.organisation'), render: (g: GrantWithOrg) => g.organisationName },
          {
            key: 'action',
            label: t('accounts.users.user.action'),
            render: (g: GrantWithOrg) => {
              if (!canRevoke(g)) return null
              const params = { role: t(`platform.roles.${g.role}`), organisation: g.organisationName, name: user.name }
              return (
                <ConfirmForm action={`${base}/roles/${g.id}/delete`} confirm={t('accounts.users.user.removeConfirm', params)} inline>
                  <button type="submit" class="link-button">
                    {t('accounts.users.user.remove')}
                    <span class="visually-hidden"> {t('accounts.users.user.removeContext', params)}</span>
                  </button>
                </ConfirmForm>
              )
            },
          },
        ]}
        rows={grants}
      />

      {(access === 'manage' || access === 'partial') && (
        <>
          <h2 class="heading-m">{t('accounts.users.user.grantTitle')}</h2>
          <p class="body">{t('accounts.users.user.grantIntro')}</p>
          <Form action={`${base}/roles`}>
            <Select
              name="organisationId"
              label={t('accounts.fields.organisation')}
              value={(values.organisationId as string) ?? user.organisationId}
              error={errorFor(errors, 'organisationId')}
              options={organisations}
            />
            <Select
              name="role"
              label={t('accounts.fields.role')}
              value={values.role as string}
              error={errorFor(errors, 'role')}
              placeholder={t('accounts.users.user.chooseRole')}
              options={roleNames(t, grantableRoles)}
            />
            <Button variant="secondary">{t('accounts.users.user.grantSubmit')}</Button>
          </Form>
        </>
      )}
      {access === 'manage' && (
        <>
          <h2 class="heading-m">{t('accounts.users.user.statusTitle')}</h2>
          {user.status === 'active' ? (
            <ConfirmForm action={`${base}/status`} confirm={t('accounts.users.user.deactivateConfirm', { name: user.name })}>
              <p class="body">{t('accounts.users.user.deactivateHint')}</p>
              <input type="hidden" name="status" value="deactivated" />
              <input type="hidden" name="version" value={String(user.version)} />
              <Button variant="warning">{t('accounts.users.user.deactivate')}</Button>
            </ConfirmForm>
          ) : (
            <Form action={`${base}/status`}>
              <p class="body">{t('accounts.users.user.reactivateHint')}</p>
              <input type="hidden" name="status" value="active" />
              <input type="hidden" name="version" value={String(user.version)} />
              <Button>{t('accounts.users.user.reactivate')}</Button>
            </Form>
          )}
        </>
      )}
      <p class="body">
        <a href="/admin/users">{t('accounts.users.invited.back')}</a>
      </p>
    </Layout>
  )
}

/** 409: someone else changed the account first. Nothing was saved; the page shows the account as it is now. */
export function StaleUserPage({ current, organisationName, wanted }: { current: User; organisationName: string; wanted: 'active' | 'deactivated' }) {
  const { t, locale } = usePage()
  const title = t('accounts.users.stale.title')
  return (
    <Layout title={title} breadcrumbs={[...usersCrumbs(t), { href: `/admin/users/${current.id}`, label: current.name }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('accounts.users.stale.body')}</p>
      <SummaryList
        rows={[
          { key: t('accounts.users.stale.wanted'), value: t(wanted === 'active' ? 'accounts.users.user.reactivate' : 'accounts.users.user.deactivate') },
          { key: t('accounts.fields.name'), value: current.name },
          { key: t('accounts.fields.organisation'), value: organisationName },
          { key: t('accounts.fields.status'), value: <UserStatusTag status={current.status} /> },
          { key: t('accounts.users.user.updated'), value: formatDateTime(current.updatedAt, locale) },
        ]}
      />
      <p class="body">
        <a href={`/admin/users/${current.id}`} class="button">
          {t('accounts.users.stale.back')}
        </a>
      </p>
    </Layout>
  )
}
