import { normaliseBreakdown } from './breakdown.ts'
import { headerKey, parseCell } from './cells.ts'
import { finish, isBlankRow, raggedProblem, valueCell } from './checks.ts'
import { intervalProblem } from './ntu.ts'
import { normalisePeriod, PERIOD_EXAMPLES } from './periods.ts'
import { type ParseContext, type ParseResult, type ParsedObservation, type Problem, observation } from './types.ts'

/** The long format's columns, in the documented order; the first four must be there. */
export const LONG_COLUMNS = ['indikator', 'omrade', 'period', 'uppdelning', 'varde', 'undertryckt', 'bas_n', 'ki_lag', 'ki_hog', 'preliminar'] as const
type LongColumn = (typeof LONG_COLUMNS)[number]
const REQUIRED: LongColumn[] = ['indikator', 'omrade', 'period', 'varde']
const ALIASES: Record<string, LongColumn> = { område: 'omrade', värde: 'varde', preliminär: 'preliminar', ki_låg: 'ki_lag', ki_hög: 'ki_hog' }

/** ja/nej, 1/0, true/false, x or empty. */
export function parseYesNo(raw: string | undefined): boolean | undefined {
  const v = headerKey(raw)
  if (['', 'nej', 'n', '0', 'false', 'falskt', 'no'].includes(v)) return false
  if (['ja', 'j', '1', 'true', 'sant', 'x', 'yes'].includes(v)) return true
  return undefined
}

/**
 * The long format, one value per row (see the help text):
 * `indikator;omrade;period;uppdelning;varde;undertryckt;bas_n;ki_lag;ki_hog;preliminar`.
 * `indikator` is an indicator's key, `omrade` a code ('00', '05', '0580', a DeSO code) or a
 * municipality's name, `period` as the indicator's period type says. A suppressed value has
 * `undertryckt` = ja (or `..` as its value) and no value.
 */
export function parseLong(rows: string[][], ctx: ParseContext): ParseResult {
  const header = (rows[0] ?? []).map((c) => c.trim())
  const problems: Problem[] = []
  const cols = new Map<LongColumn, number>()
  header.forEach((c, i) => {
    const k = headerKey(c)
    const name = (ALIASES[k] ?? k) as LongColumn
    if (!LONG_COLUMNS.includes(name)) problems.push({ row: 1, column: c || `${i + 1}`, key: 'unknownColumn' })
    else if (cols.has(name)) problems.push({ row: 1, column: c, key: 'columnTwice' })
    else cols.set(name, i)
  })
  for (const r of REQUIRED) if (!cols.has(r)) problems.push({ row: 1, column: r, key: 'missingColumn' })
  if (problems.length) return { ok: false, problems }
  const cell = (row: string[], c: LongColumn) => (cols.has(c) ? (row[cols.get(c)!] ?? '') : '')
  const indicators = new Map(ctx.indicators.map((i) => [i.key, i]))
  const observations: ParsedObservation[] = []
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]
    if (isBlankRow(row)) continue
    const n = i + 1
    const ragged = raggedProblem(row, header, n, ctx.source)
    if (ragged) {
      problems.push(ragged)
      continue
    }
    const before = problems.length
    const add = (c: LongColumn, key: string, params?: Record<string, string | number>) =>
      problems.push({ row: n, column: header[cols.get(c)!] ?? c, key, params })
    const key = cell(row, 'indikator').trim()
    const indicator = indicators.get(key)
    if (!indicator) {
      add('indikator', key ? 'unknownIndicator' : 'indicatorEmpty', { key })
      continue
    }
    const areaText = cell(row, 'omrade').trim()
    const area = areaText ? ctx.areas.find(areaText) : undefined
    if (!areaText) add('omrade', 'areaEmpty')
    else if (area === undefined) add('omrade', 'unknownArea', { name: areaText })
    else if (area === 'ambiguous') add('omrade', 'ambiguousArea', { name: areaText })
    const period = normalisePeriod(indicator.periodType, cell(row, 'period'))
    if (!period) add('period', 'periodFormat', { value: cell(row, 'period'), example: PERIOD_EXAMPLES[indicator.periodType] })
    const breakdown = normaliseBreakdown(cell(row, 'uppdelning'), indicator.breakdowns)
    if (!breakdown.ok) add('uppdelning', breakdown.key, breakdown.params)
    const flagged = parseYesNo(cell(row, 'undertryckt'))
    if (flagged === undefined) add('undertryckt', 'notYesNo', { value: cell(row, 'undertryckt') })
    const preliminary = parseYesNo(cell(row, 'preliminar'))
    if (preliminary === undefined) add('preliminar', 'notYesNo', { value: cell(row, 'preliminar') })
    let value: number | null = null
    let suppressed = false
    const rawValue = cell(row, 'varde').trim()
    if (flagged) {
      suppressed = true
      if (rawValue !== '' && rawValue !== '..') add('varde', 'suppressedWithValue')
    } else {
      const v = valueCell(rawValue, indicator.unit, 'error')
      if (v !== 'skip' && 'problem' in v) add('varde', v.problem.key, v.problem.params)
      else if (v !== 'skip') ({ value, suppressed } = v)
    }
    const number = (c: LongColumn, whole: boolean): number | null => {
      const p = parseCell(cell(row, c))
      if (p.kind === 'empty') return null
      if (p.kind !== 'value' || (whole && (!Number.isInteger(p.value) || p.value < 0))) {
        add(c, whole ? 'notCount' : 'notNumber', { value: cell(row, c) })
        return null
      }
      return p.value
    }
    const baseN = number('bas_n', true)
    const ciLow = number('ki_lag', false)
    const ciHigh = number('ki_hog', false)
    if (suppressed && (ciLow !== null || ciHigh !== null)) add('ki_lag', 'intervalWithoutValue', { period: period ?? '' })
    else {
      const p = intervalProblem({ value, ciLow, ciHigh })
      if (p) add('ki_hog', p)
    }
    if (problems.length > before || !period || !area || area === 'ambiguous' || !breakdown.ok) continue
    observations.push(
      observation({
        indicatorKey: indicator.key,
        areaCode: area,
        period,
        breakdown: breakdown.value,
        value,
        suppressed,
        baseN,
        ciLow,
        ciHigh,
        preliminary: !!preliminary,
        row: n,
      }),
    )
  }
  return finish(observations, problems, () => header[cols.get('omrade')!] ?? 'omrade')
}
