import type { Deps } from '../../platform/deps.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import * as followUpRepo from './follow-up.repo.ts'
import type { EntryStatus } from './follow-up.tables.ts'
import { periodByKey } from './periods.ts'
import * as publicRepo from './public.repo.ts'
import type { Plan, PlanItem } from './plans.repo.ts'
import * as plansRepo from './plans.repo.ts'
import { overlaps } from './summaries.service.ts'

export type Summary = followUpRepo.Summary

/** A municipality and its public medborgarlöften, for the list page. */
export interface PublicMunicipality {
  organisationId: string
  name: string
  plans: Plan[]
}

/** Every public medborgarlöfte grouped per municipality (Swedish order), newest period first within each. */
export async function listPublicMunicipalities(deps: Deps): Promise<{ groups: PublicMunicipality[]; names: Map<string, string> }> {
  const all = await publicRepo.listPublicPromises(deps.db)
  const names = await plansRepo.organisationNames(deps.db, [...all.map((p) => p.organisationId), ...all.flatMap((p) => p.partnerOrganisationId ?? [])])
  const groups = new Map<string, PublicMunicipality>()
  for (const plan of all) {
    const g = groups.get(plan.organisationId) ?? { organisationId: plan.organisationId, name: names.get(plan.organisationId) ?? '', plans: [] }
    g.plans.push(plan)
    groups.set(plan.organisationId, g)
  }
  return { groups: [...groups.values()].sort((a, b) => compareSv(a.name, b.name)), names }
}

/**
 * The summaries that count towards "Utfall": the latest published revision of each period, tertials
 * first and a half-year only where no counted tertial overlaps it, so no month is counted twice.
 */
export function countedSummaries(published: readonly Summary[]): Summary[] {
  const latest = new Map<string, Summary>()
  for (const s of published) if (!latest.has(s.periodKey) || latest.get(s.periodKey)!.revision < s.revision) latest.set(s.periodKey, s)
  const byCadence = (c: string) => [...latest.values()].filter((s) => periodByKey(s.periodKey)?.cadence === c)
  const tertials = byCadence('tertial')
  const halves = byCadence('half_year').filter(
    (h) => !tertials.some((t) => overlaps({ start: t.periodStart, end: t.periodEnd }, { start: h.periodStart, end: h.periodEnd })),
  )
  return [...tertials, ...halves].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))
}

export interface PublicPromiseFigures {
  /** Sum of the published outputs; null when no published summary gives a figure. */
  delivered: number | null
  /** The status in the newest published summary that mentions the promise. */
  status: EntryStatus | null
}

/** What the published summaries say about each item — never the unpublished entries. */
export function publishedFigures(counted: readonly Summary[]): Map<string, PublicPromiseFigures> {
  const out = new Map<string, PublicPromiseFigures>()
  // Newest first, so the first status met is the latest.
  for (const s of counted) {
    for (const row of s.items) {
      const f = out.get(row.itemId) ?? { delivered: null, status: null }
      if (row.outputValue !== null) f.delivered = (f.delivered ?? 0) + row.outputValue
      f.status ??= row.status
      out.set(row.itemId, f)
    }
  }
  return out
}

export interface PublicPromisePage {
  plan: Plan
  names: Map<string, string>
  promises: PlanItem[]
  focusAreas: PlanItem[]
  figures: Map<string, PublicPromiseFigures>
  /** Every published revision, newest period and revision first. */
  summaries: Summary[]
  /** The municipality's other public medborgarlöften that began earlier. */
  history: Plan[]
}

/** One public medborgarlöfte; anything else (a draft, a plan kept to its parties, another kind) is a 404. @throws NotFoundError */
export async function getPublicPromise(deps: Deps, planId: string): Promise<PublicPromisePage> {
  const plan = await publicRepo.findPublicPromise(deps.db, planId)
  if (!plan) throw new NotFoundError()
  const items = await plansRepo.listItems(deps.db, plan.id)
  const published = await followUpRepo.listPublishedSummaries(deps.db, [plan.id])
  const summaries = [...published].sort(
    (a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart) || b.revision - a.revision,
  )
  const history = (await publicRepo.listPublicPromisesOf(deps.db, plan.organisationId)).filter((p) => p.id !== plan.id && p.periodStart < plan.periodStart)
  const names = await plansRepo.organisationNames(deps.db, [plan.organisationId, ...(plan.partnerOrganisationId ? [plan.partnerOrganisationId] : [])])
  const promises = items.filter((i) => i.kind === 'promise')
  return {
    plan,
    names,
    promises,
    focusAreas: items.filter((i) => i.kind === 'focus_area'),
    figures: publishedFigures(countedSummaries(published)),
    summaries,
    history,
  }
}

/** One entry of the feed: a published revision of a summary, with its plan. */
export interface FeedEntry {
  summary: Summary
  plan: Plan
  municipality: string
}

/** Every publication of every public medborgarlöfte, newest first (the Atom feed). */
export async function listPublications(deps: Deps, limit = 200): Promise<FeedEntry[]> {
  const plans = await publicRepo.listPublicPromises(deps.db)
  const byId = new Map(plans.map((p) => [p.id, p]))
  const names = await plansRepo.organisationNames(
    deps.db,
    plans.map((p) => p.organisationId),
  )
  const published = await followUpRepo.listPublishedSummaries(deps.db, [...byId.keys()])
  return published.slice(0, limit).map((summary) => {
    const plan = byId.get(summary.planId)!
    return { summary, plan, municipality: names.get(plan.organisationId) ?? '' }
  })
}
