import type { ChartSeries, LinePoint } from '../../../platform/views/charts.tsx'
import { LineChart } from '../../../platform/views/charts.tsx'
import { type Column, DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { Button, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { breakdownLabel, formatRate, formatValue } from '../display.ts'
import type { Indicator, ObservationImport } from '../indicators.repo.ts'
import type { SeriesObservation } from '../indicators.service.ts'

export interface IndicatorPageProps {
  indicator: Indicator
  area: string
  areaName: string
  areaOptions: { value: string; label: string }[]
  /** The chosen area's observations, in period order. */
  rows: SeriesObservation[]
  /** For a rate: the chosen area beside its county and the country (per 100 000), by area code. */
  comparison: { code: string; name: string; rows: SeriesObservation[] }[]
  imports: ObservationImport[]
  canImport: boolean
}

/** An indicator: what it means, where it comes from, and its values for one area as a table and a line chart. */
export function IndicatorPage(p: IndicatorPageProps) {
  const { t, locale } = usePage()
  const i = p.indicator
  const dash = '–'
  const anyOf = (f: (o: SeriesObservation) => unknown) => p.rows.some((o) => f(o) !== null && f(o) !== false)
  const fmt = (o: SeriesObservation) => (o.suppressed || o.value === null ? dash : formatValue(i.unit, o.value, locale))
  const columns: Column<SeriesObservation>[] = [{ key: 'period', label: t('indicators.table.period'), render: (o) => o.period }]
  if (i.breakdowns.length) columns.push({ key: 'breakdown', label: t('indicators.table.group'), render: (o) => breakdownLabel(t, o.breakdown) })
  columns.push({ key: 'value', label: t(`indicators.table.value.${i.unit}`), numeric: true, render: fmt })
  if (i.hasPerCapita) {
    columns.push({
      key: 'rate',
      label: t('indicators.table.per100000'),
      numeric: true,
      render: (o) => (o.per100000 === null ? dash : formatRate(o.per100000, locale)),
    })
    columns.push({
      key: 'populationYear',
      label: t('indicators.table.populationYear'),
      render: (o) =>
        o.populationYear === null
          ? dash
          : String(o.populationYear) === o.period.slice(0, 4)
            ? String(o.populationYear)
            : t('indicators.table.nearestYear', { year: o.populationYear }),
    })
  }
  if (anyOf((o) => o.ciLow))
    columns.push({
      key: 'ci',
      label: t('indicators.table.interval'),
      render: (o) => (o.ciLow === null || o.ciHigh === null ? dash : `${formatValue(i.unit, o.ciLow, locale)} – ${formatValue(i.unit, o.ciHigh, locale)}`),
    })
  if (anyOf((o) => o.baseN))
    columns.push({ key: 'n', label: t('indicators.table.baseN'), numeric: true, render: (o) => (o.baseN === null ? dash : String(o.baseN)) })
  if (anyOf((o) => o.preliminary))
    columns.push({ key: 'prel', label: t('indicators.table.preliminary'), render: (o) => (o.preliminary ? t('indicators.yes') : '') })

  const periods = [...new Set([...p.rows, ...p.comparison.flatMap((c) => c.rows)].map((o) => o.period))].sort()
  let series: ChartSeries[]
  let points: LinePoint[]
  let chartTitle: string
  if (i.hasPerCapita) {
    series = p.comparison.map((c) => ({ key: c.code, label: c.name }))
    points = periods.map((period) => ({
      label: period,
      values: Object.fromEntries(
        p.comparison.map((c) => [c.code, { value: c.rows.find((o) => o.period === period && o.breakdown === '')?.per100000 ?? null }]),
      ),
    }))
    chartTitle = t('indicators.chart.titleRate', { name: i.name })
  } else {
    const groups = [...new Set(p.rows.map((o) => o.breakdown))].sort()
    series = groups.map((g) => ({ key: g || 'all', label: breakdownLabel(t, g) }))
    points = periods.map((period) => ({
      label: period,
      values: Object.fromEntries(
        groups.map((g) => {
          const o = p.rows.find((r) => r.period === period && r.breakdown === g)
          return [g || 'all', { value: o && !o.suppressed ? o.value : null, low: o?.ciLow ?? null, high: o?.ciHigh ?? null }]
        }),
      ),
    }))
    chartTitle = t('indicators.chart.title', { name: i.name, area: p.areaName })
  }
  const hasChartData = points.some((pt) => Object.values(pt.values).some((v) => v.value !== null))
  const synthetic = p.rows.some((o) => o.synthetic) || p.comparison.some((c) => c.rows.some((o) => o.synthetic))
  const suppressed = p.rows.some((o) => o.suppressed)
  const csvHref = `/indicators/${i.key}/observations.csv?area=${encodeURIComponent(p.area)}`

  return (
    <Layout
      title={i.name}
      wide
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/indicators', label: t('indicators.list.title') }, { label: i.name }]}
    >
      <span class="caption">{i.source}</span>
      <h1 class="heading-l">{i.name}</h1>
      <p class="body">{i.definition}</p>
      <SummaryList
        rows={[
          { key: t('indicators.fields.unit'), value: t(`indicators.units.${i.unit}`) + (i.hasPerCapita ? ` ${t('indicators.fields.perCapitaToo')}` : '') },
          { key: t('indicators.fields.source'), value: i.sourceUrl ? <a href={i.sourceUrl}>{i.source}</a> : i.source },
          { key: t('indicators.fields.attribution'), value: i.attribution },
          { key: t('indicators.fields.geography'), value: t(`indicators.geography.${i.geographyLevel}`) },
          { key: t('indicators.fields.periodType'), value: t(`indicators.periodTypes.${i.periodType}`) },
          {
            key: t('indicators.fields.breakdowns'),
            value: i.breakdowns.length ? i.breakdowns.map((b) => t(`indicators.breakdowns.${b}`)).join(', ') : t('indicators.fields.noBreakdowns'),
          },
          { key: t('indicators.fields.key'), value: <code>{i.key}</code> },
        ]}
      />
      {p.canImport && (
        <p class="body">
          <a href={`/indicators/${i.key}/import`}>{t('indicators.import.link')}</a>
        </p>
      )}

      <h2 class="heading-m">{t('indicators.values.title')}</h2>
      <form method="get" action={`/indicators/${i.key}`} class="filters" novalidate>
        <Select name="area" label={t('indicators.values.area')} value={p.area} options={p.areaOptions} />
        <Button variant="secondary">{t('indicators.values.show')}</Button>
      </form>

      {synthetic && (
        <div class="warning-text" role="note">
          <strong>{t('indicators.synthetic.title')}</strong> {t('indicators.synthetic.text')}
        </div>
      )}

      {hasChartData && (
        <LineChart
          id="indicator-chart"
          title={chartTitle}
          description={t(i.hasPerCapita ? 'indicators.chart.descriptionRate' : 'indicators.chart.description', { area: p.areaName })}
          attribution={i.attribution}
          missingLabel={dash}
          format={(v) => (i.hasPerCapita ? formatRate(v, locale) : formatValue(i.unit, v, locale))}
          series={series}
          points={points}
          min={0}
          max={i.unit === 'percent' ? 100 : undefined}
        />
      )}

      <DataTable
        caption={t('indicators.table.caption', { name: i.name, area: p.areaName })}
        columns={columns}
        rows={p.rows}
        empty={t('indicators.table.empty', { area: p.areaName })}
      />
      <p class="body-s">
        {i.attribution}.{suppressed && ` ${t('indicators.table.suppressedNote')}`}
        {i.hasPerCapita && ` ${t('indicators.table.perCapitaNote')}`}
      </p>
      {p.rows.length > 0 && (
        <p class="body">
          <a href={csvHref}>{t('indicators.table.csv')}</a>
        </p>
      )}

      {p.imports.length > 0 && (
        <DataTable
          caption={t('indicators.imports.caption')}
          rows={p.imports}
          columns={[
            { key: 'at', label: t('indicators.imports.at'), render: (r) => formatDateTime(r.createdAt, locale) },
            { key: 'format', label: t('indicators.imports.format'), render: (r) => t(`indicators.formats.${r.format}.name`) },
            { key: 'file', label: t('indicators.imports.file'), render: (r) => r.fileName },
            { key: 'rows', label: t('indicators.imports.rows'), numeric: true, render: (r) => String(r.rowCount) },
          ]}
        />
      )}
    </Layout>
  )
}
