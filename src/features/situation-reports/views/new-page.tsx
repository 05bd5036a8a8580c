import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { type Values, listCrumbs, str } from './parts.tsx'

export const VISIBILITIES = ['public', 'partners', 'organisation'] as const

/** The header fields every lägesbild has: title, period, who may read it, the review interval. */
export function HeaderFields({ values, errors }: { values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  return (
    <>
      <TextField {...field('title')} label={t('situationReports.fields.title')} hint={t('situationReports.fields.titleHint')} />
      <DateField {...field('periodStart')} label={t('situationReports.fields.periodStart')} />
      <DateField {...field('periodEnd')} label={t('situationReports.fields.periodEnd')} />
      <Select
        {...field('visibility')}
        label={t('situationReports.fields.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`situationReports.visibility.${v}`) }))}
      />
      <TextField
        {...field('reviewIntervalMonths')}
        label={t('situationReports.fields.reviewIntervalMonths')}
        hint={t('situationReports.fields.reviewIntervalHint')}
        width="narrow"
        inputmode="numeric"
      />
    </>
  )
}

/** A new lägesbild for a municipality and period: the header first, the sections after. */
export function NewPage({ organisation, values, errors }: { organisation: { id: string; name: string }; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('situationReports.new.title', { name: organisation.name })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...listCrumbs(t, organisation), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.new.lead')}</p>
      <Form action="/situation-reports/new">
        <input type="hidden" name="organisationId" value={organisation.id} />
        <HeaderFields values={values} errors={errors} />
        <div class="button-group">
          <Button>{t('situationReports.new.create')}</Button>
          <a href={`/organisations/${organisation.id}/situation-reports`}>{t('situationReports.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
