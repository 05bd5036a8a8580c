import assert from 'node:assert/strict'
import { test } from 'node:test'
import { weightedProgress } from './progress.ts'

test('a parent’s progress is the weighted average of its children’s', () => {
  assert.deepEqual(
    weightedProgress([
      { weight: 1, progress: 100 },
      { weight: 3, progress: 20 },
    ]),
    { progress: 40, weightUsed: 4, weightTotal: 4 },
  )
})

test('a child without a figure does not pull the average down, and the weights used say so', () => {
  assert.deepEqual(
    weightedProgress([
      { weight: 2, progress: 50 },
      { weight: 5, progress: null },
    ]),
    { progress: 50, weightUsed: 2, weightTotal: 7 },
  )
  assert.deepEqual(weightedProgress([{ weight: 1, progress: null }]), { progress: null, weightUsed: 0, weightTotal: 1 })
  assert.deepEqual(weightedProgress([]), { progress: null, weightUsed: 0, weightTotal: 0 })
})
