import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { workProcessOverview } from '../../src/features/work-process/index.ts'
import { buildTestApp, type TestApp } from '../../src/test-support/test-app.ts'
import { loadDemoPlans } from './demo-plans.ts'
import { loadDemoSituationReports } from './demo-situation-reports.ts'
import { loadDemoWorkProcess } from './demo-work-process.ts'

let t: TestApp
const today = '2026-12-03'
before(async () => {
  t = await buildTestApp()
  await loadDemoPlans(t.deps, today)
  await loadDemoSituationReports(t.deps, today)
})
after(() => t.close())

test('Linköping has come far, Norrköping part way, Ydre not started; a second run writes nothing', async () => {
  assert.equal(await loadDemoWorkProcess(t.deps, today), 13)
  assert.equal(await loadDemoWorkProcess(t.deps, today), 0)
  const overview = await workProcessOverview(t.deps.db, '05', today)
  const steps = async (code: string) => {
    const id = (await findOrganisationByCode(t.deps.db, code))!.id
    return overview.find((r) => r.municipalityId === id)!.steps.map((s) => `${s.state} ${s.done}/${s.total}`)
  }
  assert.deepEqual(await steps('kommun-0580'), ['done 2/2', 'done 3/3', 'done 4/4', 'done 3/3', 'in_progress 2/3'])
  assert.deepEqual(await steps('kommun-0581'), ['done 2/2', 'in_progress 1/3', 'in_progress 1/4', 'done 3/3', 'in_progress 1/3'])
  assert.deepEqual((await steps('kommun-0512'))[0], 'not_started 0/2')
  // The points come with the export: Linköping's joint decision by hand, its lägesbild from the platform.
  const lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  const points = overview.find((r) => r.municipalityId === lkp)!.steps.flatMap((s) => s.points)
  assert.deepEqual(
    points.find((p) => p.key === 'joint-decision'),
    { key: 'joint-decision', auto: false, state: 'done', date: '2022-09-13', source: 'manual' },
  )
  assert.deepEqual(
    points.find((p) => p.key === 'municipal-situation-report'),
    {
      key: 'municipal-situation-report',
      auto: true,
      state: 'done',
      date: '2025-11-25',
      source: 'platform',
    },
  )
})
