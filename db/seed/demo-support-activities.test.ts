import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { supportActivitiesOf, supportSummary } from '../../src/features/support-activities/index.ts'
import { buildTestApp, type TestApp } from '../../src/test-support/test-app.ts'
import { demoSupportSpecs, loadDemoSupportActivities } from './demo-support-activities.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

test('Östergötland’s support 2023–2026: Regbrå for all, trainings, more advice for Ydre than Linköping; nothing after the seeding day; a second run writes nothing', async () => {
  const today = '2026-06-30'
  const expected = demoSupportSpecs().filter((s) => s.heldOn <= today).length
  assert.equal(await loadDemoSupportActivities(t.deps, today), expected)
  assert.equal(await loadDemoSupportActivities(t.deps, today), 0)

  const lst = (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id
  const rows = await supportActivitiesOf(t.deps, lst, '2023-01-01', '2026-12-31')
  assert.equal(rows.length, expected)
  assert.ok(rows.every((r) => r.isExample && r.heldOn <= today))
  assert.deepEqual([...new Set(rows.map((r) => r.heldOn.slice(0, 4)))], ['2023', '2024', '2025', '2026'])

  const y2025 = await supportSummary(t.deps, lst, '2025-01-01', '2025-12-31')
  const county = y2025.find((s) => s.municipalityId === null)!
  assert.equal(county.byKind.meeting, 4, 'four Regbrå meetings a year')
  assert.ok(county.byKind.training >= 1)
  const advice = (name: string) => y2025.find((s) => s.municipalityName === name)?.byKind.advice ?? 0
  assert.ok(advice('Ydre kommun') > advice('Linköpings kommun'))
  assert.ok(advice('Boxholms kommun') >= 3)
})
