import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type ManualCheck, type PairFacts, type PlanFact, type ReportFact, derivePair, derivePoint, stepState } from './work-process.derive.ts'
import { ALL_POINTS, POINT_KEYS, type PointKey, STEPS } from './work-process.steps.ts'

const M = '00000000-0000-4000-8000-000000000001'
const OTHER_M = '00000000-0000-4000-8000-000000000002'
const LPO = '00000000-0000-4000-8000-0000000000a1'
const PO = '00000000-0000-4000-8000-0000000000a0'
const OTHER_LPO = '00000000-0000-4000-8000-0000000000b1'

const report = (over: Partial<ReportFact> = {}): ReportFact => ({
  id: 'r1',
  organisationId: M,
  adoptedOn: '2025-11-25',
  problemCount: 3,
  analysedCount: 3,
  ...over,
})

const plan = (over: Partial<PlanFact> = {}): PlanFact => ({
  id: 'p1',
  kind: 'local_agreement',
  organisationId: M,
  partnerOrganisationId: LPO,
  status: 'adopted',
  adoptedOn: '2024-02-15',
  signatories: [
    { role: 'KSO', name: 'A', signedOn: '2024-02-15' },
    { role: 'LPO-chef', name: 'B', signedOn: '2024-02-16' },
  ],
  publishedAt: null,
  visibility: 'partners',
  entryCount: 0,
  lastEntryAt: null,
  publishedSummaries: 0,
  lastSummaryPublishedAt: null,
  ...over,
})

const facts = (over: Partial<PairFacts> = {}): PairFacts => ({ municipalityId: M, policeAreaChain: [LPO, PO], reports: [], plans: [], ...over })
const pointOf = (key: PointKey) => ALL_POINTS.find((p) => p.key === key)!
const point = (key: PointKey, f: PairFacts, check?: ManualCheck) => derivePoint(pointOf(key), f, check)
const check = (over: Partial<ManualCheck> = {}): ManualCheck => ({
  checkKey: 'joint-decision',
  state: 'done',
  doneOn: '2022-09-12',
  evidenceUrl: 'https://www.linkoping.se/protokoll',
  note: '',
  version: 1,
  updatedAt: new Date('2026-01-01T10:00:00Z'),
  ...over,
})

describe('the checklist', () => {
  test('has five steps in Brå’s order, every point in exactly one step, keys unique', () => {
    assert.deepEqual(
      STEPS.map((s) => s.number),
      [1, 2, 3, 4, 5],
    )
    assert.equal(new Set(POINT_KEYS).size, POINT_KEYS.length)
    assert.deepEqual(ALL_POINTS.map((p) => p.key).sort(), [...POINT_KEYS].sort())
  })
})

describe('automatic points, each both ways', () => {
  test('municipal-situation-report: an adopted lägesbild of the municipality, newest one linked', () => {
    const done = point('municipal-situation-report', facts({ reports: [report({ id: 'old', adoptedOn: '2022-03-01' }), report({ id: 'new' })] }))
    assert.equal(done.state, 'done')
    assert.equal(done.source, 'platform')
    assert.equal(done.date, '2025-11-25')
    assert.equal(done.evidenceUrl, '/situation-reports/new')
    assert.equal(point('municipal-situation-report', facts()).state, 'open')
    // Another municipality's lägesbild is not this one's.
    assert.equal(point('municipal-situation-report', facts({ reports: [report({ organisationId: OTHER_M })] })).state, 'open')
  })

  test('problems-prioritised: the adopted lägesbild has prioritised problems', () => {
    assert.equal(point('problems-prioritised', facts({ reports: [report()] })).state, 'done')
    assert.equal(point('problems-prioritised', facts({ reports: [report({ problemCount: 0, analysedCount: 0 })] })).state, 'open')
  })

  test('cause-analysis: every prioritised problem has an orsaksanalys', () => {
    assert.equal(point('cause-analysis', facts({ reports: [report()] })).state, 'done')
    assert.equal(point('cause-analysis', facts({ reports: [report({ analysedCount: 2 })] })).state, 'open')
    assert.equal(point('cause-analysis', facts({ reports: [report({ problemCount: 0, analysedCount: 0 })] })).state, 'open')
  })

  test('agreement-signed: an SÖ in force with the police area, every signatory dated; the date is the last signature', () => {
    const done = point('agreement-signed', facts({ plans: [plan()] }))
    assert.equal(done.state, 'done')
    assert.equal(done.date, '2024-02-16')
    assert.equal(done.evidenceUrl, '/plans/p1')
    // Shared with the polisområde above the LPO: still the pair's.
    assert.equal(point('agreement-signed', facts({ plans: [plan({ partnerOrganisationId: PO })] })).state, 'done')
    assert.equal(point('agreement-signed', facts({ plans: [plan({ status: 'draft' })] })).state, 'open')
    assert.equal(point('agreement-signed', facts({ plans: [plan({ signatories: [{ role: 'KSO', name: 'A' }] })] })).state, 'open')
    assert.equal(point('agreement-signed', facts({ plans: [plan({ signatories: [] })] })).state, 'open')
    assert.equal(point('agreement-signed', facts({ plans: [plan({ partnerOrganisationId: OTHER_LPO })] })).state, 'open')
    assert.equal(point('agreement-signed', facts({ plans: [plan({ partnerOrganisationId: null })] })).state, 'open')
  })

  test('action-plan-adopted: an adopted åtgärdsplan (the municipality’s own counts too)', () => {
    const ap = plan({ id: 'ap', kind: 'action_plan', adoptedOn: '2026-01-24', signatories: [] })
    const done = point('action-plan-adopted', facts({ plans: [ap] }))
    assert.deepEqual([done.state, done.date, done.evidenceUrl], ['done', '2026-01-24', '/plans/ap'])
    assert.equal(point('action-plan-adopted', facts({ plans: [{ ...ap, partnerOrganisationId: null }] })).state, 'done')
    assert.equal(point('action-plan-adopted', facts({ plans: [{ ...ap, status: 'draft' }] })).state, 'open')
    assert.equal(point('action-plan-adopted', facts({ plans: [{ ...ap, organisationId: OTHER_M }] })).state, 'open')
  })

  test('citizen-promise-published: a published ML; a public one links to its public page', () => {
    const ml = plan({ id: 'ml', kind: 'citizen_promise', status: 'published', publishedAt: new Date('2025-01-20T10:00:00Z'), visibility: 'public' })
    const done = point('citizen-promise-published', facts({ plans: [ml] }))
    assert.deepEqual([done.state, done.date, done.evidenceUrl], ['done', '2025-01-20', '/public/medborgarloften/ml'])
    assert.equal(point('citizen-promise-published', facts({ plans: [{ ...ml, visibility: 'partners' }] })).evidenceUrl, '/plans/ml')
    assert.equal(point('citizen-promise-published', facts({ plans: [{ ...ml, status: 'adopted' }] })).state, 'open')
  })

  test('measures-documented: follow-up entries on the åtgärdsplan or the ML', () => {
    const ap = plan({ id: 'ap', kind: 'action_plan', entryCount: 12, lastEntryAt: new Date('2026-11-03T09:00:00Z') })
    const done = point('measures-documented', facts({ plans: [ap] }))
    assert.deepEqual([done.state, done.date, done.evidenceUrl], ['done', '2026-11-03', '/plans/ap'])
    assert.equal(point('measures-documented', facts({ plans: [{ ...ap, entryCount: 0, lastEntryAt: null }] })).state, 'open')
    // Entries on the SÖ's activities are not measures.
    assert.equal(point('measures-documented', facts({ plans: [{ ...ap, kind: 'local_agreement' }] })).state, 'open')
  })

  test('reported-to-citizens: a published summary of a published ML', () => {
    const ml = plan({
      id: 'ml',
      kind: 'citizen_promise',
      status: 'published',
      publishedAt: new Date('2025-01-20T10:00:00Z'),
      publishedSummaries: 2,
      lastSummaryPublishedAt: new Date('2026-09-21T08:00:00Z'),
    })
    const done = point('reported-to-citizens', facts({ plans: [ml] }))
    assert.deepEqual([done.state, done.date, done.evidenceUrl], ['done', '2026-09-21', '/plans/ml/summaries'])
    assert.equal(point('reported-to-citizens', facts({ plans: [{ ...ml, publishedSummaries: 0, lastSummaryPublishedAt: null }] })).state, 'open')
    assert.equal(point('reported-to-citizens', facts({ plans: [{ ...ml, status: 'adopted' }] })).state, 'open')
  })
})

describe('manual checks', () => {
  test('a manual point is open until a user checks it, then done with their date and evidence', () => {
    assert.deepEqual(point('joint-decision', facts()).state, 'open')
    const done = point('joint-decision', facts(), check())
    assert.deepEqual([done.state, done.date, done.evidenceUrl, done.source], ['done', '2022-09-12', 'https://www.linkoping.se/protokoll', 'manual'])
    const na = point('joint-decision', facts(), check({ state: 'not_applicable', doneOn: null }))
    assert.deepEqual([na.state, na.date, na.source], ['not_applicable', null, 'manual'])
  })

  test('an automatic point the platform finds cannot be un-ticked by hand: the check stays as a note', () => {
    const r = point(
      'municipal-situation-report',
      facts({ reports: [report()] }),
      check({ checkKey: 'municipal-situation-report', state: 'open', note: 'Ses över' }),
    )
    assert.equal(r.state, 'done')
    assert.equal(r.source, 'platform')
    assert.equal(r.check?.note, 'Ses över')
  })

  test('an automatic point the platform does not find can be ticked by hand (work done outside the platform)', () => {
    const r = point('municipal-situation-report', facts(), check({ checkKey: 'municipal-situation-report', doneOn: '2023-05-02' }))
    assert.deepEqual([r.state, r.date, r.source], ['done', '2023-05-02', 'manual'])
  })
})

describe('steps', () => {
  test('done when all applicable points are; in progress with some; not started with none', () => {
    const steps = derivePair(facts(), [check(), check({ checkKey: 'roles-mandates' }), check({ checkKey: 'staff-dialogues' })])
    assert.deepEqual(
      steps.map((s) => [s.key, s.state, s.done, s.total]),
      [
        ['initiate', 'done', 2, 2],
        ['own-preparations', 'in_progress', 1, 3],
        ['joint-preparations', 'not_started', 0, 4],
        ['implementation', 'not_started', 0, 3],
        ['follow-up', 'not_started', 0, 3],
      ],
    )
  })

  test('a point not applicable leaves the count; a step of only not-applicable points is done', () => {
    const steps = derivePair(facts(), [
      check({ checkKey: 'staff-dialogues', state: 'not_applicable', doneOn: null }),
      check({ checkKey: 'joint-decision', state: 'not_applicable', doneOn: null }),
      check({ checkKey: 'roles-mandates', state: 'not_applicable', doneOn: null }),
    ])
    assert.deepEqual([steps[1].done, steps[1].total], [0, 2])
    assert.equal(steps[0].state, 'done')
    assert.deepEqual(stepState([]), { state: 'done', done: 0, total: 0 })
  })
})
