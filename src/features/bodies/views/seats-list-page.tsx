import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SeatRow } from '../seats.repo.ts'
import type { SeatStatus } from '../seats.service.ts'
import { SeatStatusTag, bodyCrumbs, period } from './seats-parts.tsx'

export type SeatListRow = SeatRow & { status: SeatStatus; canEdit: boolean }

export function SeatsListPage({
  body,
  rows,
  canAdd,
  partner,
}: {
  body: { id: string; name: string; collaborationId: string }
  rows: SeatListRow[]
  canAdd: boolean
  partner: boolean
}) {
  const { t } = usePage()
  const title = t('seats.title', { body: body.name })
  const columns: Column<SeatListRow>[] = [
    { key: 'person', label: t('seats.fields.person'), render: (r) => (r.personTitle ? `${r.personName}, ${r.personTitle}` : r.personName) },
    { key: 'party', label: t('seats.fields.party'), render: (r) => r.organisationName },
    { key: 'role', label: t('seats.fields.role'), render: (r) => t(`seats.roles.${r.role}`) },
    { key: 'level', label: t('seats.fields.level'), render: (r) => t(`seats.levels.${r.level}`) },
    { key: 'membership', label: t('seats.fields.membership'), render: (r) => t(`seats.memberships.${r.membership}`) },
    { key: 'period', label: t('seats.fields.period'), render: (r) => period(t, r.validFrom, r.validTo) },
    { key: 'status', label: t('seats.fields.status'), render: (r) => <SeatStatusTag status={r.status} /> },
  ]
  if (rows.some((r) => r.canEdit)) {
    columns.push({
      key: 'actions',
      label: t('seats.fields.actions'),
      render: (r) =>
        r.canEdit ? (
          <a href={`/seats/${r.id}/edit`}>
            {t('seats.edit')}
            <span class="visually-hidden"> {r.personName}</span>
          </a>
        ) : (
          '–'
        ),
    })
  }
  return (
    <Layout title={title} breadcrumbs={[...bodyCrumbs(t, body), { label: t('seats.crumbs.seats') }]} wide>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('seats.intro')}</p>
      {!partner && <p class="inset">{t('seats.publicOnly')}</p>}
      {(canAdd || partner) && (
        <div class="button-group">
          {canAdd && (
            <a href={`/bodies/${body.id}/seats/new`} class="button button--primary">
              {t('seats.add')}
            </a>
          )}
          {partner && <a href={`/collaborations/${body.collaborationId}/people`}>{t('seats.people')}</a>}
        </div>
      )}
      <DataTable caption={t('seats.caption', { body: body.name, count: rows.length })} columns={columns} rows={rows} empty={t('seats.empty')} />
    </Layout>
  )
}
