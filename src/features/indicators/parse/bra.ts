import { headerKey, parseCell } from './cells.ts'
import { finish, isBlankRow, raggedProblem, valueCell } from './checks.ts'
import { type ParseContext, type ParseResult, type ParsedObservation, type Problem, observation } from './types.ts'

/** Lines before the heading row (a title, a note) that are passed over. */
export const MAX_TITLE_ROWS = 10

const isAreaHeading = (cell: string | undefined) => ['kommun', 'område', 'omrade', 'region', 'län'].includes(headerKey(cell))
const isPerCapitaHeading = (cell: string | undefined) => headerKey(cell).replace(/[\s.]/g, '') === 'per100000inv'

/**
 * Brå's municipal table, one offence type and one year: `Kommun;Antal;Per 100 000 inv.`, a row per
 * municipality and one for "Hela landet" (stored as area '00'). The year is not in the file: the
 * caller gives it. "Per 100 000 inv." is checked but not stored: the product computes it from the
 * population table, so every figure it shows has the same base.
 */
export function parseBra(rows: string[][], ctx: ParseContext): ParseResult {
  if (!ctx.period) throw new Error('parseBra needs the period')
  const h = rows.slice(0, MAX_TITLE_ROWS).findIndex((r) => isAreaHeading(r[0]))
  if (h < 0) return { ok: false, problems: [{ row: 1, column: '', key: 'braHeader' }] }
  const header = trimEnd(rows[h])
  const countCol = header.findIndex((c) => headerKey(c) === 'antal')
  const perCapitaCol = header.findIndex(isPerCapitaHeading)
  if (countCol < 0) return { ok: false, problems: [{ row: h + 1, column: 'Antal', key: 'missingColumn' }] }
  const problems: Problem[] = []
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
    const name = (row[0] ?? '').trim()
    const area = name ? ctx.areas.find(name) : undefined
    if (!name) problems.push({ row: n, column: header[0], key: 'areaEmpty' })
    else if (area === undefined) problems.push({ row: n, column: header[0], key: 'unknownArea', params: { name } })
    else if (area === 'ambiguous') problems.push({ row: n, column: header[0], key: 'ambiguousArea', params: { name } })
    const v = valueCell(row[countCol], ctx.indicator.unit, 'error')
    if (v !== 'skip' && 'problem' in v) problems.push({ row: n, column: header[countCol], ...v.problem })
    if (perCapitaCol >= 0) {
      const c = parseCell(row[perCapitaCol])
      if (c.kind === 'invalid') problems.push({ row: n, column: header[perCapitaCol], key: 'notNumber', params: { value: c.text } })
    }
    if (area && area !== 'ambiguous' && v !== 'skip' && !('problem' in v))
      observations.push(observation({ indicatorKey: ctx.indicator.key, areaCode: area, period: ctx.period, row: n, ...v }))
  }
  return finish(observations, problems, () => header[0])
}

/** A heading row without the empty cells a spreadsheet leaves after the last column. */
export function trimEnd(row: string[]): string[] {
  let end = row.length
  while (end > 0 && (row[end - 1] ?? '').trim() === '') end--
  return row.slice(0, end).map((c) => (c ?? '').trim())
}
