import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Radios, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { StatisticsFileField } from './statistics-file-field.tsx'
import type { Indicator } from '../indicators.repo.ts'
import { PERIOD_EXAMPLES } from '../parse/periods.ts'
import { IMPORT_FORMATS } from '../parse/types.ts'
import { FormatHelp } from './format-help.tsx'

export interface ImportPageProps {
  indicator: Indicator
  values?: { format?: string; period?: string; area?: string }
  errors?: FieldError[]
  /** Every problem of a refused file, as sentences ("Rad 7, kolumn Antal: …"). */
  problems?: string[]
}

/** Upload of observations for an indicator, in one of the documented formats. */
export function ImportPage({ indicator, values = {}, errors, problems }: ImportPageProps) {
  const { t } = usePage()
  const title = t('indicators.import.title')
  return (
    <Layout
      title={title}
      errors={errors}
      wide
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/indicators', label: t('indicators.list.title') },
        { href: `/indicators/${indicator.key}`, label: indicator.name },
        { label: title },
      ]}
    >
      <span class="caption">{indicator.name}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('indicators.import.lead')}</p>
      <ul class="list list--bullet">
        <li>{t('indicators.import.allOrNothing')}</li>
        <li>{t('indicators.import.replace')}</li>
      </ul>

      {problems && problems.length > 0 && (
        <section aria-labelledby="import-problems">
          <h2 class="heading-m" id="import-problems">
            {t('indicators.import.problemsTitle', { count: problems.length })}
          </h2>
          <ul class="list list--bullet" id="import-problem-list">
            {problems.slice(0, 200).map((p) => (
              <li>{p}</li>
            ))}
          </ul>
          {problems.length > 200 && <p class="body">{t('indicators.import.moreProblems', { count: problems.length - 200 })}</p>}
        </section>
      )}

      <Form action={`/indicators/${indicator.key}/import`} multipart>
        <Radios
          name="format"
          label={t('indicators.import.format')}
          value={values.format ?? 'bra'}
          error={errorFor(errors, 'format')}
          options={IMPORT_FORMATS.map((f) => ({ value: f, label: t(`indicators.formats.${f}.name`) }))}
        />
        <TextField
          name="period"
          label={t('indicators.import.period')}
          hint={t('indicators.import.periodHint', { example: PERIOD_EXAMPLES[indicator.periodType] })}
          value={values.period}
          error={errorFor(errors, 'period')}
          width="narrow"
          autocomplete="off"
          spellcheck={false}
        />
        <TextField
          name="area"
          label={t('indicators.import.area')}
          hint={t('indicators.import.areaHint')}
          value={values.area}
          error={errorFor(errors, 'area')}
          width="medium"
          autocomplete="off"
          spellcheck={false}
        />
        <StatisticsFileField error={errorFor(errors, 'file')} />
        <Button>{t('indicators.import.submit')}</Button>
      </Form>

      <FormatHelp />
    </Layout>
  )
}
