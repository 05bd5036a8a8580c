import { tQuantile as studentQuantile, tUpperTail } from './student-t.ts'

/**
 * The estimates of `../shared/statistics.md`, from the five sums of a cell: the weighted share, its
 * linearised standard error, the 95 % interval on the logit scale with a t quantile on n − 1 degrees
 * of freedom, and the women − men difference as `svyttest` gives it. Pure functions: the sums come
 * from `survey_cell_sums`, so nothing here ever reads a respondent.
 */

/** n, Σw, Σwy, Σw², Σw²y of one cell (y = 1 when the answer is one the question reports). */
export interface CellSums {
  n: number
  sumW: number
  sumWy: number
  sumW2: number
  sumW2y: number
}

export const EMPTY_SUMS: CellSums = Object.freeze({ n: 0, sumW: 0, sumWy: 0, sumW2: 0, sumW2y: 0 })

export function addSums(a: CellSums, b: CellSums): CellSums {
  return { n: a.n + b.n, sumW: a.sumW + b.sumW, sumWy: a.sumWy + b.sumWy, sumW2: a.sumW2 + b.sumW2, sumW2y: a.sumW2y + b.sumW2y }
}

export interface Estimate {
  n: number
  share: number
  se: number | null
  ciLow: number | null
  ciHigh: number | null
  /** Why there is no interval: everyone (or no one) gave a reported answer, or there is one respondent. */
  noInterval?: 'all' | 'none' | 'one'
}

export interface Difference {
  estimate: number
  se: number
  ciLow: number
  ciHigh: number
  t: number
  df: number
  pValue: number
}

/** The 97.5 % t quantile, for the two-sided 95 % intervals. */
const tQuantile = (df: number): number => studentQuantile(0.975, df)

/** Σ wᵢ²(yᵢ − p̂)², expanded because y is 0 or 1: Σw²y·(1 − 2p̂) + p̂²·Σw². Never below 0 (rounding). */
function squaredDeviations(s: CellSums, p: number): number {
  return Math.max(0, s.sumW2y * (1 - 2 * p) + p * p * s.sumW2)
}

const expit = (x: number) => 1 / (1 + Math.exp(-x))

/** One cell's share, SE and 95 % logit interval. */
export function estimateCell(s: CellSums): Estimate {
  if (s.n <= 0 || s.sumW <= 0) throw new RangeError('a cell needs at least one respondent with a positive weight')
  const share = Math.min(1, Math.max(0, s.sumWy / s.sumW))
  if (s.n === 1) return { n: 1, share, se: null, ciLow: null, ciHigh: null, noInterval: 'one' }
  const v = (s.n / (s.n - 1)) * (squaredDeviations(s, share) / (s.sumW * s.sumW))
  const se = Math.sqrt(v)
  // p̂ = 0 or 1 has no logit interval (statistics.md): the share is shown and the page says why.
  if (share <= 0 || share >= 1 || se === 0) return { n: s.n, share, se, ciLow: null, ciHigh: null, noInterval: share >= 1 ? 'all' : 'none' }
  const eta = Math.log(share / (1 - share))
  const seEta = se / (share * (1 - share))
  const q = tQuantile(s.n - 1)
  return { n: s.n, share, se, ciLow: expit(eta - q * seEta), ciHigh: expit(eta + q * seEta) }
}

/**
 * The women − men difference over the respondents of both groups: d = p̂_kvinna − p̂_man, its variance
 * with the factor n/(n−1) of the *combined* n, t on n − 2 degrees of freedom, a two-sided p-value.
 * Null when either group is empty or there are too few respondents for the degrees of freedom.
 */
export function estimateDifference(women: CellSums, men: CellSums): Difference | null {
  const n = women.n + men.n
  if (women.n === 0 || men.n === 0 || n < 3) return null
  const pw = women.sumWy / women.sumW
  const pm = men.sumWy / men.sumW
  const within = squaredDeviations(women, pw) / (women.sumW * women.sumW) + squaredDeviations(men, pm) / (men.sumW * men.sumW)
  const se = Math.sqrt((n / (n - 1)) * within)
  const estimate = pw - pm
  const df = n - 2
  if (se === 0) return { estimate, se, ciLow: estimate, ciHigh: estimate, t: estimate === 0 ? 0 : Number.POSITIVE_INFINITY, df, pValue: estimate === 0 ? 1 : 0 }
  const t = estimate / se
  const q = tQuantile(df)
  const pValue = Math.min(1, 2 * tUpperTail(Math.abs(t), df))
  return { estimate, se, ciLow: estimate - q * se, ciHigh: estimate + q * se, t, df, pValue }
}

/** The difference is statistically significant at 5 % when its interval does not include 0. */
export const isSignificant = (d: Difference) => d.ciLow > 0 || d.ciHigh < 0
