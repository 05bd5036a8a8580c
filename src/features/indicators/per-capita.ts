import { COUNTRY_CODE } from './parse/areas.ts'

/** Population per municipality and year. */
export type PopulationTable = Map<string, Map<number, number>>

export function populationTable(rows: { code: string; year: number; population: number }[]): PopulationTable {
  const t: PopulationTable = new Map()
  for (const r of rows) {
    let years = t.get(r.code)
    if (!years) t.set(r.code, (years = new Map()))
    years.set(r.year, r.population)
  }
  return t
}

/** The municipalities an area's population is the sum of: itself, its county's, or the whole country's. */
export function membersOf(area: string, countyOf: Map<string, string>): string[] {
  if (/^\d{4}$/.test(area)) return [area]
  if (area === COUNTRY_CODE) return [...countyOf.keys()]
  if (/^\d{2}$/.test(area)) return [...countyOf].filter(([, c]) => c === area).map(([m]) => m)
  return []
}

/**
 * The population an area had in a year: the figure of that year, or of the nearest year with one
 * (the earlier when two are as near), and which year that was. A county or the country counts only
 * in years every one of its municipalities has a figure for. Undefined when there is none.
 */
export function populationFor(members: string[], year: number, table: PopulationTable): { population: number; year: number } | undefined {
  if (members.length === 0) return undefined
  const years = members.map((m) => table.get(m))
  if (years.some((y) => !y)) return undefined
  const common = [...years[0]!.keys()].filter((y) => years.every((ys) => ys!.has(y)))
  if (common.length === 0) return undefined
  const best = common.sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b)[0]
  return { year: best, population: years.reduce((sum, ys) => sum + ys!.get(best)!, 0) }
}

/** Per 100 000 inhabitants. */
export const per100000 = (value: number, population: number) => (value / population) * 100000
