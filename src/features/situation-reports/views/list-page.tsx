import { DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SituationReport } from '../situation-reports.repo.ts'
import { ReportStatusTag, ReviewDue, adoptionText, listCrumbs, periodText, reportName } from './parts.tsx'

interface Props {
  organisation: { id: string; name: string }
  reports: SituationReport[]
  canCreate: boolean
  today: string
}

/** A municipality's lägesbilder under Lag 2023:196 4 §, each version with its adoption and next review. */
export function ListPage({ organisation, reports, canCreate, today }: Props) {
  const { t } = usePage()
  const title = t('situationReports.list.title', { name: organisation.name })
  return (
    <Layout title={title} wide breadcrumbs={[...listCrumbs(t, organisation).slice(0, 2), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.list.lead')}</p>
      {canCreate && (
        <p class="button-group">
          <a class="button button--secondary" href={`/situation-reports/new?organisation=${organisation.id}`}>
            {t('situationReports.list.new')}
          </a>
        </p>
      )}
      <DataTable
        caption={t('situationReports.list.caption')}
        rows={reports}
        empty={t('situationReports.list.empty')}
        columns={[
          { key: 'title', label: t('situationReports.fields.title'), render: (r) => <a href={`/situation-reports/${r.id}`}>{reportName(t, r)}</a> },
          { key: 'period', label: t('situationReports.fields.period'), render: (r) => periodText(r) },
          { key: 'status', label: t('situationReports.fields.status'), render: (r) => <ReportStatusTag report={r} /> },
          { key: 'adopted', label: t('situationReports.fields.adopted'), render: (r) => adoptionText(t, r) || '–' },
          { key: 'review', label: t('situationReports.fields.nextReviewDue'), render: (r) => <ReviewDue due={r.nextReviewDue} today={today} /> },
        ]}
      />
    </Layout>
  )
}
