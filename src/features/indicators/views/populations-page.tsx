import { formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { StatisticsFileField } from './statistics-file-field.tsx'
import type { PopulationYear } from '../populations.repo.ts'

export interface PopulationsPageProps {
  years: PopulationYear[]
  /** Whether the table is the actor's county (or counties) or the whole country (an admin without one). */
  scope: 'county' | 'country'
  errors?: FieldError[]
}

/** Folkmängd per municipality and year (issue 9 §2): what per 100 000 inv. is computed from, and its upload. */
export function PopulationsPage({ years, scope, errors }: PopulationsPageProps) {
  const { t, locale } = usePage()
  const title = t('indicators.populations.title')
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/indicators', label: t('indicators.list.title') }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('indicators.populations.lead')}</p>
      <DataTable
        caption={t(scope === 'county' ? 'indicators.populations.tableCounty' : 'indicators.populations.tableCountry')}
        rows={years}
        empty={t('indicators.populations.none')}
        columns={[
          { key: 'county', label: t('indicators.populations.county'), render: (y) => y.countyName },
          { key: 'year', label: t('indicators.populations.year'), render: (y) => String(y.year) },
          {
            key: 'municipalities',
            label: t('indicators.populations.municipalities'),
            numeric: true,
            render: (y) =>
              t('indicators.populations.ofMunicipalities', { n: formatNumber(y.municipalities, locale), of: formatNumber(y.ofMunicipalities, locale) }),
          },
          { key: 'total', label: t('indicators.populations.total'), numeric: true, render: (y) => formatNumber(y.total, locale) },
          { key: 'source', label: t('indicators.populations.source'), render: (y) => y.sources },
        ]}
      />

      <h2 class="heading-m">{t('indicators.populations.uploadTitle')}</h2>
      <ul class="list list--bullet">
        <li>{t('indicators.populations.format')}</li>
        <li>{t('indicators.import.allOrNothing')}</li>
        <li>{t('indicators.populations.replace')}</li>
      </ul>
      <pre class="body-s">
        <code>{'kommun;ar;folkmangd\r\n0580;2024;168 035\r\nNorrköping;2024;144980'}</code>
      </pre>
      <Form action="/indicators/populations" multipart>
        <StatisticsFileField error={errorFor(errors, 'file')} />
        <Button>{t('indicators.populations.submit')}</Button>
      </Form>
    </Layout>
  )
}
