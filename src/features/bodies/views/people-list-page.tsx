import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { PersonRow } from '../people.repo.ts'

export type PersonListRow = PersonRow & { canEdit: boolean }

export function PeopleListPage({ collaborationId, rows, canAdd }: { collaborationId: string; rows: PersonListRow[]; canAdd: boolean }) {
  const { t } = usePage()
  const columns: Column<PersonListRow>[] = [
    { key: 'name', label: t('people.fields.name'), render: (r) => r.name },
    { key: 'title', label: t('people.fields.title'), render: (r) => r.title ?? '–' },
    { key: 'organisation', label: t('people.fields.organisation'), render: (r) => r.organisationName },
    { key: 'email', label: t('people.fields.email'), render: (r) => (r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '–') },
    { key: 'phone', label: t('people.fields.phone'), render: (r) => r.phone ?? '–' },
  ]
  if (rows.some((r) => r.canEdit)) {
    columns.push({
      key: 'actions',
      label: t('people.fields.actions'),
      render: (r) =>
        r.canEdit ? (
          <a href={`/collaborations/${collaborationId}/people/${r.id}/edit`}>
            {t('people.edit')}
            <span class="visually-hidden"> {r.name}</span>
          </a>
        ) : (
          '–'
        ),
    })
  }
  return (
    <Layout
      title={t('people.title')}
      breadcrumbs={[
        { href: '/', label: t('seats.crumbs.home') },
        { href: `/collaborations/${collaborationId}`, label: t('seats.crumbs.collaboration') },
        { label: t('people.title') },
      ]}
      wide
    >
      <h1 class="heading-l">{t('people.title')}</h1>
      <p class="lead">{t('people.intro')}</p>
      {canAdd && (
        <div class="button-group">
          <a href={`/collaborations/${collaborationId}/people/new`} class="button button--primary">
            {t('people.add')}
          </a>
        </div>
      )}
      <DataTable caption={t('people.caption', { count: rows.length })} columns={columns} rows={rows} empty={t('people.empty')} />
    </Layout>
  )
}
