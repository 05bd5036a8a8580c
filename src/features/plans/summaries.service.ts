import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import * as repo from './follow-up.repo.ts'
import { todayInSweden } from './follow-up.service.ts'
import type { SummaryItem } from './follow-up.tables.ts'
import { type Period, periodByKey, periodsBetween, within } from './periods.ts'
import type { Plan, PlanItem } from './plans.repo.ts'
import * as plansRepo from './plans.repo.ts'
import { loadEditablePlan, loadPlan } from './plans.service.ts'
import { type Cadence, FOLLOWED_UP_KINDS } from './plans.tables.ts'
import type { PublishInput, SummaryInput } from './summaries.schemas.ts'

/** Issue 8 §9: summaries are written per tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec) and per half-year. */
export const SUMMARY_CADENCES: readonly Cadence[] = ['tertial', 'half_year']

export const overlaps = (a: Pick<Period, 'start' | 'end'>, b: Pick<Period, 'start' | 'end'>) => a.start <= b.end && b.start <= a.end

/** The tertials and half-years of a plan that have begun, newest first (tertials before the half-year ending with them). */
export function summaryPeriods(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, today: string): Period[] {
  const last = today < plan.periodEnd ? today : plan.periodEnd
  return SUMMARY_CADENCES.flatMap((c) => periodsBetween(c, plan.periodStart, last)).sort((a, b) => b.end.localeCompare(a.end) || b.start.localeCompare(a.start))
}

/** The period a key names, when the plan can be summarised for it: a tertial or half-year of the plan that has begun. @throws NotFoundError */
export function summaryPeriod(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, key: string, today: string): Period {
  const period = periodByKey(key)
  if (!period || !SUMMARY_CADENCES.includes(period.cadence)) throw new NotFoundError()
  if (!overlaps(period, { start: plan.periodStart, end: plan.periodEnd }) || period.start > today) throw new NotFoundError()
  return period
}

/** The unit an item's output is counted in: its target's, else what the entries said. */
const unitOf = (item: PlanItem, fallback: string | null) => item.targetUnit ?? fallback

/**
 * The automatic draft (issue 8 §9): per followed-up item, from the entries whose period lies within
 * the summary's — the latest status, the narratives joined oldest first, the outputs summed with
 * their unit. An item without entries keeps its row (empty), so the editor can say why.
 */
export function draftItems(items: readonly PlanItem[], entries: readonly repo.Entry[], period: Period): SummaryItem[] {
  return items
    .filter((i) => FOLLOWED_UP_KINDS.includes(i.kind))
    .map((item) => {
      const own = entries.filter((e) => e.itemId === item.id && within({ start: e.periodStart, end: e.periodEnd }, period))
      own.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
      const outputs = own.filter((e) => e.outputValue !== null)
      return {
        itemId: item.id,
        status: own.at(-1)?.status ?? null,
        text: own
          .map((e) => e.narrative.trim())
          .filter(Boolean)
          .join('\n\n'),
        outputValue: outputs.length ? outputs.reduce((s, e) => s + (e.outputValue ?? 0), 0) : null,
        outputUnit: outputs.length ? unitOf(item, outputs.find((e) => e.outputUnit)?.outputUnit ?? null) : unitOf(item, null),
      }
    })
}

/** The summaries page of a plan: every period that can be summarised, with its revisions. @throws NotFoundError */
export async function getSummaries(deps: Deps, actor: Actor | undefined, planId: string, today = todayInSweden()) {
  const ctx = await loadPlan(deps, actor, planId)
  const summaries = await repo.listSummaries(deps.db, planId)
  const periods = summaryPeriods(ctx.plan, today)
  // A summary of a period that no longer lies within the plan (its dates were changed) is still listed.
  for (const s of summaries) {
    if (!periods.some((p) => p.key === s.periodKey)) {
      const p = periodByKey(s.periodKey)
      if (p) periods.push(p)
    }
  }
  return { ...ctx, periods, summaries }
}

export interface SummaryFormContext {
  plan: Plan
  period: Period
  items: PlanItem[]
  /** The newest stored revision of the period, if any. */
  latest?: repo.Summary
  /** The published revisions of the period, newest first. */
  published: repo.Summary[]
  /** What the form shows: the draft being edited, or a new revision's starting point. */
  revision: number
  version?: number
  introduction: string
  rows: SummaryItem[]
}

/**
 * The edit form of a period's summary (writers only). A draft is edited as it is; after a publication
 * the form starts the next revision from the published text; with no summary yet — or when asked to
 * (`redraft`) — it starts from the automatic draft. Nothing is stored until the form is saved.
 * @throws NotFoundError, ForbiddenError
 */
export async function getSummaryForm(
  deps: Deps,
  actor: Actor | undefined,
  planId: string,
  periodKey: string,
  opts: { redraft?: boolean; today?: string } = {},
): Promise<SummaryFormContext> {
  const { plan } = await loadEditablePlan(deps, actor, planId)
  const period = summaryPeriod(plan, periodKey, opts.today ?? todayInSweden())
  const items = (await plansRepo.listItems(deps.db, planId)).filter((i) => FOLLOWED_UP_KINDS.includes(i.kind))
  const all = (await repo.listSummaries(deps.db, planId)).filter((s) => s.periodKey === period.key)
  const latest = all[0]
  const published = all.filter((s) => s.status === 'published')
  const isDraft = latest?.status === 'draft'
  const base = {
    plan,
    period,
    items,
    latest,
    published,
    revision: isDraft ? latest.revision : (latest?.revision ?? 0) + 1,
    version: isDraft ? latest.version : undefined,
  }
  if (latest && !opts.redraft) return { ...base, introduction: latest.introduction, rows: withNewItems(latest.items, items) }
  const entries = await repo.listEntries(
    deps.db,
    items.map((i) => i.id),
  )
  return { ...base, introduction: latest?.introduction ?? '', rows: draftItems(items, entries, period) }
}

/** A stored summary's rows, plus empty rows for items added to the plan since (removed items keep their row). */
function withNewItems(rows: readonly SummaryItem[], items: readonly PlanItem[]): SummaryItem[] {
  const known = new Set(rows.map((r) => r.itemId))
  return [...rows, ...items.filter((i) => !known.has(i.id)).map((i) => ({ itemId: i.id, status: null, text: '', outputValue: null, outputUnit: i.targetUnit }))]
}

/** The rows as stored: only the plan's own items, once each, counted in the item's unit when it has one. */
function cleanRows(rows: readonly SummaryItem[], items: readonly PlanItem[]): SummaryItem[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const seen = new Set<string>()
  return rows.flatMap((r) => {
    const item = byId.get(r.itemId)
    if (!item || seen.has(r.itemId)) return []
    seen.add(r.itemId)
    return [{ ...r, outputUnit: r.outputValue === null ? null : unitOf(item, r.outputUnit) }]
  })
}

/**
 * Saves a period's summary draft. Without a version the form starts a revision: the first, or the one
 * after the latest publication (a published summary is final, in the database too). With a version it
 * changes the draft it was opened on. Anything that happened meanwhile — another draft started, the
 * draft changed or published — overwrites nothing: StaleVersionError carries what is stored.
 * @throws NotFoundError, ForbiddenError, StaleVersionError
 */
export async function saveSummary(deps: Deps, ctx: Ctx, planId: string, periodKey: string, input: SummaryInput, now = new Date()): Promise<repo.Summary> {
  const { plan } = await loadEditablePlan(deps, ctx.actor, planId)
  const period = summaryPeriod(plan, periodKey, todayInSweden(now))
  const items = (await plansRepo.listItems(deps.db, planId)).filter((i) => FOLLOWED_UP_KINDS.includes(i.kind))
  const values = { introduction: input.introduction, items: cleanRows(input.items, items) }
  return deps.db.transaction(async (tx) => {
    const latest = await repo.latestSummary(tx, planId, period.key)
    if (input.version === undefined) {
      const expected = (latest?.revision ?? 0) + 1
      if (latest?.status === 'draft' || input.revision !== expected) throw new StaleVersionError(latest)
      const created = await repo.insertSummary(tx, {
        ...values,
        planId,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        revision: expected,
        isExample: plan.isExample,
      })
      if (!created) throw new StaleVersionError(await repo.latestSummary(tx, planId, period.key))
      await audit(tx, ctx, {
        action: 'follow_up.summary_created',
        entityType: 'follow_up_summary',
        entityId: created.id,
        organisationId: plan.organisationId,
        after: created,
      })
      return created
    }
    if (latest?.status !== 'draft' || latest.revision !== input.revision) throw new StaleVersionError(latest)
    const after = await repo.updateSummary(tx, latest.id, input.version, values)
    if (!after) throw new StaleVersionError(latest)
    await audit(tx, ctx, {
      action: 'follow_up.summary_updated',
      entityType: 'follow_up_summary',
      entityId: after.id,
      organisationId: plan.organisationId,
      before: latest,
      after,
    })
    return after
  })
}

/**
 * Publishes the draft the user saw (its revision and version). From then on it is what the public
 * page says for the period; a change afterwards is the next revision. @throws NotFoundError,
 * ForbiddenError, StaleVersionError
 */
export async function publishSummary(deps: Deps, ctx: Ctx, planId: string, periodKey: string, input: PublishInput, now = new Date()): Promise<repo.Summary> {
  const { plan } = await loadEditablePlan(deps, ctx.actor, planId)
  const period = summaryPeriod(plan, periodKey, todayInSweden(now))
  return deps.db.transaction(async (tx) => {
    const latest = await repo.latestSummary(tx, planId, period.key)
    if (!latest) throw new NotFoundError()
    if (latest.status !== 'draft' || latest.revision !== input.revision) throw new StaleVersionError(latest)
    const after = await repo.updateSummary(tx, latest.id, input.version, { status: 'published', publishedAt: now, publishedBy: ctx.actor.name })
    if (!after) throw new StaleVersionError(latest)
    await audit(tx, ctx, {
      action: 'follow_up.summary_published',
      entityType: 'follow_up_summary',
      entityId: after.id,
      organisationId: plan.organisationId,
      before: latest,
      after,
    })
    return after
  })
}
