import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { tQuantile, tUpperTail } from './student-t.ts'

// Reference values from scipy 1.17.1: repr(float(stats.t.ppf(0.975, df))) and 2 * stats.t.sf(t, df).
const QUANTILES: [number, number][] = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [9, 2.262157162798205],
  [25, 2.0595385527532972],
  [26, 2.0555294386428735],
  [99, 1.9842169515864174],
  [1000, 1.9623390808264083],
  [100000, 1.9599877075346095],
]
const TWO_SIDED_P: [number, number, number][] = [
  [2.15628382191, 25, 0.04087762479360512],
  [5.0, 798, 7.051483698863103e-7],
  [0.3, 40, 0.7657307167710191],
  [12.0, 10000, 5.97977960781125e-33],
]

describe("Student's t", () => {
  for (const [df, expected] of QUANTILES) {
    // Beyond ~10 000 df log-gamma differences cancel (ln Γ ≈ 5 × 10⁵): 10⁻¹⁰ is what remains, still far inside 2 × 10⁻⁹.
    const tol = df > 10000 ? 1e-10 : 1e-12
    it(`gives the 97.5 % quantile on ${df} degrees of freedom to ${tol}`, () => {
      assert.ok(Math.abs(tQuantile(0.975, df) - expected) < tol, `${tQuantile(0.975, df)} ≠ ${expected}`)
    })
  }
  for (const [t, df, expected] of TWO_SIDED_P) {
    it(`gives the two-sided p-value of t = ${t} on ${df} df to 1e-10 relative`, () => {
      const p = 2 * tUpperTail(t, df)
      assert.ok(Math.abs(p - expected) / expected < 1e-10, `${p} ≠ ${expected}`)
    })
  }
})
