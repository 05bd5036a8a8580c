import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type CellSums, EMPTY_SUMS, addSums, estimateCell, estimateDifference, isSignificant } from './estimates.ts'

/**
 * Reference values: computed with scipy 1.17.1 (scipy.stats.t) from the respondents one by one — the
 * formulas of ../shared/statistics.md written directly over the rows, not the five-sum shortcut this
 * code uses — by the script kept beside this test in the comment below. statistics.md records that
 * those formulas match R's survey package (svyciprop logit, svyttest) to 2 × 10⁻⁹.
 *
 *   p = Σwy/Σw;  V = n/(n−1)·Σw²(y−p)²/(Σw)²;  interval = expit(logit p ± t(.975, n−1)·SE/(p(1−p)))
 *   d = p_k − p_m;  V_d = n/(n−1)·[Σ_k w²(y−p_k)²/(Σ_k w)² + Σ_m …];  t on n − 2 df
 */
const WOMEN: [number, 0 | 1][] = [
  [1.2, 1],
  [0.8, 0],
  [1.5, 1],
  [2.0, 0],
  [0.7, 0],
  [1.1, 1],
  [0.9, 0],
  [1.3, 0],
  [1.0, 1],
  [1.6, 0],
  [0.5, 0],
  [1.4, 0],
]
const MEN: [number, 0 | 1][] = [
  [1.0, 1],
  [1.2, 1],
  [0.6, 0],
  [1.8, 1],
  [0.9, 1],
  [1.1, 0],
  [1.3, 1],
  [0.7, 1],
  [1.5, 0],
  [1.0, 1],
  [2.2, 1],
  [0.8, 0],
  [1.9, 1],
  [1.2, 1],
  [0.6, 0],
]

function sumsOf(rows: [number, 0 | 1][]): CellSums {
  return rows.reduce(
    (s, [w, y]) => ({ n: s.n + 1, sumW: s.sumW + w, sumWy: s.sumWy + w * y, sumW2: s.sumW2 + w * w, sumW2y: s.sumW2y + w * w * y }),
    EMPTY_SUMS,
  )
}

const close = (actual: number | null, expected: number, tol = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tol, `${actual} ≠ ${expected}`)

describe('survey estimates (statistics.md)', () => {
  it('gives the weighted share, its SE and the logit interval of the women', () => {
    const e = estimateCell(sumsOf(WOMEN))
    assert.equal(e.n, 12)
    close(e.share, 0.342857142857)
    close(e.se, 0.149311395065)
    close(e.ciLow, 0.108206759929)
    close(e.ciHigh, 0.691686423922)
  })

  it('gives the same for the men and for everyone, and sums add up cell by cell', () => {
    const m = estimateCell(sumsOf(MEN))
    close(m.share, 0.741573033708)
    close(m.se, 0.115675928078)
    close(m.ciLow, 0.440178245289)
    close(m.ciHigh, 0.912835594772)
    const all = estimateCell(addSums(sumsOf(WOMEN), sumsOf(MEN)))
    assert.equal(all.n, 27)
    close(all.share, 0.566037735849)
    close(all.se, 0.102905605053)
    close(all.ciLow, 0.355392174505)
    close(all.ciHigh, 0.755252773691)
  })

  it('gives the women − men difference with the combined n, n − 2 degrees of freedom and a two-sided p-value', () => {
    const d = estimateDifference(sumsOf(WOMEN), sumsOf(MEN))
    assert.ok(d)
    close(d.estimate, -0.398715890851)
    close(d.se, 0.184908817105)
    close(d.ciLow, -0.779542728422)
    close(d.ciHigh, -0.0178890532799)
    close(d.t, -2.15628382191)
    assert.equal(d.df, 25)
    close(d.pValue, 0.0408776247938, 1e-8)
    assert.equal(isSignificant(d), true)
  })

  it('finds the source document’s gap (women 20 %, men 34 % of 400 each) clearly significant', () => {
    // scipy: d = −0.14, p = 7.343090667352966e−06; the women's interval 0.16350964285869193–0.2422752538018113
    const women = { n: 400, sumW: 400, sumWy: 80, sumW2: 400, sumW2y: 80 }
    const men = { n: 400, sumW: 400, sumWy: 136, sumW2: 400, sumW2y: 136 }
    const d = estimateDifference(women, men)
    assert.ok(d)
    close(d.estimate, -0.14)
    close(d.pValue, 7.343090667352966e-6, 1e-10)
    const w = estimateCell(women)
    close(w.se, 0.02002504697287036)
    close(w.ciLow, 0.16350964285869193)
    close(w.ciHigh, 0.2422752538018113)
  })

  it('says a difference whose interval includes 0 is not significant', () => {
    const d = estimateDifference({ n: 50, sumW: 50, sumWy: 16, sumW2: 50, sumW2y: 16 }, { n: 50, sumW: 50, sumWy: 17, sumW2: 50, sumW2y: 17 })
    assert.ok(d && d.ciLow < 0 && d.ciHigh > 0)
    assert.equal(isSignificant(d), false)
    assert.ok(d.pValue > 0.05)
  })

  it('gives no interval when everyone or no one answered a reported category, and says why', () => {
    const all = estimateCell({ n: 20, sumW: 21, sumWy: 21, sumW2: 25, sumW2y: 25 })
    assert.equal(all.share, 1)
    assert.equal(all.ciLow, null)
    assert.equal(all.noInterval, 'all')
    const none = estimateCell({ n: 20, sumW: 21, sumWy: 0, sumW2: 25, sumW2y: 0 })
    assert.equal(none.share, 0)
    assert.equal(none.noInterval, 'none')
    assert.equal(estimateCell({ n: 1, sumW: 2, sumWy: 2, sumW2: 4, sumW2y: 4 }).noInterval, 'one')
  })

  it('has no difference without both groups, and refuses an empty cell', () => {
    assert.equal(estimateDifference(sumsOf(WOMEN), EMPTY_SUMS), null)
    assert.throws(() => estimateCell(EMPTY_SUMS), RangeError)
  })
})
