import { DataTable } from '../../../platform/views/data-display.tsx'
import { formatDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { OBLIGATIONS, type ObligationStatus } from '../law-tracker.evaluate.ts'
import { ColourTag, ObligationCard, obligationName, trackerCrumbs } from './parts.tsx'

interface Props {
  county: { code: string; name: string }
  municipality: { id: string; code: string; name: string }
  statuses: ObligationStatus[]
  history: { year: number; asOf: string; statuses: ObligationStatus[] }[]
  today: string
}

/** A municipality's own page: where it stands under Lag 2023:196 and what to do next. */
export function MunicipalityPage({ county, municipality, statuses, history, today }: Props) {
  const { t, locale } = usePage()
  const title = t('lawTracker.municipality.title', { name: municipality.name })
  return (
    <Layout title={title} breadcrumbs={[...trackerCrumbs(t, county), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('lawTracker.municipality.lead', { date: formatDate(today, locale) })}</p>
      {statuses.map((s) => (
        <ObligationCard status={s} />
      ))}
      <h2 class="heading-m">{t('lawTracker.history.title')}</h2>
      <DataTable
        caption={t('lawTracker.municipality.historyCaption', { name: municipality.name })}
        rows={history}
        columns={[
          {
            key: 'year',
            label: t('lawTracker.history.year'),
            render: (h) => (h.asOf.endsWith('-12-31') ? String(h.year) : t('lawTracker.history.soFar', { year: h.year })),
          },
          ...OBLIGATIONS.map((o, i) => ({
            key: o,
            label: obligationName(t, o),
            render: (h: { statuses: ObligationStatus[] }) => <ColourTag status={h.statuses[i] as ObligationStatus} />,
          })),
        ]}
      />
      <p class="body-s">
        <a href={`/organisations/${municipality.id}/situation-reports`}>{t('lawTracker.municipality.reportsLink')}</a> ·{' '}
        <a href={`/organisations/${municipality.id}/plans`}>{t('lawTracker.municipality.plansLink')}</a> ·{' '}
        <a href={`/organisations/${municipality.id}/structure`}>{t('lawTracker.municipality.structureLink')}</a> ·{' '}
        <a href={`/organisations/${municipality.id}/work-process`}>{t('lawTracker.municipality.workProcessLink')}</a>
      </p>
    </Layout>
  )
}
