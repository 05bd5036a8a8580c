import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CellSums } from './estimates.ts'
import { shownEstimate, suppressCell } from './suppression.ts'

const cell = (n: number, yes: number): CellSums => ({ n, sumW: n, sumWy: yes, sumW2: n, sumW2y: yes })

describe('small-cell suppression', () => {
  it('shows women, men and everyone with their difference when every group is large enough', () => {
    const v = suppressCell({ kvinna: cell(40, 10), man: cell(50, 20) }, 10)
    assert.deepEqual(
      v.groups.map((g) => g.suppressed),
      [false, false, false],
    )
    assert.ok(v.difference)
    assert.deepEqual(v.notes, [])
  })

  it('suppresses a group below the threshold, and the other group too so that everyone − shown cannot recover it', () => {
    const v = suppressCell({ kvinna: cell(9, 3), man: cell(50, 20) }, 10)
    assert.deepEqual(
      v.groups.map((g) => (g.suppressed ? g.reason : 'shown')),
      ['small', 'complementary', 'shown'],
    )
    assert.equal(v.difference, null)
    assert.equal(shownEstimate(v, 'alla')?.n, 59)
    assert.deepEqual(v.notes.sort(), ['complementary', 'small'])
  })

  it('suppresses everything when even everyone together is below the threshold', () => {
    const v = suppressCell({ kvinna: cell(4, 1), man: cell(3, 2) }, 10)
    assert.ok(v.groups.every((g) => g.suppressed))
    assert.equal(v.difference, null)
  })

  it('hides everyone’s n when it would count a small group of another or no stated kön by subtraction', () => {
    const v = suppressCell({ kvinna: cell(40, 10), man: cell(50, 20), annat: cell(2, 1), uppgift_saknas: cell(1, 0) }, 10)
    const all = v.groups.find((g) => g.group === 'alla')
    assert.ok(all && !all.suppressed && all.showN === false)
    assert.deepEqual(v.notes, ['hidden_n'])
    // With 10 or more of them, nothing is hidden.
    const big = suppressCell({ kvinna: cell(40, 10), man: cell(50, 20), annat: cell(10, 1) }, 10)
    const all2 = big.groups.find((g) => g.group === 'alla')
    assert.ok(all2 && !all2.suppressed && all2.showN === true)
  })

  it('uses the survey’s own threshold', () => {
    const v = suppressCell({ kvinna: cell(12, 3), man: cell(50, 20) }, 15)
    assert.equal(shownEstimate(v, 'kvinna'), null)
    assert.equal(shownEstimate(v, 'man'), null)
  })
})
