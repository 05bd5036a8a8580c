import type { IndicatorUnit } from '../indicators.tables.ts'
import { type Cell, parseCell } from './cells.ts'
import type { ParseResult, ParsedObservation, Problem } from './types.ts'

/** A value the unit cannot have: a negative count, a percentage outside 0–100. */
export function unitProblem(unit: IndicatorUnit, value: number): { key: string; params?: Record<string, string | number> } | undefined {
  if ((unit === 'count' || unit === 'per_100000') && value < 0) return { key: 'negative' }
  if (unit === 'count' && !Number.isInteger(value)) return { key: 'notWhole' }
  if (unit === 'percent' && (value < 0 || value > 100)) return { key: 'percentRange' }
  return undefined
}

/**
 * A value cell read for a unit: the value, suppressed, or a problem. `emptyIs` says what an empty
 * cell means where it is (an error in Brå's municipal table, no value in a wide table).
 */
export function valueCell(
  raw: string | undefined,
  unit: IndicatorUnit,
  emptyIs: 'error' | 'skip',
): { value: number | null; suppressed: boolean } | { problem: { key: string; params?: Record<string, string | number> } } | 'skip' {
  const cell: Cell = parseCell(raw)
  if (cell.kind === 'empty') return emptyIs === 'skip' ? 'skip' : { problem: { key: 'valueEmpty' } }
  if (cell.kind === 'suppressed') return { value: null, suppressed: true }
  if (cell.kind === 'invalid') return { problem: { key: 'notNumber', params: { value: cell.text } } }
  const p = unitProblem(unit, cell.value)
  return p ? { problem: p } : { value: cell.value, suppressed: false }
}

/** The cells of a CSV row that is shorter than the header are missing (a truncated or ragged row); a workbook just leaves empty cells out. */
export function raggedProblem(row: string[], header: string[], rowNumber: number, source: 'csv' | 'xlsx'): Problem | undefined {
  if (row.length < header.length && source === 'csv')
    return { row: rowNumber, column: header[row.length] || `${row.length + 1}`, key: 'missingField', params: { count: row.length, expected: header.length } }
  const extra = row.slice(header.length).findIndex((c) => c.trim() !== '')
  if (extra >= 0) return { row: rowNumber, column: `${header.length + extra + 1}`, key: 'extraField', params: { expected: header.length } }
  return undefined
}

export const isBlankRow = (row: string[] | undefined) => !row || row.every((c) => (c ?? '').trim() === '')

/** The same cell twice in one file is an error naming both rows; otherwise the observations as read. */
export function finish(observations: ParsedObservation[], problems: Problem[], column: (o: ParsedObservation) => string): ParseResult {
  const seen = new Map<string, number>()
  for (const o of observations) {
    const k = `${o.indicatorKey}|${o.areaCode}|${o.period}|${o.breakdown}`
    const first = seen.get(k)
    if (first !== undefined) problems.push({ row: o.row, column: column(o), key: 'duplicate', params: { other: first } })
    else seen.set(k, o.row)
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) }
  if (observations.length === 0) return { ok: false, problems: [{ row: 0, column: '', key: 'noValues' }] }
  return { ok: true, observations }
}
