import { formatNumber } from '../../../platform/i18n/format.ts'
import { LineChart } from '../../../platform/views/charts.tsx'
import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { IndicatorSeries, SeriesObservation } from '../../indicators/index.ts'

const DASH = '–'

/** A series' value as shown: per 100 000 where the indicator has it, else the value; null when suppressed or unknown. */
const shown = (o: SeriesObservation | undefined, perCapita: boolean): number | null => (!o || o.suppressed ? null : perCapita ? o.per100000 : o.value)

/** "kon=kvinna" → "Kvinnor"; '' → the area's own name. */
function useBreakdownLabel() {
  const { t } = usePage()
  return (b: string) =>
    b
      .split(';')
      .map((part) => {
        const [k, v] = part.split('=')
        return k === 'kon' ? t(`surveys.groups.${v === 'kvinna' ? 'kvinna' : v === 'man' ? 'man' : 'alla'}`) : `${k} ${v}`
      })
      .join(', ')
}

/**
 * One indicator on the municipality's "Lägesbild – underlag": the municipality beside its county and
 * the country (per 100 000 inv. where the indicator has it), as a trend with its table; where the
 * figures are split (kön), the split for the municipality.
 */
export function IndicatorBasis({ id, series }: { id: string; series: IndicatorSeries }) {
  const { t, locale } = usePage()
  const breakdownLabel = useBreakdownLabel()
  const { indicator, observations } = series
  const perCapita = indicator.hasPerCapita
  const percent = indicator.unit === 'percent'
  const fmt = (v: number) => (percent ? `${formatNumber(v, locale, 0)}\u00a0%` : formatNumber(v, locale, perCapita ? 0 : 1))
  const total = observations.filter((o) => o.breakdown === '')
  // An area with no value to show (the country has no population table for a rate) is left out, not a column of "–".
  const areas = series.areas.filter((a, i) => i === 0 || total.some((o) => o.areaCode === a.code && shown(o, perCapita) !== null))
  const split = observations.filter((o) => o.breakdown !== '' && o.areaCode === series.areas[0]?.code)
  const periods = [...new Set(total.map((o) => o.period))].sort()
  const at = (area: string, period: string) => total.find((o) => o.areaCode === area && o.period === period)
  const synthetic = observations.some((o) => o.synthetic)
  const unitText = perCapita ? t('surveys.indicators.perCapita') : t(`surveys.indicators.units.${indicator.unit}`)
  const columns: Column<string>[] = [
    { key: 'period', label: t('surveys.indicators.period'), render: (p) => p },
    ...areas.map(
      (a): Column<string> => ({
        key: a.code,
        label: a.name,
        numeric: true,
        render: (p) => {
          const v = shown(at(a.code, p), perCapita)
          return v === null ? DASH : fmt(v)
        },
      }),
    ),
  ]
  return (
    <div class="indicator-basis">
      <p class="body-s">
        {indicator.definition} {unitText}. <a href={`/indicators/${indicator.key}`}>{t('surveys.indicators.more', { name: indicator.name })}</a>
      </p>
      {synthetic && <p class="body-s">{t('surveys.indicators.synthetic')}</p>}
      {periods.length > 1 && (
        <LineChart
          id={id}
          title={`${indicator.name} (${unitText})`}
          description={t('surveys.indicators.chartDescription')}
          attribution={indicator.attribution}
          missingLabel={DASH}
          format={fmt}
          series={areas.map((a) => ({ key: a.code, label: a.name }))}
          points={periods.map((p) => ({ label: p, values: Object.fromEntries(areas.map((a) => [a.code, { value: shown(at(a.code, p), perCapita) }])) }))}
        />
      )}
      {periods.length > 0 && (
        <DataTable caption={t('surveys.indicators.tableCaption', { name: indicator.name, unit: unitText })} columns={columns} rows={periods} />
      )}
      {split.length > 0 && (
        <DataTable
          caption={t('surveys.indicators.splitCaption', { name: indicator.name, area: areas[0]?.name ?? '' })}
          rows={split}
          columns={[
            { key: 'period', label: t('surveys.indicators.period'), render: (o) => o.period },
            { key: 'group', label: t('surveys.columns.group'), render: (o) => breakdownLabel(o.breakdown) },
            { key: 'value', label: t('surveys.columns.share'), numeric: true, render: (o) => (shown(o, false) === null ? DASH : fmt(o.value as number)) },
          ]}
        />
      )}
      {observations.some((o) => o.suppressed) && <p class="body-s">{t('surveys.indicators.suppressed')}</p>}
      <p class="body-s chart-source">{indicator.attribution}</p>
    </div>
  )
}
