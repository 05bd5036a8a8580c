import type { Role } from '../../../platform/http/actor.ts'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { DataTable, Pagination } from '../../../platform/views/data-display.tsx'
import { Button, type Option, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { UserListRow } from '../accounts.repo.ts'
import { RoleTags, UserStatusTag } from './user-parts.tsx'

export type UserSort = 'name' | 'email' | 'organisation' | 'lastLogin'

export interface UserListState {
  q?: string
  organisationId?: string
  sort: UserSort
  dir: 'asc' | 'desc'
  page: number
}

/** The list URL for a state: filters survive sorting and paging, and defaults stay out of the address. */
export function usersHref(s: UserListState): string {
  const p = new URLSearchParams()
  if (s.q) p.set('q', s.q)
  if (s.organisationId) p.set('organisationId', s.organisationId)
  if (s.sort !== 'name' || s.dir !== 'asc') {
    p.set('sort', s.sort)
    p.set('dir', s.dir)
  }
  if (s.page > 1) p.set('page', String(s.page))
  const query = p.toString()
  return query ? `/admin/users?${query}` : '/admin/users'
}

export function UsersListPage({
  rows,
  total,
  pageSize,
  state,
  organisations,
}: {
  rows: UserListRow[]
  total: number
  pageSize: number
  state: UserListState
  organisations: Option[]
}) {
  const { t, locale } = usePage()
  const filtered = !!(state.q || state.organisationId)
  return (
    <Layout title={t('accounts.users.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('accounts.users.title') }]} wide>
      <h1 class="heading-l">{t('accounts.users.title')}</h1>
      <p class="lead">{t('accounts.users.intro')}</p>
      <p class="body">
        <a href="/admin/users/new" class="button">
          {t('accounts.users.invite')}
        </a>
      </p>
      <div class="filters">
        <h2 class="heading-s">{t('accounts.users.filters.title')}</h2>
        <form method="get" action="/admin/users">
          <TextField name="q" type="search" label={t('accounts.users.filters.q')} value={state.q} width="medium" spellcheck={false} />
          <Select
            name="organisationId"
            label={t('accounts.fields.organisation')}
            value={state.organisationId}
            placeholder={t('accounts.users.filters.allOrganisations')}
            options={organisations}
          />
          <Button variant="secondary">{t('accounts.users.filters.submit')}</Button>
          {filtered && (
            <p class="body">
              <a href="/admin/users">{t('accounts.users.filters.clear')}</a>
            </p>
          )}
        </form>
      </div>
      <DataTable
        caption={t('accounts.users.caption', { count: total })}
        sort={{ key: state.sort, dir: state.dir }}
        sortHref={(key, dir) => usersHref({ ...state, sort: key as UserSort, dir, page: 1 })}
        columns={[
          { key: 'name', label: t('accounts.fields.name'), sortable: true, render: (u: UserListRow) => <a href={`/admin/users/${u.id}`}>{u.name}</a> },
          { key: 'email', label: t('accounts.fields.email'), sortable: true, render: (u: UserListRow) => u.email },
          { key: 'organisation', label: t('accounts.fields.organisation'), sortable: true, render: (u: UserListRow) => u.organisationName },
          { key: 'roles', label: t('accounts.fields.roles'), render: (u: UserListRow) => <RoleTags roles={(u.roles ? u.roles.split(',') : []) as Role[]} /> },
          { key: 'status', label: t('accounts.fields.status'), render: (u: UserListRow) => <UserStatusTag status={u.status} /> },
          {
            key: 'lastLogin',
            label: t('accounts.fields.lastLogin'),
            sortable: true,
            render: (u: UserListRow) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('accounts.users.neverLoggedIn')),
          },
        ]}
        rows={rows}
      />
      <Pagination page={state.page} pageCount={Math.ceil(total / pageSize)} href={(page) => usersHref({ ...state, page })} />
    </Layout>
  )
}
