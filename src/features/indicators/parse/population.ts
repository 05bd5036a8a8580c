import { headerKey, parseCell } from './cells.ts'
import { isBlankRow, raggedProblem } from './checks.ts'
import type { AreaLookup } from './areas.ts'
import type { Problem } from './types.ts'

export interface PopulationRow {
  municipalityCode: string
  year: number
  population: number
  row: number
}

export type PopulationParse = { ok: true; rows: PopulationRow[] } | { ok: false; problems: Problem[] }

/**
 * Folkmängd per municipality and year: `kommun;ar;folkmangd`, the municipality by its code or its
 * name, the population a whole number above 0 (thousands may be separated by a space).
 */
export function parsePopulation(rows: string[][], areas: AreaLookup, source: 'csv' | 'xlsx'): PopulationParse {
  const header = (rows[0] ?? []).map((c) => c.trim())
  const want = ['kommun', 'ar', 'folkmangd']
  const keys = header.map((c) => ({ år: 'ar', folkmängd: 'folkmangd' })[headerKey(c)] ?? headerKey(c))
  if (want.some((w, i) => keys[i] !== w) || keys.length > 3) return { ok: false, problems: [{ row: 1, column: '', key: 'populationHeader' }] }
  const problems: Problem[] = []
  const out: PopulationRow[] = []
  const seen = new Map<string, number>()
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]
    if (isBlankRow(row)) continue
    const n = i + 1
    const ragged = raggedProblem(row, header, n, source)
    if (ragged) {
      problems.push(ragged)
      continue
    }
    const before = problems.length
    const name = (row[0] ?? '').trim()
    const code = name ? areas.find(name) : undefined
    if (!code || code === 'ambiguous' || !/^\d{4}$/.test(code))
      problems.push({ row: n, column: header[0], key: name ? 'unknownMunicipality' : 'areaEmpty', params: { name } })
    const yearText = (row[1] ?? '').trim()
    const year = Number(yearText)
    if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100) problems.push({ row: n, column: header[1], key: 'yearFormat', params: { value: yearText } })
    const p = parseCell(row[2])
    if (p.kind !== 'value' || !Number.isInteger(p.value) || p.value <= 0)
      problems.push({ row: n, column: header[2], key: 'populationValue', params: { value: (row[2] ?? '').trim() } })
    if (problems.length > before || p.kind !== 'value') continue
    const k = `${code}|${year}`
    if (seen.has(k)) problems.push({ row: n, column: header[0], key: 'duplicate', params: { other: seen.get(k)! } })
    else {
      seen.set(k, n)
      out.push({ municipalityCode: code as string, year, population: p.value, row: n })
    }
  }
  if (problems.length) return { ok: false, problems }
  if (out.length === 0) return { ok: false, problems: [{ row: 0, column: '', key: 'noValues' }] }
  return { ok: true, rows: out }
}
