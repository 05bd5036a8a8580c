import type { ComponentChildren } from 'preact'
import { ROLES, type Role } from '../../../platform/http/actor.ts'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import type { Option } from '../../../platform/views/form-controls.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** Role choices with what each role may do, so whoever grants one knows what they hand out. */
export function roleOptions(t: Translate, roles: readonly Role[] = ROLES): Option[] {
  return roles.map((r) => ({ value: r, label: `${t(`platform.roles.${r}`)} – ${t(`accounts.users.roleHints.${r}`)}` }))
}

/** Short role names for a select, where a sentence per option would not fit. */
export const roleNames = (t: Translate, roles: readonly Role[] = ROLES): Option[] => roles.map((r) => ({ value: r, label: t(`platform.roles.${r}`) }))

export function UserStatusTag({ status }: { status: string }) {
  const { t } = usePage()
  return status === 'active' ? (
    <StatusTag status="green" label={t('accounts.users.status.active')} />
  ) : (
    <StatusTag status="red" label={t('accounts.users.status.deactivated')} />
  )
}

export function RoleTags({ roles }: { roles: Role[] }) {
  const { t } = usePage()
  if (roles.length === 0) return <span class="body-s">{t('accounts.users.noRoles')}</span>
  return (
    <>
      {roles.map((r) => (
        <>
          <strong class="tag tag--grey">{t(`platform.roles.${r}`)}</strong>{' '}
        </>
      ))}
    </>
  )
}

/**
 * A POST form that asks before submitting (static/js/app.js reads data-confirm); the platform Form
 * has no such attribute. Without JavaScript it submits directly, which is acceptable for
 * reversible actions like these.
 */
export function ConfirmForm({ action, confirm, inline, children }: { action: string; confirm: string; inline?: boolean; children: ComponentChildren }) {
  const { csrfToken } = usePage()
  return (
    <form method="post" action={action} data-confirm={confirm} class={inline ? 'inline-form' : undefined} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  )
}

export const usersCrumbs = (t: Translate) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/admin/users', label: t('accounts.users.title') },
]
