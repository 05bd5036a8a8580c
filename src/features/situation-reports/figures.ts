import type { Locale, Translate } from '../../platform/i18n/i18n.ts'
import { formatNumber } from '../../platform/i18n/format.ts'
import type { MappingFigure } from './situation-reports.tables.ts'

/**
 * The kartläggning's figures (issue 9 §11): one small shape for every chosen figure, whatever source
 * it comes from, so the page, the print view (PDF) and the Word document draw the same numbers. A
 * suppressed cell has no value at all, only the mark: nothing downstream can print a number for it.
 */
export type FigureUnit = 'share' | 'count' | 'per_100000' | 'percent' | 'index' | 'mean'

export type FigureCell = { suppressed: true } | { suppressed: false; value: number | null; low?: number | null; high?: number | null }

export interface MappingFigureData {
  /** Unique within the report (ids of the chart and table derive from it). */
  id: string
  figure: MappingFigure
  title: string
  /** One or two sentences that say what the figure shows. */
  caption: string
  /** The source's required attribution ("Källa: Brå"). */
  attribution: string
  unit: FigureUnit
  /** The series: Kvinnor / Män / Alla, or the municipality / the county / the country. */
  columns: { key: string; label: string }[]
  /** The categories: years, periods. One cell per column. */
  rows: { label: string; cells: FigureCell[] }[]
  /** Notes printed under the table: why a cell shows "–", what the interval is. */
  notes: string[]
  chart: 'bar' | 'line'
  /** No data to show: the source is not on the platform, has nothing for the area, or is not readable. */
  missing: boolean
}

/** An indicator's values as the resolver needs them (the indicators feature's series, normalised). */
export interface IndicatorFigureInput {
  name: string
  unit: Exclude<FigureUnit, 'share'>
  attribution: string
  definition?: string
  areas: { code: string; name: string }[]
  periods: string[]
  values: { area: string; period: string; value: number | null; suppressed: boolean }[]
}

/** A survey question's shares by gender, year by year (the surveys feature's estimates, normalised). */
export interface SurveyFigureInput {
  surveyName: string
  questionText: string
  reportedLabel: string
  attribution: string
  threshold: number
  areaName: string
  years: {
    year: number
    groups: { group: 'kvinna' | 'man' | 'alla'; suppressed: boolean; share?: number; ciLow?: number | null; ciHigh?: number | null }[]
  }[]
}

/** Where the figures' numbers come from; a source that is not there yet (or not for this actor) leaves the figure "missing". */
export interface FigureSources {
  indicator?: (indicatorKey: string, areas: { municipalityCode: string; countyCode: string | null }) => Promise<IndicatorFigureInput | undefined>
  survey?: (surveyId: string, municipalityCode: string, questionKey: string) => Promise<SurveyFigureInput | undefined>
  /** The figures one can choose, as `indicator:KEY` / `survey:ID:QUESTION` with a label. */
  catalogue?: () => Promise<{ value: string; label: string }[]>
}

/** A value as the unit says: shares as whole percent, rates with one decimal, counts whole. */
export function formatFigureValue(v: number, unit: FigureUnit, locale: Locale): string {
  switch (unit) {
    case 'share':
      return `${formatNumber(v * 100, locale, 0)} %`
    case 'percent':
      return `${formatNumber(v, locale, 0)} %`
    case 'per_100000':
    case 'mean':
    case 'index':
      return formatNumber(v, locale, 1)
    default:
      return formatNumber(v, locale, 0)
  }
}

/** The text of one cell: the value (with its interval for a share), "–" when suppressed or missing. */
export function cellText(cell: FigureCell, unit: FigureUnit, locale: Locale): string {
  if (cell.suppressed || cell.value === null) return '–'
  const value = formatFigureValue(cell.value, unit, locale)
  if (cell.low == null || cell.high == null) return value
  return `${value} (${formatFigureValue(cell.low, unit, locale)}–${formatFigureValue(cell.high, unit, locale)})`
}

export const figureId = (n: number) => `figur-${n + 1}`

/** A figure without numbers: its title says what was chosen, its note why nothing is shown. */
function missingFigure(f: MappingFigure, n: number, t: Translate): MappingFigureData {
  const title =
    f.kind === 'indicator'
      ? t('situationReports.figures.indicatorTitle', { key: f.indicatorKey })
      : t('situationReports.figures.surveyTitle', { key: f.questionKey })
  return {
    id: figureId(n),
    figure: f,
    title,
    caption: f.note ?? '',
    attribution: '',
    unit: 'count',
    columns: [],
    rows: [],
    notes: [t('situationReports.figures.missing')],
    chart: 'bar',
    missing: true,
  }
}

/** An indicator over its periods: one column per area (the municipality, the county, the country). */
export function indicatorFigure(f: MappingFigure, n: number, input: IndicatorFigureInput, t: Translate): MappingFigureData {
  const byKey = new Map(input.values.map((v) => [`${v.area}|${v.period}`, v]))
  let anySuppressed = false
  const rows = input.periods.map((period) => ({
    label: period,
    cells: input.areas.map((a): FigureCell => {
      const v = byKey.get(`${a.code}|${period}`)
      if (v?.suppressed) {
        anySuppressed = true
        return { suppressed: true }
      }
      return { suppressed: false, value: v?.value ?? null }
    }),
  }))
  return {
    id: figureId(n),
    figure: f,
    title: input.name,
    caption: [f.note, input.definition].filter(Boolean).join(' '),
    attribution: input.attribution,
    unit: input.unit,
    columns: input.areas.map((a) => ({ key: a.code, label: a.name })),
    rows,
    notes: anySuppressed ? [t('situationReports.figures.suppressedIndicator')] : [],
    chart: input.periods.length > 1 ? 'line' : 'bar',
    missing: rows.length === 0,
  }
}

const GROUPS = ['kvinna', 'man', 'alla'] as const

/** A survey question by gender: one row per year, women, men and everyone, each with its 95 % interval. */
export function surveyFigure(f: MappingFigure, n: number, input: SurveyFigureInput, t: Translate): MappingFigureData {
  let anySuppressed = false
  const rows = input.years.map((y) => ({
    label: String(y.year),
    cells: GROUPS.map((g): FigureCell => {
      const cell = y.groups.find((x) => x.group === g)
      if (!cell || cell.suppressed || cell.share === undefined) {
        anySuppressed ||= !!cell?.suppressed
        return cell?.suppressed ? { suppressed: true } : { suppressed: false, value: null }
      }
      return { suppressed: false, value: cell.share, low: cell.ciLow ?? null, high: cell.ciHigh ?? null }
    }),
  }))
  const notes = [t('situationReports.figures.intervalNote')]
  if (anySuppressed) notes.push(t('situationReports.figures.suppressedSurvey', { threshold: input.threshold }))
  return {
    id: figureId(n),
    figure: f,
    title: t('situationReports.figures.surveyFigureTitle', { question: input.questionText, area: input.areaName }),
    caption: [t('situationReports.figures.surveyCaption', { label: input.reportedLabel, survey: input.surveyName }), f.note].filter(Boolean).join(' '),
    attribution: input.attribution,
    unit: 'share',
    columns: GROUPS.map((g) => ({ key: g, label: t(`situationReports.figures.groups.${g}`) })),
    rows,
    notes,
    chart: 'bar',
    missing: rows.length === 0,
  }
}

/**
 * One chosen figure and its numbers as the source gave them (already suppressed: a small cell has no
 * value in it), or neither when the source has nothing. This is what adoption freezes
 * (frozen-figures.ts): the shapes below are drawn from it, in the reader's language.
 */
export interface FigureInput {
  figure: MappingFigure
  indicator?: IndicatorFigureInput
  survey?: SurveyFigureInput
}

/** Every chosen figure's numbers from its source, in the order chosen; a source that is absent or has nothing leaves none. */
export async function figureInputs(
  figures: readonly MappingFigure[],
  area: { municipalityCode: string; countyCode: string | null },
  sources: FigureSources,
): Promise<FigureInput[]> {
  const out: FigureInput[] = []
  for (const f of figures) {
    if (f.kind === 'indicator' && sources.indicator) out.push({ figure: f, indicator: await sources.indicator(f.indicatorKey, area) })
    else if (f.kind === 'survey' && sources.survey) out.push({ figure: f, survey: await sources.survey(f.surveyId, area.municipalityCode, f.questionKey) })
    else out.push({ figure: f })
  }
  return out
}

/** The figures drawn from their numbers: a figure without numbers says so ("missing") instead of failing the whole document. */
export function buildFigures(inputs: readonly FigureInput[], t: Translate): MappingFigureData[] {
  return inputs.map(({ figure: f, indicator, survey }, n) => {
    let data: MappingFigureData | undefined
    if (f.kind === 'indicator' && indicator) data = indicatorFigure(f, n, indicator, t)
    else if (f.kind === 'survey' && survey) data = surveyFigure(f, n, survey, t)
    return data && !data.missing ? data : missingFigure(f, n, t)
  })
}

/** Every chosen figure with its numbers as they are today, in the order chosen. */
export async function resolveFigures(
  figures: readonly MappingFigure[],
  area: { municipalityCode: string; countyCode: string | null },
  sources: FigureSources,
  t: Translate,
): Promise<MappingFigureData[]> {
  return buildFigures(await figureInputs(figures, area, sources), t)
}

/** A figure as stored, from its form value: `indicator:KEY` or `survey:UUID:QUESTION`. */
export function parseFigureValue(value: string, note?: string): MappingFigure | undefined {
  const ind = /^indicator:([a-z0-9][a-z0-9_]{1,62})$/.exec(value)
  if (ind) return { kind: 'indicator', indicatorKey: ind[1] as string, ...(note ? { note } : {}) }
  const sur = /^survey:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([a-z][a-z0-9_]{0,62})$/i.exec(value)
  if (sur) return { kind: 'survey', surveyId: (sur[1] as string).toLowerCase(), questionKey: sur[2] as string, ...(note ? { note } : {}) }
  return undefined
}

export const figureValue = (f: MappingFigure) => (f.kind === 'indicator' ? `indicator:${f.indicatorKey}` : `survey:${f.surveyId}:${f.questionKey}`)
