import { addMonths, wholeMonthsBetween } from '../../platform/dates/iso-dates.ts'
import type { CoordinationFact } from '../municipal-models/index.ts'
import type { LocalPlanFact } from '../plans/index.ts'
import type { SituationReportFact } from '../situation-reports/index.ts'

/**
 * The Lag 2023:196 tracker (issue 10 §1), pure: from what the platform holds about a municipality,
 * the state of each obligation on a date, with a sentence and the next thing to do. The same
 * function gives today's matrix and the history by year (the state on 31 December).
 */

/** Lag (2023:196) entered into force on 1 July 2023 (`../shared/domain.md` §2). */
export const LAW_IN_FORCE = '2023-07-01'

export const OBLIGATIONS = ['situation_report', 'action_plan', 'coordination', 'agreement', 'promise'] as const
export type Obligation = (typeof OBLIGATIONS)[number]

/**
 * The first three are the law's (4 § lägesbild; the åtgärdsplan and the samordningsfunktion from the
 * government bill). The agreement with the police and the medborgarlöfte are how the collaboration
 * works with the police (Brå's method), not legal duties: they are never red.
 */
export const LEGAL: Record<Obligation, boolean> = {
  situation_report: true,
  action_plan: true,
  coordination: true,
  agreement: false,
  promise: false,
}

export type Colour = 'green' | 'yellow' | 'red'

export interface LawSettings {
  reviewIntervalMonths: number
  warnMonths: number
  actionPlanDeadline: string
  decidingBody: string
}

export const DEFAULT_SETTINGS: LawSettings = {
  reviewIntervalMonths: 24,
  warnMonths: 3,
  actionPlanDeadline: '2024-07-01',
  decidingBody: 'Kommunstyrelsen',
}

export interface MunicipalityFacts {
  organisationId: string
  reports: readonly SituationReportFact[]
  plans: readonly LocalPlanFact[]
  coordination: CoordinationFact | undefined
}

/** A translated sentence: the key, plain parameters, and ISO dates the view formats for the locale. */
export interface Phrase {
  key: string
  params?: Record<string, string | number>
  dates?: Record<string, string>
}

export interface ObligationStatus {
  obligation: Obligation
  colour: Colour
  sentence: Phrase
  /** What to do next, with where to do it; none when all is well. */
  next: (Phrase & { href: string }) | null
  /** The record the status rests on, to open. */
  evidence: { label?: string; labelKey?: string; href: string } | null
  /** A rule of ours, not the law's (shown as such). */
  ourRule: boolean
}

const K = 'lawTracker.status'

const adoptedOnOrBefore = (date: string | null, asOf: string) => date !== null && date <= asOf
const latest = <T>(rows: readonly T[], by: (r: T) => string): T | undefined => [...rows].sort((a, b) => (by(a) < by(b) ? 1 : by(a) > by(b) ? -1 : 0))[0]

/** A plan counts as decided from its adoption date (or its start, when only the status was recorded). */
const decidedOn = (p: LocalPlanFact) => p.adoptedOn ?? (p.status === 'draft' ? null : p.periodStart)

function adoptionParams(p: { adoptedBy: string | null; adoptedParagraph: string | null }) {
  return { body: p.adoptedBy ?? '–', paragraph: p.adoptedParagraph ? `§ ${p.adoptedParagraph.replace(/^§\s*/, '')}` : '' }
}

export function evaluateSituationReport(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus {
  const adopted = f.reports.filter((r) => r.status === 'adopted' && adoptedOnOrBefore(r.adoptedOn, asOf))
  const current = latest(adopted, (r) => r.adoptedOn ?? '')
  const draft = f.reports.find((r) => r.status === 'draft')
  const late = asOf >= s.actionPlanDeadline
  const base = { obligation: 'situation_report' as const, ourRule: false }
  if (!current) {
    return {
      ...base,
      colour: late ? 'red' : 'yellow',
      sentence: { key: draft ? `${K}.report.draftOnly` : `${K}.report.missing` },
      next: draft
        ? { key: `${K}.report.nextAdopt`, params: { body: s.decidingBody }, href: `/situation-reports/${draft.id}` }
        : { key: `${K}.report.nextCreate`, href: `/situation-reports/new?organisation=${f.organisationId}` },
      evidence: draft ? { label: draft.title, href: `/situation-reports/${draft.id}` } : null,
    }
  }
  const adoptedOn = current.adoptedOn as string
  const due = addMonths(adoptedOn, s.reviewIntervalMonths)
  const sentence: Phrase = {
    key: `${K}.report.adopted`,
    params: { ...adoptionParams(current), months: wholeMonthsBetween(adoptedOn, asOf), interval: s.reviewIntervalMonths },
    dates: { adoptedOn, due },
  }
  const evidence = { label: current.title, href: `/situation-reports/${current.id}` }
  const review = { key: `${K}.report.nextReview`, href: draft ? `/situation-reports/${draft.id}` : `/situation-reports/${current.id}` }
  if (due < asOf) return { ...base, colour: 'red', sentence: { ...sentence, key: `${K}.report.overdue` }, next: review, evidence }
  if (addMonths(due, -s.warnMonths) <= asOf) return { ...base, colour: 'yellow', sentence: { ...sentence, key: `${K}.report.dueSoon` }, next: review, evidence }
  return { ...base, colour: 'green', sentence, next: null, evidence }
}

export function evaluateActionPlan(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus {
  const plans = f.plans.filter((p) => p.kind === 'action_plan')
  const decided = plans.filter((p) => adoptedOnOrBefore(decidedOn(p), asOf))
  const current = latest(
    decided.filter((p) => p.periodEnd >= asOf),
    (p) => decidedOn(p) ?? '',
  )
  const base = { obligation: 'action_plan' as const, ourRule: false }
  const draft = plans.find((p) => p.status === 'draft')
  if (!current) {
    const expired = latest(decided, (p) => p.periodEnd)
    const late = asOf >= s.actionPlanDeadline
    const target = draft ?? expired
    return {
      ...base,
      colour: late ? 'red' : 'yellow',
      sentence: expired
        ? { key: `${K}.plan.expired`, dates: { periodEnd: expired.periodEnd } }
        : { key: draft ? `${K}.plan.draftOnly` : `${K}.plan.missing`, dates: { deadline: s.actionPlanDeadline } },
      next: target
        ? { key: `${K}.plan.nextDecide`, params: { body: s.decidingBody }, href: `/plans/${target.id}` }
        : { key: `${K}.plan.nextCreate`, href: `/organisations/${f.organisationId}/plans` },
      evidence: target ? { label: target.title, href: `/plans/${target.id}` } : null,
    }
  }
  const on = decidedOn(current) as string
  const evidence = { label: current.title, href: `/plans/${current.id}` }
  const sentence: Phrase = { key: `${K}.plan.adopted`, params: adoptionParams(current), dates: { adoptedOn: on, periodEnd: current.periodEnd } }
  // Ours: an åtgärdsplan rests on the lägesbild (prop. 2022/23:43), so a newer lägesbild calls for a look at the plan.
  const newerReport = f.reports.some((r) => r.status === 'adopted' && r.adoptedOn !== null && r.adoptedOn > on && r.adoptedOn <= asOf)
  if (newerReport) {
    return {
      ...base,
      ourRule: true,
      colour: 'yellow',
      sentence: { ...sentence, key: `${K}.plan.olderThanReport` },
      next: { key: `${K}.plan.nextRevise`, href: `/plans/${current.id}` },
      evidence,
    }
  }
  if (addMonths(current.periodEnd, -s.warnMonths) <= asOf) {
    return {
      ...base,
      colour: 'yellow',
      sentence: { ...sentence, key: `${K}.plan.endingSoon` },
      next: { key: `${K}.plan.nextRevise`, href: `/plans/${current.id}` },
      evidence,
    }
  }
  return { ...base, colour: 'green', sentence, next: null, evidence }
}

export function evaluateCoordination(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus {
  const c = f.coordination
  const base = { obligation: 'coordination' as const, ourRule: false }
  const href = `/organisations/${f.organisationId}/structure/edit`
  const evidence = { labelKey: 'lawTracker.evidence.structure', href: `/organisations/${f.organisationId}/structure` }
  const role = c?.role?.trim()
  if (!role || (c?.since && c.since > asOf)) {
    return {
      ...base,
      colour: asOf >= s.actionPlanDeadline ? 'red' : 'yellow',
      sentence: { key: `${K}.coordination.missing` },
      next: { key: `${K}.coordination.nextName`, href },
      evidence: c ? evidence : null,
    }
  }
  const params = { role, person: c?.person?.trim() ?? '' }
  const dates = c?.since ? { since: c.since } : undefined
  if (!params.person) {
    return {
      ...base,
      colour: 'yellow',
      sentence: { key: `${K}.coordination.noPerson`, params, dates },
      next: { key: `${K}.coordination.nextPerson`, href },
      evidence,
    }
  }
  return {
    ...base,
    colour: 'green',
    sentence: { key: dates ? `${K}.coordination.namedSince` : `${K}.coordination.named`, params, dates },
    next: null,
    evidence,
  }
}

/** The SÖ or the ML that holds on the date: decided, and its period around the date (an ML also published). */
function currentLocal(f: MunicipalityFacts, kind: 'local_agreement' | 'citizen_promise', asOf: string) {
  const rows = f.plans.filter((p) => p.kind === kind)
  const inForce = rows.filter((p) => p.status !== 'draft' && p.periodStart <= asOf && p.periodEnd >= asOf && adoptedOnOrBefore(decidedOn(p), asOf))
  return {
    rows,
    current: latest(inForce, (p) => p.periodStart),
    lastEnded: latest(
      rows.filter((p) => p.status !== 'draft' && p.periodEnd < asOf),
      (p) => p.periodEnd,
    ),
  }
}

export function evaluateAgreement(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus {
  const { rows, current, lastEnded } = currentLocal(f, 'local_agreement', asOf)
  const base = { obligation: 'agreement' as const, ourRule: false }
  if (!current) {
    const draft = rows.find((p) => p.status === 'draft')
    const target = draft ?? lastEnded
    return {
      ...base,
      colour: 'yellow',
      sentence: lastEnded
        ? { key: `${K}.agreement.expired`, dates: { periodEnd: lastEnded.periodEnd } }
        : { key: draft ? `${K}.agreement.draftOnly` : `${K}.agreement.missing` },
      next: target
        ? { key: `${K}.agreement.nextSign`, href: `/plans/${target.id}` }
        : { key: `${K}.agreement.nextCreate`, href: `/organisations/${f.organisationId}/plans` },
      evidence: target ? { label: target.title, href: `/plans/${target.id}` } : null,
    }
  }
  const evidence = { label: current.title, href: `/plans/${current.id}` }
  const sentence: Phrase = { key: `${K}.agreement.inForce`, dates: { periodStart: current.periodStart, periodEnd: current.periodEnd } }
  if (addMonths(current.periodEnd, -s.warnMonths) <= asOf) {
    return {
      ...base,
      colour: 'yellow',
      sentence: { ...sentence, key: `${K}.agreement.endingSoon` },
      next: { key: `${K}.agreement.nextRenew`, href: `/plans/${current.id}` },
      evidence,
    }
  }
  return { ...base, colour: 'green', sentence, next: null, evidence }
}

export function evaluatePromise(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus {
  const { rows, current, lastEnded } = currentLocal(f, 'citizen_promise', asOf)
  const base = { obligation: 'promise' as const, ourRule: false }
  if (!current) {
    const draft = rows.find((p) => p.status === 'draft')
    const target = draft ?? lastEnded
    return {
      ...base,
      colour: 'yellow',
      sentence: lastEnded
        ? { key: `${K}.promise.expired`, dates: { periodEnd: lastEnded.periodEnd } }
        : { key: draft ? `${K}.promise.draftOnly` : `${K}.promise.missing` },
      next: target
        ? { key: `${K}.promise.nextSign`, href: `/plans/${target.id}` }
        : { key: `${K}.promise.nextCreate`, href: `/organisations/${f.organisationId}/plans` },
      evidence: target ? { label: target.title, href: `/plans/${target.id}` } : null,
    }
  }
  const evidence = { label: current.title, href: `/plans/${current.id}` }
  const published = current.status === 'published' && current.publishedAt !== null && current.publishedAt.toISOString().slice(0, 10) <= asOf
  const dates = { periodStart: current.periodStart, periodEnd: current.periodEnd }
  if (!published) {
    return {
      ...base,
      colour: 'yellow',
      sentence: { key: `${K}.promise.notPublished`, dates },
      next: { key: `${K}.promise.nextPublish`, href: `/plans/${current.id}` },
      evidence,
    }
  }
  if (addMonths(current.periodEnd, -s.warnMonths) <= asOf) {
    return {
      ...base,
      colour: 'yellow',
      sentence: { key: `${K}.promise.endingSoon`, dates },
      next: { key: `${K}.promise.nextRenew`, href: `/plans/${current.id}` },
      evidence,
    }
  }
  return { ...base, colour: 'green', sentence: { key: `${K}.promise.published`, dates }, next: null, evidence }
}

const EVALUATORS: Record<Obligation, (f: MunicipalityFacts, s: LawSettings, asOf: string) => ObligationStatus> = {
  situation_report: evaluateSituationReport,
  action_plan: evaluateActionPlan,
  coordination: evaluateCoordination,
  agreement: evaluateAgreement,
  promise: evaluatePromise,
}

export function evaluateMunicipality(f: MunicipalityFacts, s: LawSettings, asOf: string): ObligationStatus[] {
  return OBLIGATIONS.map((o) => EVALUATORS[o](f, s, asOf))
}

/** The dates the history is read on: 31 December of each year since the law, and today for this year. */
export function historyDates(today: string): { year: number; asOf: string }[] {
  const first = Number(LAW_IN_FORCE.slice(0, 4))
  const last = Number(today.slice(0, 4))
  const out: { year: number; asOf: string }[] = []
  for (let y = first; y <= last; y++) out.push({ year: y, asOf: y === last ? today : `${y}-12-31` })
  return out
}
