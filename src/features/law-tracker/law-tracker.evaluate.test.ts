import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { LocalPlanFact } from '../plans/index.ts'
import type { SituationReportFact } from '../situation-reports/index.ts'
import {
  DEFAULT_SETTINGS,
  type MunicipalityFacts,
  evaluateActionPlan,
  evaluateAgreement,
  evaluateCoordination,
  evaluateMunicipality,
  evaluatePromise,
  evaluateSituationReport,
  historyDates,
} from './law-tracker.evaluate.ts'

const ORG = '00000000-0000-4000-8000-000000000001'
const s = DEFAULT_SETTINGS

function report(over: Partial<SituationReportFact> = {}): SituationReportFact {
  return {
    id: 'r1',
    organisationId: ORG,
    title: 'Lägesbild 2024',
    status: 'adopted',
    adoptedBy: 'Kommunstyrelsen',
    adoptedOn: '2024-03-12',
    adoptedParagraph: '45',
    nextReviewDue: '2026-03-12',
    reviewIntervalMonths: 24,
    ...over,
  }
}

function plan(over: Partial<LocalPlanFact> = {}): LocalPlanFact {
  return {
    id: 'p1',
    organisationId: ORG,
    partnerOrganisationId: null,
    kind: 'action_plan',
    title: 'Åtgärdsplan 2024–2026',
    status: 'adopted',
    periodStart: '2024-01-01',
    periodEnd: '2026-12-31',
    adoptedBy: 'Kommunstyrelsen',
    adoptedOn: '2024-04-02',
    adoptedParagraph: '61',
    publishedAt: null,
    signatories: [],
    visibility: 'partners',
    ...over,
  }
}

const facts = (over: Partial<MunicipalityFacts> = {}): MunicipalityFacts => ({ organisationId: ORG, reports: [], plans: [], coordination: undefined, ...over })

describe('lägesbild (4 §)', () => {
  test('missing: yellow before the deadline, red after, and the next step creates one', () => {
    assert.equal(evaluateSituationReport(facts(), s, '2024-01-15').colour, 'yellow')
    const late = evaluateSituationReport(facts(), s, '2024-07-01')
    assert.equal(late.colour, 'red')
    assert.equal(late.sentence.key, 'lawTracker.status.report.missing')
    assert.equal(late.next?.href, `/situation-reports/new?organisation=${ORG}`)
  })
  test('a draft only is still red after the deadline and points to the draft', () => {
    const r = evaluateSituationReport(facts({ reports: [report({ status: 'draft', adoptedOn: null, adoptedBy: null })] }), s, '2025-01-01')
    assert.equal(r.colour, 'red')
    assert.equal(r.sentence.key, 'lawTracker.status.report.draftOnly')
    assert.equal(r.next?.href, '/situation-reports/r1')
  })
  test('adopted: green, then yellow within the warning months, then red once older than the interval', () => {
    const f = facts({ reports: [report()] })
    const green = evaluateSituationReport(f, s, '2025-06-01')
    assert.equal(green.colour, 'green')
    assert.deepEqual(green.sentence.dates, { adoptedOn: '2024-03-12', due: '2026-03-12' })
    assert.equal(green.sentence.params?.months, 14)
    assert.equal(evaluateSituationReport(f, s, '2025-12-12').colour, 'yellow')
    const expired = evaluateSituationReport(f, s, '2026-03-13')
    assert.equal(expired.colour, 'red')
    assert.equal(expired.sentence.key, 'lawTracker.status.report.overdue')
  })
  test('the interval is the setting, and a report adopted after the date does not count yet', () => {
    const f = facts({ reports: [report()] })
    assert.equal(evaluateSituationReport(f, { ...s, reviewIntervalMonths: 12 }, '2025-06-01').colour, 'red')
    assert.equal(evaluateSituationReport(f, s, '2024-03-11').sentence.key, 'lawTracker.status.report.missing')
  })
  test('the newest adopted version counts', () => {
    const f = facts({ reports: [report(), report({ id: 'r2', adoptedOn: '2026-02-01', title: 'Lägesbild 2026' })] })
    const r = evaluateSituationReport(f, s, '2026-06-01')
    assert.equal(r.colour, 'green')
    assert.equal(r.evidence?.href, '/situation-reports/r2')
  })
})

describe('åtgärdsplan', () => {
  test('missing: red after the deadline of 1 July 2024, yellow before', () => {
    assert.equal(evaluateActionPlan(facts(), s, '2024-06-30').colour, 'yellow')
    assert.equal(evaluateActionPlan(facts(), s, '2024-07-01').colour, 'red')
    assert.equal(evaluateActionPlan(facts(), { ...s, actionPlanDeadline: '2025-01-01' }, '2024-07-01').colour, 'yellow')
  })
  test('adopted and in force: green with body, date and §', () => {
    const r = evaluateActionPlan(facts({ plans: [plan()] }), s, '2025-01-01')
    assert.equal(r.colour, 'green')
    assert.deepEqual(r.sentence.params, { body: 'Kommunstyrelsen', paragraph: '§ 61' })
  })
  test('a lägesbild adopted after the plan: yellow, and labelled as our rule', () => {
    const r = evaluateActionPlan(facts({ plans: [plan()], reports: [report({ adoptedOn: '2025-02-01' })] }), s, '2025-03-01')
    assert.equal(r.colour, 'yellow')
    assert.equal(r.ourRule, true)
  })
  test('period ended: red with the end date; ending soon: yellow', () => {
    const f = facts({ plans: [plan()] })
    assert.equal(evaluateActionPlan(f, s, '2026-11-01').colour, 'yellow')
    const ended = evaluateActionPlan(f, s, '2027-01-01')
    assert.equal(ended.colour, 'red')
    assert.deepEqual(ended.sentence.dates, { periodEnd: '2026-12-31' })
  })
  test('other kinds of plan do not count', () => {
    assert.equal(evaluateActionPlan(facts({ plans: [plan({ kind: 'local_agreement' })] }), s, '2025-01-01').colour, 'red')
  })
})

describe('samordningsfunktion', () => {
  test('missing: red after the deadline, with the model edit as the next step', () => {
    const r = evaluateCoordination(facts(), s, '2025-01-01')
    assert.equal(r.colour, 'red')
    assert.equal(r.sentence.key, 'lawTracker.status.coordination.missing')
    assert.equal(r.next?.href, `/organisations/${ORG}/structure/edit`)
    assert.equal(evaluateCoordination(facts({ coordination: { organisationId: ORG, role: ' ', person: null, since: null } }), s, '2025-01-01').colour, 'red')
  })
  test('a role without a person is yellow; a role and a person since a date green; named later does not count yet', () => {
    const c = { organisationId: ORG, role: 'Trygghetssamordnare', person: null, since: '2023-09-01' }
    assert.equal(evaluateCoordination(facts({ coordination: c }), s, '2025-01-01').colour, 'yellow')
    const named = evaluateCoordination(facts({ coordination: { ...c, person: 'Anna Berg' } }), s, '2025-01-01')
    assert.equal(named.colour, 'green')
    assert.deepEqual(named.sentence.dates, { since: '2023-09-01' })
    assert.equal(
      evaluateCoordination(facts({ coordination: { ...c, person: 'Anna Berg' } }), s, '2023-08-01').sentence.key,
      'lawTracker.status.coordination.missing',
    )
  })
})

describe('agreement and medborgarlöfte: part of the collaboration, never red', () => {
  test('SÖ in force green, ending soon yellow, expired or missing yellow', () => {
    const so = plan({ kind: 'local_agreement', periodStart: '2023-01-01', periodEnd: '2026-12-31' })
    assert.equal(evaluateAgreement(facts({ plans: [so] }), s, '2025-01-01').colour, 'green')
    assert.equal(evaluateAgreement(facts({ plans: [so] }), s, '2026-10-15').colour, 'yellow')
    assert.equal(evaluateAgreement(facts({ plans: [so] }), s, '2027-02-01').sentence.key, 'lawTracker.status.agreement.expired')
    assert.equal(evaluateAgreement(facts(), s, '2027-02-01').colour, 'yellow')
  })
  test('an ML must be published to be green', () => {
    const ml = plan({ kind: 'citizen_promise', periodStart: '2025-01-01', periodEnd: '2026-12-31', status: 'adopted' })
    assert.equal(evaluatePromise(facts({ plans: [ml] }), s, '2025-06-01').sentence.key, 'lawTracker.status.promise.notPublished')
    const pub = { ...ml, status: 'published' as const, publishedAt: new Date('2025-01-20T10:00:00Z') }
    assert.equal(evaluatePromise(facts({ plans: [pub] }), s, '2025-06-01').colour, 'green')
    assert.equal(evaluatePromise(facts({ plans: [pub] }), s, '2025-01-10').colour, 'yellow')
  })
})

test('a municipality gets the five obligations in order; history runs from 2023 to today', () => {
  assert.deepEqual(
    evaluateMunicipality(facts(), s, '2025-01-01').map((o) => `${o.obligation}:${o.colour}`),
    ['situation_report:red', 'action_plan:red', 'coordination:red', 'agreement:yellow', 'promise:yellow'],
  )
  assert.deepEqual(historyDates('2026-12-03'), [
    { year: 2023, asOf: '2023-12-31' },
    { year: 2024, asOf: '2024-12-31' },
    { year: 2025, asOf: '2025-12-31' },
    { year: 2026, asOf: '2026-12-03' },
  ])
})
