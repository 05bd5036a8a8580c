import { formatIsoDate } from '../../platform/i18n/format.ts'
import type { WorkProcessCheckState } from './work-process.tables.ts'
import { ALL_POINTS, type PointKey, STEPS, type StepKey } from './work-process.steps.ts'

/** An adopted lägesbild of the municipality (situation-reports' AdoptedReportFact, as far as the rules need it). */
export interface ReportFact {
  id: string
  organisationId: string
  adoptedOn: string
  problemCount: number
  analysedCount: number
}

/** A local plan of the municipality (plans' LocalPlanFact, as far as the rules need it). */
export interface PlanFact {
  id: string
  kind: 'local_agreement' | 'action_plan' | 'citizen_promise'
  organisationId: string
  partnerOrganisationId: string | null
  status: 'draft' | 'adopted' | 'published'
  adoptedOn: string | null
  signatories: readonly { role: string; name: string; signedOn?: string }[]
  publishedAt: Date | null
  visibility: 'public' | 'partners' | 'organisation'
  entryCount: number
  lastEntryAt: Date | null
  publishedSummaries: number
  lastSummaryPublishedAt: Date | null
}

/**
 * What the platform holds for one municipality–police-area pair, already limited to what the viewer
 * may read. `policeAreaChain` is the LPO and the units above it: a plan shared with the polisområde
 * is the LPO's too.
 */
export interface PairFacts {
  municipalityId: string
  policeAreaChain: readonly string[]
  reports: readonly ReportFact[]
  plans: readonly PlanFact[]
}

/** A user's record of one point (a work_process_checks row). */
export interface ManualCheck {
  checkKey: string
  state: WorkProcessCheckState
  doneOn: string | null
  evidenceUrl: string | null
  note: string
  version: number
  updatedAt: Date
}

export type PointState = 'done' | 'open' | 'not_applicable'

export interface PointResult {
  key: PointKey
  step: StepKey
  auto: boolean
  state: PointState
  date: string | null
  /** The platform page or the document that shows it. */
  evidenceUrl: string | null
  /** Who decided the state: the platform's records, a user's check, or nobody yet. */
  source: 'platform' | 'manual' | null
  /** The user's check, when there is one (on an automatic point it is a note beside the platform's answer). */
  check?: ManualCheck
}

export type StepState = 'done' | 'in_progress' | 'not_started'

export interface StepResult {
  key: StepKey
  number: number
  state: StepState
  /** Applicable points done, of the applicable points. */
  done: number
  total: number
  points: PointResult[]
}

interface Found {
  date: string | null
  evidenceUrl: string
}

const dateOf = (d: Date | null) => (d ? formatIsoDate(d) : null)
const inForce = (p: PlanFact) => p.status === 'adopted' || p.status === 'published'

/**
 * The municipality's plans shared with this police area: owned by the municipality, with the LPO or
 * a unit above it as partner. An åtgärdsplan is the municipality's own under Lag 2023:196, so one
 * without a partner counts as well.
 */
export function plansOfPair(facts: PairFacts): PlanFact[] {
  return facts.plans.filter(
    (p) =>
      p.organisationId === facts.municipalityId &&
      (p.partnerOrganisationId ? facts.policeAreaChain.includes(p.partnerOrganisationId) : p.kind === 'action_plan'),
  )
}

/** The newest adopted lägesbild of the municipality (facts come newest first; sorted again to be sure). */
export function latestReport(facts: PairFacts): ReportFact | undefined {
  return [...facts.reports].filter((r) => r.organisationId === facts.municipalityId).sort((a, b) => b.adoptedOn.localeCompare(a.adoptedOn))[0]
}

const latestBy = <T>(rows: readonly T[], key: (r: T) => string | null): T | undefined => [...rows].sort((a, b) => (key(b) ?? '').localeCompare(key(a) ?? ''))[0]

/** Signed: every named signatory has a date, and there is at least one. The date is the last signature. */
const signedOn = (p: PlanFact): string | null => {
  if (p.signatories.length === 0 || p.signatories.some((s) => !s.signedOn)) return null
  return p.signatories
    .map((s) => s.signedOn!)
    .sort()
    .at(-1)!
}

/** The rule of each automatic point: found (with its date and the page that shows it), or not. */
export const AUTO_RULES: Partial<Record<PointKey, (facts: PairFacts) => Found | undefined>> = {
  'municipal-situation-report': (facts) => {
    const r = latestReport(facts)
    return r && { date: r.adoptedOn, evidenceUrl: `/situation-reports/${r.id}` }
  },
  'problems-prioritised': (facts) => {
    const r = latestReport(facts)
    return r && r.problemCount > 0 ? { date: r.adoptedOn, evidenceUrl: `/situation-reports/${r.id}` } : undefined
  },
  'cause-analysis': (facts) => {
    const r = latestReport(facts)
    return r && r.problemCount > 0 && r.analysedCount === r.problemCount ? { date: r.adoptedOn, evidenceUrl: `/situation-reports/${r.id}` } : undefined
  },
  'agreement-signed': (facts) => {
    const p = latestBy(
      plansOfPair(facts).filter((p) => p.kind === 'local_agreement' && inForce(p) && signedOn(p)),
      signedOn,
    )
    return p && { date: signedOn(p), evidenceUrl: `/plans/${p.id}` }
  },
  'action-plan-adopted': (facts) => {
    const p = latestBy(
      plansOfPair(facts).filter((p) => p.kind === 'action_plan' && inForce(p)),
      (p) => p.adoptedOn,
    )
    return p && { date: p.adoptedOn, evidenceUrl: `/plans/${p.id}` }
  },
  'citizen-promise-published': (facts) => {
    const p = latestBy(
      plansOfPair(facts).filter((p) => p.kind === 'citizen_promise' && p.status === 'published'),
      (p) => dateOf(p.publishedAt) ?? p.adoptedOn,
    )
    if (!p) return undefined
    return { date: dateOf(p.publishedAt) ?? p.adoptedOn, evidenceUrl: p.visibility === 'public' ? `/public/medborgarloften/${p.id}` : `/plans/${p.id}` }
  },
  'measures-documented': (facts) => {
    const p = latestBy(
      plansOfPair(facts).filter((p) => (p.kind === 'action_plan' || p.kind === 'citizen_promise') && inForce(p) && p.entryCount > 0),
      (p) => dateOf(p.lastEntryAt),
    )
    return p && { date: dateOf(p.lastEntryAt), evidenceUrl: `/plans/${p.id}` }
  },
  'reported-to-citizens': (facts) => {
    const p = latestBy(
      plansOfPair(facts).filter((p) => p.kind === 'citizen_promise' && p.status === 'published' && p.publishedSummaries > 0),
      (p) => dateOf(p.lastSummaryPublishedAt),
    )
    if (!p) return undefined
    return {
      date: dateOf(p.lastSummaryPublishedAt),
      evidenceUrl: p.visibility === 'public' ? `/public/medborgarloften/${p.id}` : `/plans/${p.id}/summaries`,
    }
  },
}

/**
 * One point: an automatic point the platform finds is done, with the platform's date and page, and a
 * user's check cannot undo it (the check is kept beside it as a note). Where the platform finds
 * nothing, a user's check decides, for automatic and manual points alike: work done outside the
 * platform can be recorded with its date and evidence.
 */
export function derivePoint(point: { key: PointKey; step: StepKey; auto: boolean }, facts: PairFacts, check: ManualCheck | undefined): PointResult {
  const base = { key: point.key, step: point.step, auto: point.auto, ...(check ? { check } : {}) }
  const found = point.auto ? AUTO_RULES[point.key]?.(facts) : undefined
  if (found) return { ...base, state: 'done', date: found.date, evidenceUrl: found.evidenceUrl, source: 'platform' }
  if (check) {
    return {
      ...base,
      state: check.state,
      date: check.state === 'done' ? check.doneOn : null,
      evidenceUrl: check.evidenceUrl,
      source: check.state === 'open' ? null : 'manual',
    }
  }
  return { ...base, state: 'open', date: null, evidenceUrl: null, source: null }
}

/** A step is done when all its applicable points are (a step whose points are all not applicable is done too). */
export function stepState(points: readonly PointResult[]): { state: StepState; done: number; total: number } {
  const applicable = points.filter((p) => p.state !== 'not_applicable')
  const done = applicable.filter((p) => p.state === 'done').length
  const state: StepState = done === applicable.length ? 'done' : done > 0 ? 'in_progress' : 'not_started'
  return { state, done, total: applicable.length }
}

/** The five steps of a pair with every point's state, date and evidence. */
export function derivePair(facts: PairFacts, checks: readonly ManualCheck[]): StepResult[] {
  const byKey = new Map(checks.map((c) => [c.checkKey, c]))
  return STEPS.map((step) => {
    const points = ALL_POINTS.filter((p) => p.step === step.key).map((p) => derivePoint(p, facts, byKey.get(p.key)))
    return { key: step.key, number: step.number, ...stepState(points), points }
  })
}
