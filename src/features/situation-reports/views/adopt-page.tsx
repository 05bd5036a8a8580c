import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SituationReport } from '../situation-reports.repo.ts'
import { type Values, reportCrumbs, str } from './parts.tsx'

/** Adoption: the body, the date and the §. Afterwards the lägesbild is final; the page says so before. */
export function AdoptPage({
  report,
  organisation,
  values,
  errors,
}: {
  report: SituationReport
  organisation: { id: string; name: string }
  values: Values
  errors?: FieldError[]
}) {
  const { t } = usePage()
  const title = t('situationReports.adopt.title', { title: report.title })
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...reportCrumbs(t, report, organisation), { label: t('situationReports.adopt.crumb') }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.adopt.lead', { months: report.reviewIntervalMonths })}</p>
      <p class="warning-text">{t('situationReports.adopt.final')}</p>
      <Form action={`/situation-reports/${report.id}/adopt`}>
        <input type="hidden" name="version" value={str(values.version)} />
        <TextField {...field('adoptedBy')} label={t('situationReports.fields.adoptedBy')} hint={t('situationReports.fields.adoptedByHint')} />
        <DateField {...field('adoptedOn')} label={t('situationReports.fields.adoptedOn')} />
        <TextField
          {...field('adoptedParagraph')}
          label={t('situationReports.fields.adoptedParagraph')}
          hint={t('situationReports.fields.adoptedParagraphHint')}
          width="narrow"
        />
        <div class="button-group">
          <Button>{t('situationReports.adopt.submit')}</Button>
          <a href={`/situation-reports/${report.id}`}>{t('situationReports.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}

/** "Starta ny version": what the copy holds, and one button. */
export function NewVersionPage({ report, organisation }: { report: SituationReport; organisation: { id: string; name: string } }) {
  const { t } = usePage()
  const title = t('situationReports.newVersion.title', { title: report.title })
  return (
    <Layout title={title} breadcrumbs={[...reportCrumbs(t, report, organisation), { label: t('situationReports.newVersion.crumb') }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.newVersion.lead', { revision: report.revision + 1 })}</p>
      <Form action={`/situation-reports/${report.id}/new-version`}>
        <input type="hidden" name="version" value={String(report.version)} />
        <div class="button-group">
          <Button>{t('situationReports.newVersion.submit')}</Button>
          <a href={`/situation-reports/${report.id}`}>{t('situationReports.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
