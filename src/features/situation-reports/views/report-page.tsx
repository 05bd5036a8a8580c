import { Button, Form } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MappingFigureData } from '../figures.ts'
import type { FigureState } from '../frozen-figures.ts'
import type { ReportDocument } from '../situation-reports.service.ts'
import { ReportContent } from './report-document.tsx'
import { ReportStatusTag, ReviewDue, listCrumbs, reportName } from './parts.tsx'

/** The lägesbild as one readable page, with what the municipality's editors can do next and the exports. */
export function ReportPage({
  d,
  figures,
  figureState,
  today,
  pdfa,
}: {
  d: ReportDocument
  figures: MappingFigureData[]
  figureState: FigureState
  today: string
  pdfa?: boolean
}) {
  const { t, locale } = usePage()
  const r = d.report
  const base = `/situation-reports/${r.id}`
  return (
    <Layout title={reportName(t, r)} wide breadcrumbs={[...listCrumbs(t, d.organisation), { label: reportName(t, r) }]}>
      <p class="body">
        <ReportStatusTag report={r} />
        {r.status === 'adopted' && (
          <>
            {' '}
            {t('situationReports.fields.nextReviewDue')}: <ReviewDue due={r.nextReviewDue} today={today} />
          </>
        )}
      </p>
      {r.isExample && <p class="body-s">{t('situationReports.example')}</p>}
      {d.canEdit && (
        <nav class="button-group" aria-label={t('situationReports.page.actions')}>
          {r.status === 'draft' ? (
            <>
              <a class="button button--secondary" href={`${base}/edit`}>
                {t('situationReports.page.edit')}
              </a>
              <a class="button button--secondary" href={`${base}/problems`}>
                {t('situationReports.page.problems')}
              </a>
              <a class="button" href={`${base}/adopt`}>
                {t('situationReports.page.adopt')}
              </a>
            </>
          ) : (
            <a class="button button--secondary" href={`${base}/new-version`}>
              {t('situationReports.page.newVersion')}
            </a>
          )}
        </nav>
      )}
      {r.status === 'adopted' && <p class="body-s">{t('situationReports.page.final')}</p>}
      <ReportContent d={d} figures={figures} figureState={figureState} t={t} locale={locale} />
      <h2 class="heading-m">{t('situationReports.page.downloads')}</h2>
      <ul class="list">
        <li>
          <a href={`${base}/export.pdf`}>{t('situationReports.page.pdf')}</a>
        </li>
        <li>
          <a href={`${base}/export.docx`}>{t('situationReports.page.docx')}</a>
        </li>
      </ul>
      {pdfa && (
        // The archival copy takes LibreOffice a while: a button (a POST) to a task page, not a link.
        <Form action={`${base}/pdfa`}>
          <p class="body-s">{t('situationReports.page.pdfaHint')}</p>
          <Button variant="secondary">{t('situationReports.page.pdfa')}</Button>
        </Form>
      )}
    </Layout>
  )
}
