import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { reviewState } from '../review.ts'
import type { SituationReport } from '../situation-reports.repo.ts'

export type Values = Record<string, string | string[]>
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Breadcrumbs down to a municipality's lägesbilder. */
export const listCrumbs = (t: Translate, organisation: { id: string; name: string }) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/organisations', label: t('organisations.title') },
  { href: `/organisations/${organisation.id}/situation-reports`, label: t('situationReports.list.crumb', { name: organisation.name }) },
]

export const reportCrumbs = (t: Translate, report: SituationReport, organisation: { id: string; name: string }) => [
  ...listCrumbs(t, organisation),
  { href: `/situation-reports/${report.id}`, label: reportName(t, report) },
]

/** "Lägesbild 2025 (version 2)": the title, and the revision once there is more than one. */
export const reportName = (t: Translate, r: Pick<SituationReport, 'title' | 'revision'>) =>
  r.revision > 1 ? t('situationReports.revisionTitle', { title: r.title, revision: r.revision }) : r.title

export function ReportStatusTag({ report }: { report: Pick<SituationReport, 'status'> }) {
  const { t } = usePage()
  return <StatusTag status={report.status === 'adopted' ? 'green' : 'grey'} label={t(`situationReports.status.${report.status}`)} />
}

/** The next review with its tag: red when passed, yellow within three months, always with the word. */
export function ReviewDue({ due, today }: { due: string | null; today: string }) {
  const { t } = usePage()
  if (!due) return <>–</>
  const state = reviewState(due, today)
  return (
    <>
      {formatIsoDate(due)}
      {state !== 'later' && (
        <>
          {' '}
          <StatusTag status={state === 'overdue' ? 'red' : 'yellow'} label={t(`situationReports.review.${state}`)} />
        </>
      )}
    </>
  )
}

/** "2025-01-01 – 2025-12-31" */
export const periodText = (r: Pick<SituationReport, 'periodStart' | 'periodEnd'>) => `${formatIsoDate(r.periodStart)} – ${formatIsoDate(r.periodEnd)}`

/** "Kommunfullmäktige 2025-11-20, § 187" */
export const adoptionText = (t: Translate, r: Pick<SituationReport, 'adoptedBy' | 'adoptedOn' | 'adoptedParagraph'>) =>
  r.adoptedBy && r.adoptedOn
    ? t('situationReports.adoption.line', { body: r.adoptedBy, date: formatIsoDate(r.adoptedOn), paragraph: r.adoptedParagraph ?? '' })
    : ''
