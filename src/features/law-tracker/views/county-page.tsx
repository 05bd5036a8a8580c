import { LineChart } from '../../../platform/views/charts.tsx'
import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { formatDate, formatNumber } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { OBLIGATIONS } from '../law-tracker.evaluate.ts'
import type { HistoryYear, MunicipalityRow } from '../law-tracker.service.ts'
import { StatusCell, obligationName } from './parts.tsx'

interface Props {
  county: { code: string; name: string }
  settings: { reviewIntervalMonths: number; warnMonths: number; actionPlanDeadline: string; decidingBody: string }
  rows: MunicipalityRow[]
  history: HistoryYear[]
  canEditSettings: boolean
  today: string
}

/** Länsstyrelsen's county matrix: every municipality × the obligations of Lag 2023:196, today and by year. */
export function CountyPage({ county, settings, rows, history, canEditSettings, today }: Props) {
  const { t, locale } = usePage()
  const title = t('lawTracker.county.title', { county: county.name })
  const columns: Column<MunicipalityRow>[] = [
    {
      key: 'municipality',
      label: t('lawTracker.county.municipality'),
      render: (r) => <a href={`/law/municipalities/${r.municipality.code}`}>{r.municipality.name}</a>,
    },
    ...OBLIGATIONS.map((o, i) => ({ key: o, label: obligationName(t, o), render: (r: MunicipalityRow) => <StatusCell status={r.statuses[i] as never} /> })),
  ]
  const green = (o: (typeof OBLIGATIONS)[number]) => rows.filter((r) => r.statuses.find((s) => s.obligation === o)?.colour === 'green').length
  const legal = OBLIGATIONS.slice(0, 3)
  return (
    <Layout title={title} wide breadcrumbs={[{ label: t('platform.nav.home'), href: '/' }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('lawTracker.county.lead')}</p>
      <p class="body-s">
        {t('lawTracker.county.settingsLine', {
          interval: settings.reviewIntervalMonths,
          warn: settings.warnMonths,
          deadline: formatDate(settings.actionPlanDeadline, locale),
          body: settings.decidingBody,
        })}{' '}
        {canEditSettings && <a href={`/law/counties/${county.code}/settings`}>{t('lawTracker.county.editSettings')}</a>}
      </p>
      <ul class="list">
        {legal.map((o) => (
          <li>{t('lawTracker.county.greenCount', { obligation: obligationName(t, o), green: green(o), total: rows.length })}</li>
        ))}
      </ul>
      <DataTable
        caption={t('lawTracker.county.caption', { date: formatDate(today, locale) })}
        rows={rows}
        columns={columns}
        empty={t('lawTracker.county.empty')}
      />

      <h2 class="heading-m">{t('lawTracker.history.title')}</h2>
      <p class="body">{t('lawTracker.history.lead')}</p>
      <LineChart
        id="law-history"
        title={t('lawTracker.history.chartTitle')}
        description={t('lawTracker.history.chartDescription', { county: county.name })}
        attribution={t('lawTracker.history.attribution')}
        missingLabel="–"
        format={(v) => formatNumber(v, locale, 0)}
        series={legal.map((o) => ({ key: o, label: obligationName(t, o) }))}
        points={history.map((h) => ({ label: String(h.year), values: Object.fromEntries(legal.map((o) => [o, { value: h.counts[o].green }])) }))}
        min={0}
        max={Math.max(1, rows.length)}
      />
      <DataTable
        caption={t('lawTracker.history.caption')}
        rows={history}
        columns={[
          {
            key: 'year',
            label: t('lawTracker.history.year'),
            render: (h) => (h.asOf.endsWith('-12-31') ? String(h.year) : t('lawTracker.history.soFar', { year: h.year })),
          },
          ...OBLIGATIONS.map((o) => ({
            key: o,
            label: obligationName(t, o),
            render: (h: HistoryYear) => t('lawTracker.history.counts', h.counts[o]),
          })),
        ]}
      />
    </Layout>
  )
}
