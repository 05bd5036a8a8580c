import { trimEnd, MAX_TITLE_ROWS } from './bra.ts'
import { headerKey } from './cells.ts'
import { finish, isBlankRow, raggedProblem, valueCell } from './checks.ts'
import { normalisePeriod, PERIOD_EXAMPLES } from './periods.ts'
import { type IndicatorMeta, type ParseContext, type ParseResult, type ParsedObservation, type Problem, observation } from './types.ts'

const OFFENCE_HEADINGS = ['brottstyp', 'brott', 'brottskategori', 'indikator']
const AREA_HEADINGS = ['kommun', 'område', 'omrade', 'region', 'län']

/** Brå's names for its main offence types, as rows of a wide table, and the indicators they fill. */
export const BRA_OFFENCE_NAMES: Record<string, string> = {
  'samtliga brott': 'bra_anmalda_brott_totalt',
  'samtliga anmälda brott': 'bra_anmalda_brott_totalt',
  'totalt antal anmälda brott': 'bra_anmalda_brott_totalt',
  totalt: 'bra_anmalda_brott_totalt',
  misshandel: 'bra_anmalda_vald_misshandel',
  'misshandel inkl. grov': 'bra_anmalda_vald_misshandel',
  våldsbrott: 'bra_anmalda_vald_misshandel',
  'våldsbrott/misshandel': 'bra_anmalda_vald_misshandel',
  'stöld- och tillgreppsbrott': 'bra_anmalda_stold_tillgrepp',
  'stöld och tillgreppsbrott': 'bra_anmalda_stold_tillgrepp',
  skadegörelse: 'bra_anmalda_skadegorelse',
  skadegörelsebrott: 'bra_anmalda_skadegorelse',
  narkotikabrott: 'bra_anmalda_narkotikabrott',
}

/** An offence type row's label as an indicator: its key, its name, or one of Brå's names above. */
export function indicatorByLabel(label: string, indicators: IndicatorMeta[]): IndicatorMeta | undefined {
  const k = headerKey(label).replace(/[\u2010-\u2015\u2212]/g, '-')
  const key = BRA_OFFENCE_NAMES[k] ?? k
  return indicators.find((i) => i.key === key || headerKey(i.name) === k)
}

/**
 * Brå's wide table: years across (`Brottstyp;2019;2020;…` or `Kommun;2019;2020;…`), and a row per
 * offence type (for the one area the caller gives) or per area (for the chosen indicator). The cells
 * follow the municipal table's rules; an empty cell is a year without a value and stores nothing.
 */
export function parseBraWide(rows: string[][], ctx: ParseContext): ParseResult {
  const h = rows.slice(0, MAX_TITLE_ROWS).findIndex((r) => [...OFFENCE_HEADINGS, ...AREA_HEADINGS].includes(headerKey(r[0])))
  if (h < 0) return { ok: false, problems: [{ row: 1, column: '', key: 'wideHeader' }] }
  const header = trimEnd(rows[h])
  const byOffence = OFFENCE_HEADINGS.includes(headerKey(header[0]))
  const problems: Problem[] = []
  if (byOffence && !ctx.area) problems.push({ row: h + 1, column: header[0], key: 'areaNeeded' })
  const periods = header.slice(1).map((c) => normalisePeriod(ctx.indicator.periodType, c))
  periods.forEach((p, i) => {
    if (!p)
      problems.push({ row: h + 1, column: header[i + 1] || `${i + 2}`, key: 'periodHeader', params: { example: PERIOD_EXAMPLES[ctx.indicator.periodType] } })
  })
  if (periods.length === 0) problems.push({ row: h + 1, column: '', key: 'noPeriods' })
  if (problems.length) return { ok: false, problems }
  const observations: ParsedObservation[] = []
  for (let i = h + 1; i < rows.length; i++) {
    const row = rows[i]
    if (isBlankRow(row)) continue
    const n = i + 1
    const ragged = raggedProblem(row, header, n, ctx.source)
    if (ragged) {
      problems.push(ragged)
      continue
    }
    const label = (row[0] ?? '').trim()
    let indicator: IndicatorMeta | undefined = ctx.indicator
    let area: string | undefined = byOffence ? ctx.area : undefined
    if (!label) problems.push({ row: n, column: header[0], key: byOffence ? 'offenceEmpty' : 'areaEmpty' })
    else if (byOffence) {
      indicator = indicatorByLabel(label, ctx.indicators)
      if (!indicator) problems.push({ row: n, column: header[0], key: 'unknownOffence', params: { name: label } })
      else if (indicator.periodType !== ctx.indicator.periodType)
        problems.push({ row: n, column: header[0], key: 'periodTypeMismatch', params: { name: label } })
    } else {
      const found = ctx.areas.find(label)
      if (found === undefined) problems.push({ row: n, column: header[0], key: 'unknownArea', params: { name: label } })
      else if (found === 'ambiguous') problems.push({ row: n, column: header[0], key: 'ambiguousArea', params: { name: label } })
      else area = found
    }
    periods.forEach((period, j) => {
      const v = valueCell(row[j + 1], indicator?.unit ?? ctx.indicator.unit, 'skip')
      if (v === 'skip') return
      if ('problem' in v) problems.push({ row: n, column: header[j + 1], ...v.problem })
      else if (label && indicator && area && period) observations.push(observation({ indicatorKey: indicator.key, areaCode: area, period, row: n, ...v }))
    })
  }
  return finish(observations, problems, () => header[0])
}
