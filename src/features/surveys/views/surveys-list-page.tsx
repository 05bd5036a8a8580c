import { formatNumber } from '../../../platform/i18n/format.ts'
import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Survey } from '../surveys.repo.ts'

/** The surveys the reader may see: Medborgarenkäter, trygghetsmätningar and own surveys. */
export function SurveysListPage({ surveys, owners, canStart }: { surveys: Survey[]; owners: Map<string, string>; canStart?: boolean }) {
  const { t, locale } = usePage()
  const title = t('surveys.list.title')
  const columns: Column<Survey>[] = [
    {
      key: 'name',
      label: t('surveys.columns.name'),
      render: (s) => (
        <>
          <a href={`/surveys/${s.id}`}>{s.name}</a>
          {s.isSynthetic && <span class="body-s"> ({t('surveys.synthetic.short')})</span>}
        </>
      ),
    },
    { key: 'kind', label: t('surveys.columns.kind'), render: (s) => t(`surveys.kinds.${s.kind}`) },
    { key: 'owner', label: t('surveys.columns.owner'), render: (s) => owners.get(s.organisationId) ?? '' },
    { key: 'threshold', label: t('surveys.columns.threshold'), numeric: true, render: (s) => formatNumber(s.suppressionThreshold, locale) },
  ]
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('surveys.list.intro')}</p>
      {canStart && (
        <p class="body">
          <a class="button" href="/surveys/new">
            {t('surveyStart.link')}
          </a>
        </p>
      )}
      <DataTable caption={title} columns={columns} rows={surveys} empty={t('surveys.list.empty')} />
      <p class="body">
        <a href="/help/survey-estimates">{t('surveys.help.link')}</a>
      </p>
    </Layout>
  )
}
