import type { PeriodType } from '../indicators.tables.ts'

/** How a period is written for each period type: `2024`, `2024-T1`, `2024-Q2`, `2024-05`. */
export const PERIOD_FORMATS: Record<PeriodType, RegExp> = {
  year: /^(19|20)\d{2}$/,
  tertial: /^(19|20)\d{2}-T[1-3]$/,
  quarter: /^(19|20)\d{2}-Q[1-4]$/,
  month: /^(19|20)\d{2}-(0[1-9]|1[0-2])$/,
}

export const PERIOD_EXAMPLES: Record<PeriodType, string> = { year: '2024', tertial: '2024-T1', quarter: '2024-Q2', month: '2024-05' }

/** The period as stored, or undefined when it is not a period of that type (a lower-case t or q is accepted). */
export function normalisePeriod(type: PeriodType, raw: string | undefined): string | undefined {
  const p = (raw ?? '').trim().toUpperCase()
  return PERIOD_FORMATS[type].test(p) ? p : undefined
}

/** The calendar year a period lies in (for the population of the same year). */
export const yearOf = (period: string) => Number(period.slice(0, 4))
