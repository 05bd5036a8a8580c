import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationRow } from '../collaborations.repo.ts'
import { period } from './parts.tsx'

export function CollaborationsListPage({ rows }: { rows: CollaborationRow[] }) {
  const { t } = usePage()
  const columns: Column<CollaborationRow>[] = [
    { key: 'name', label: t('collaborations.fields.name'), render: (r) => <a href={`/collaborations/${r.id}`}>{r.name}</a> },
    { key: 'shortName', label: t('collaborations.fields.shortName'), render: (r) => r.shortName },
    { key: 'county', label: t('collaborations.fields.county'), render: (r) => r.countyName ?? '–' },
    { key: 'period', label: t('collaborations.fields.period'), render: (r) => period(r.periodStart, r.periodEnd) },
    { key: 'owner', label: t('collaborations.fields.owner'), render: (r) => r.ownerName },
  ]
  return (
    <Layout title={t('collaborations.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('collaborations.title') }]} wide>
      <h1 class="heading-l">{t('collaborations.title')}</h1>
      <p class="lead">{t('collaborations.intro')}</p>
      <DataTable caption={t('collaborations.caption', { count: rows.length })} columns={columns} rows={rows} empty={t('collaborations.empty')} />
    </Layout>
  )
}
