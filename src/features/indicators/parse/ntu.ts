import { trimEnd } from './bra.ts'
import { headerKey } from './cells.ts'
import { finish, isBlankRow, valueCell } from './checks.ts'
import { normalisePeriod } from './periods.ts'
import { type ParseContext, type ParseResult, type ParsedObservation, type Problem, observation } from './types.ts'

export interface Sheet {
  name: string
  rows: string[][]
}

/** The groups of an NTU county table and the breakdown each is stored under. */
const GROUPS: Record<string, string> = {
  'samtliga 16-84 år': '',
  'samtliga 16–84 år': '',
  samtliga: '',
  totalt: '',
  män: 'kon=man',
  kvinnor: 'kon=kvinna',
}

type Column = { kind: 'year'; period: string } | { kind: 'low' | 'high' | 'n'; period: string } | { kind: 'label' }

/** A heading: a year, "2024 KI låg", "2024 KI hög" or "2024 Antal svarande"; undefined for anything else. */
function columnOf(cell: string, ctx: ParseContext): Column | undefined {
  const k = headerKey(cell)
    .replace(/[,:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const year = normalisePeriod(ctx.indicator.periodType, k)
  if (year) return { kind: 'year', period: year }
  const m =
    /^(\d{4}) (ki låg|ki lag|ki nedre|ki undre|konfidensintervall låg|antal svarande|antal svar|n)$/.exec(k) ??
    /^(\d{4}) (ki hög|ki hog|ki övre|konfidensintervall hög)$/.exec(k)
  if (!m) return undefined
  const period = normalisePeriod(ctx.indicator.periodType, m[1])
  if (!period) return undefined
  if (/hög|hog|övre/.test(m[2])) return { kind: 'high', period }
  if (/svar|^n$/.test(m[2])) return { kind: 'n', period }
  return { kind: 'low', period }
}

/**
 * Brå's NTU county workbook, documented layout (the help text and the import page say the same):
 * one sheet per table; the sheet named by the indicator's key is read (or the only sheet). Row 1 may
 * hold the table's title. The heading row has "Grupp" (or nothing) first, then the years across
 * (`2017` … `2024`), then for the latest year (any year may have them) `2024 KI låg`, `2024 KI hög`
 * and optionally `2024 Antal svarande`. Rows: "Samtliga 16–84 år", "Män", "Kvinnor". Values are
 * percentages; an empty cell is a year without a value, `..` a value kept back. The county is the
 * area the import names.
 */
export function parseNtu(sheets: Sheet[], ctx: ParseContext): ParseResult {
  const sheet = sheets.find((s) => s.name.trim().toLowerCase() === ctx.indicator.key) ?? (sheets.length === 1 ? sheets[0] : undefined)
  if (!sheet)
    return { ok: false, problems: [{ row: 0, column: '', key: 'ntuSheet', params: { key: ctx.indicator.key, sheets: sheets.map((s) => s.name).join(', ') } }] }
  if (!ctx.area) return { ok: false, problems: [{ row: 0, column: '', key: 'areaNeeded' }] }
  const rows = sheet.rows
  const h = rows.slice(0, 10).findIndex((r) => r.slice(1).some((c) => normalisePeriod(ctx.indicator.periodType, c)))
  if (h < 0) return { ok: false, problems: [{ row: 1, column: '', key: 'ntuHeader', params: { sheet: sheet.name } }] }
  const header = trimEnd(rows[h])
  const problems: Problem[] = []
  const columns: Column[] = header.map((c, i) => {
    if (i === 0) return { kind: 'label' }
    const col = columnOf(c, ctx)
    if (!col) problems.push({ row: h + 1, column: c || `${i + 1}`, key: 'unknownColumn' })
    return col ?? { kind: 'label' }
  })
  if (problems.length) return { ok: false, problems }
  const observations: ParsedObservation[] = []
  for (let i = h + 1; i < rows.length; i++) {
    const row = rows[i]
    if (isBlankRow(row)) continue
    const n = i + 1
    const label = (row[0] ?? '').trim()
    const breakdown = GROUPS[headerKey(label).replace(/[\u2010-\u2015\u2212]/g, '-')] ?? GROUPS[headerKey(label)]
    if (breakdown === undefined) {
      problems.push({ row: n, column: header[0] || 'A', key: 'ntuGroup', params: { name: label } })
      continue
    }
    if (breakdown && !ctx.indicator.breakdowns.includes('kon')) {
      problems.push({
        row: n,
        column: header[0] || 'A',
        key: 'breakdownNotAllowed',
        params: { name: label, allowed: ctx.indicator.breakdowns.join(', ') || '–' },
      })
      continue
    }
    const byPeriod = new Map<string, ParsedObservation>()
    const extras: { col: number; kind: 'low' | 'high' | 'n'; period: string }[] = []
    columns.forEach((col, j) => {
      if (col.kind === 'label') return
      if (col.kind !== 'year') {
        extras.push({ col: j, kind: col.kind, period: col.period })
        return
      }
      const v = valueCell(row[j], ctx.indicator.unit, 'skip')
      if (v === 'skip') return
      if ('problem' in v) problems.push({ row: n, column: header[j], ...v.problem })
      else byPeriod.set(col.period, observation({ indicatorKey: ctx.indicator.key, areaCode: ctx.area!, period: col.period, breakdown, row: n, ...v }))
    })
    for (const e of extras) {
      const v = valueCell(row[e.col], e.kind === 'n' ? 'count' : ctx.indicator.unit, 'skip')
      if (v === 'skip') continue
      if ('problem' in v || v.suppressed) {
        problems.push({ row: n, column: header[e.col], ...('problem' in v ? v.problem : { key: 'notNumber', params: { value: row[e.col] } }) })
        continue
      }
      const o = byPeriod.get(e.period)
      if (!o || o.suppressed) {
        problems.push({ row: n, column: header[e.col], key: 'intervalWithoutValue', params: { period: e.period } })
        continue
      }
      if (e.kind === 'n') o.baseN = v.value
      else if (e.kind === 'low') o.ciLow = v.value
      else o.ciHigh = v.value
    }
    for (const o of byPeriod.values()) {
      const p = intervalProblem(o)
      if (p) problems.push({ row: n, column: header[columns.findIndex((c) => c.kind === 'high' && c.period === o.period)] ?? '', key: p })
      observations.push(o)
    }
  }
  return finish(observations, problems, () => header[0] || 'A')
}

/** An interval must have both ends, the lower not above the upper, and hold the value. */
export function intervalProblem(o: Pick<ParsedObservation, 'value' | 'ciLow' | 'ciHigh'>): string | undefined {
  if ((o.ciLow === null) !== (o.ciHigh === null)) return 'intervalHalf'
  if (o.ciLow === null || o.ciHigh === null) return undefined
  if (o.ciLow > o.ciHigh) return 'intervalOrder'
  if (o.value !== null && (o.value < o.ciLow || o.value > o.ciHigh)) return 'valueOutsideInterval'
  return undefined
}
