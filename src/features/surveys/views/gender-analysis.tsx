import { formatNumber } from '../../../platform/i18n/format.ts'
import { BarChart, type ChartValue, LineChart } from '../../../platform/views/charts.tsx'
import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { differenceSentence, percent } from '../sentence.ts'
import { type CellView, type GroupView, SHOWN_GROUPS, type ShownGroupKey, shownEstimate } from '../suppression.ts'
import type { SurveyQuestion } from '../surveys.repo.ts'

export interface AreaColumn {
  code: string
  name: string
  view: CellView | null
}

const DASH = '–'

function useGroupLabel() {
  const { t } = usePage()
  return (g: ShownGroupKey) => t(`surveys.groups.${g}`)
}

const chartValue = (g: GroupView | undefined): ChartValue =>
  !g || g.suppressed ? { value: null } : { value: g.estimate.share, low: g.estimate.ciLow, high: g.estimate.ciHigh }

/** The notes a table with "–" or a hidden n must carry, and the reason a share has no interval. */
export function SuppressionNotes({ views, threshold }: { views: (CellView | null)[]; threshold: number }) {
  const { t, locale } = usePage()
  const notes = new Set(views.flatMap((v) => v?.notes ?? []))
  const noInterval = views.some((v) => v?.groups.some((g) => !g.suppressed && g.estimate.noInterval))
  if (!notes.size && !noInterval) return null
  return (
    <ul class="body-s notes">
      {notes.has('small') && <li>{t('surveys.notes.small', { threshold: formatNumber(threshold, locale) })}</li>}
      {notes.has('complementary') && <li>{t('surveys.notes.complementary')}</li>}
      {notes.has('hidden_n') && <li>{t('surveys.notes.hiddenN')}</li>}
      {noInterval && <li>{t('surveys.notes.noInterval')}</li>}
    </ul>
  )
}

/**
 * One question's gender analysis for one year: bars for women, men and everyone with their intervals,
 * the area beside its county, the sentence about the gap, and the table with the same numbers.
 */
export function GenderAnalysis({
  id,
  question,
  year,
  areas,
  attribution,
  threshold,
}: {
  id: string
  question: SurveyQuestion
  year: number
  areas: AreaColumn[]
  attribution: string
  threshold: number
}) {
  const { t, locale } = usePage()
  const groupLabel = useGroupLabel()
  const pct = (v: number) => percent(v, locale)
  const reportedAnswers = question.answers
    .filter((a) => question.reported.includes(a.code))
    .map((a) => a.label.toLocaleLowerCase('sv'))
    .join(t('surveys.or'))
  const first = areas[0]
  const women = first?.view ? shownEstimate(first.view, 'kvinna') : null
  const men = first?.view ? shownEstimate(first.view, 'man') : null
  const rows = areas.flatMap((a) => SHOWN_GROUPS.map((g) => ({ area: a, group: g, view: a.view?.groups.find((x) => x.group === g) })))
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'area', label: t('surveys.columns.area'), render: (r) => r.area.name },
    { key: 'group', label: t('surveys.columns.group'), render: (r) => groupLabel(r.group) },
    { key: 'share', label: t('surveys.columns.share'), numeric: true, render: (r) => (r.view && !r.view.suppressed ? pct(r.view.estimate.share) : DASH) },
    {
      key: 'ci',
      label: t('surveys.columns.interval'),
      numeric: true,
      render: (r) =>
        r.view && !r.view.suppressed && r.view.estimate.ciLow !== null && r.view.estimate.ciHigh !== null
          ? `${pct(r.view.estimate.ciLow)}–${pct(r.view.estimate.ciHigh)}`
          : DASH,
    },
    {
      key: 'n',
      label: t('surveys.columns.n'),
      numeric: true,
      render: (r) => (r.view && !r.view.suppressed && r.view.showN ? formatNumber(r.view.estimate.n, locale) : DASH),
    },
  ]
  return (
    <div class="gender-analysis">
      <p class="body-s">{t('surveys.reportedAs', { answers: reportedAnswers })}</p>
      {first?.view?.difference && women && men ? (
        <p class="body sentence">
          <strong>{first.name}: </strong>
          {differenceSentence(t, locale, question.reportedLabel, women, men, first.view.difference)}
        </p>
      ) : (
        <p class="body">{t('surveys.noDifference')}</p>
      )}
      <BarChart
        id={id}
        title={t('surveys.chart.barTitle', { question: question.text, year: String(year) })}
        description={t('surveys.chart.barDescription')}
        attribution={attribution}
        missingLabel={DASH}
        format={pct}
        max={1}
        series={SHOWN_GROUPS.map((g) => ({ key: g, label: groupLabel(g) }))}
        categories={areas.map((a) => ({
          label: a.name,
          values: Object.fromEntries(SHOWN_GROUPS.map((g) => [g, chartValue(a.view?.groups.find((x) => x.group === g))])),
        }))}
      />
      <DataTable caption={t('surveys.tableCaption', { question: question.text, year: String(year) })} columns={columns} rows={rows} />
      <SuppressionNotes views={areas.map((a) => a.view)} threshold={threshold} />
    </div>
  )
}

/** How a question developed over the years in one area: women, men and everyone, with the table. */
export function TrendAnalysis({
  id,
  question,
  areaName,
  years,
  viewOf,
  attribution,
  threshold,
}: {
  id: string
  question: SurveyQuestion
  areaName: string
  years: number[]
  viewOf: (year: number) => CellView | null
  attribution: string
  threshold: number
}) {
  const { t, locale } = usePage()
  const groupLabel = useGroupLabel()
  const pct = (v: number) => percent(v, locale)
  const cell = (year: number, g: ShownGroupKey) => viewOf(year)?.groups.find((x) => x.group === g)
  const columns: Column<number>[] = [
    { key: 'year', label: t('surveys.columns.year'), render: (y) => String(y) },
    ...SHOWN_GROUPS.map(
      (g): Column<number> => ({
        key: g,
        label: groupLabel(g),
        numeric: true,
        render: (y) => {
          const c = cell(y, g)
          return c && !c.suppressed ? pct(c.estimate.share) : DASH
        },
      }),
    ),
  ]
  return (
    <>
      <LineChart
        id={id}
        title={t('surveys.chart.trendTitle', { question: question.text, area: areaName })}
        description={t('surveys.chart.trendDescription')}
        attribution={attribution}
        missingLabel={DASH}
        format={pct}
        max={1}
        series={SHOWN_GROUPS.map((g) => ({ key: g, label: groupLabel(g) }))}
        points={years.map((y) => ({ label: String(y), values: Object.fromEntries(SHOWN_GROUPS.map((g) => [g, chartValue(cell(y, g))])) }))}
      />
      <DataTable caption={t('surveys.trendCaption', { question: question.text, area: areaName })} columns={columns} rows={years} />
      <SuppressionNotes views={years.map(viewOf)} threshold={threshold} />
    </>
  )
}
