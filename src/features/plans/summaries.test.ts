import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Summary } from './follow-up.repo.ts'
import { periodByKey } from './periods.ts'
import { countedSummaries, publishedFigures } from './public.service.ts'
import { summaryPeriods } from './summaries.service.ts'

const summary = (periodKey: string, revision: number, output: number | null): Summary => {
  const p = periodByKey(periodKey)!
  return {
    id: `${periodKey}-${revision}`,
    planId: 'p',
    periodKey,
    periodStart: p.start,
    periodEnd: p.end,
    revision,
    status: 'published',
    introduction: '',
    items: [{ itemId: 'promise', status: 'on_track', text: '', outputValue: output, outputUnit: 'insatser' }],
    publishedAt: new Date(),
    publishedBy: 'x',
    isExample: false,
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 1,
  }
}

test('Utfall counts each month once: the latest revision of each tertial, a half-year only where no tertial overlaps it', () => {
  const counted = countedSummaries([summary('2026-T1', 1, 4), summary('2026-T1', 2, 5), summary('2026-H1', 1, 100), summary('2025-H2', 1, 7)])
  assert.deepEqual(
    counted.map((s) => s.id),
    ['2026-T1-2', '2025-H2-1'],
  )
  assert.equal(publishedFigures(counted).get('promise')?.delivered, 12)
})

test('a figure-less summary gives no figure rather than zero', () => {
  assert.equal(publishedFigures(countedSummaries([summary('2026-T2', 1, null)])).get('promise')?.delivered, null)
})

test('the periods to summarise are the begun tertials and half-years of the plan, newest end first', () => {
  assert.deepEqual(
    summaryPeriods({ periodStart: '2026-01-01', periodEnd: '2027-12-31' }, '2026-07-15').map((p) => p.key),
    ['2026-H2', '2026-T2', '2026-H1', '2026-T1'],
  )
})
