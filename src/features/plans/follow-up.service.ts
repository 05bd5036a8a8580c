import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import * as repo from './follow-up.repo.ts'
import type { EntryInput } from './follow-up.schemas.ts'
import { type Period, type PeriodState, dueDate, expectedPeriods, isLate, periodByKey, periodState } from './periods.ts'
import type { Plan, PlanItem } from './plans.repo.ts'
import { loadItem } from './plans.service.ts'

/** Today as a Swedish calendar date: a period ends at midnight in Sweden, not in UTC. */
export const todayInSweden = (now = new Date()) => formatIsoDate(now)

/** The first and last day an item is followed up: its own dates within the plan's period. */
export function itemSpan(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, item: Pick<PlanItem, 'startsOn' | 'endsOn'>) {
  const start = item.startsOn && item.startsOn > plan.periodStart ? item.startsOn : plan.periodStart
  const end = item.endsOn && item.endsOn < plan.periodEnd ? item.endsOn : plan.periodEnd
  return { start, end }
}

export interface PeriodRow {
  period: Period
  state: PeriodState
  due: string
  entry?: repo.Entry
}

/**
 * Every period of an item up to today's, newest first, with its entry and state. Once the latest
 * entry says "klar", nothing more is asked: the periods after it are left out (ours: a one-off
 * measure that is done has nothing left to report).
 */
export function periodRows(plan: Plan, item: PlanItem, entries: readonly repo.Entry[], today: string): PeriodRow[] {
  const { start, end } = itemSpan(plan, item)
  const own = entries.filter((e) => e.itemId === item.id)
  const byKey = new Map(own.map((e) => [e.periodKey, e]))
  const latest = own.reduce<repo.Entry | undefined>((a, e) => (!a || e.periodEnd > a.periodEnd ? e : a), undefined)
  const last = latest?.status === 'done' && latest.periodEnd < end ? latest.periodEnd : end
  return expectedPeriods(item.cadence, start, last, today)
    .map((period) => {
      const entry = byKey.get(period.key)
      return { period, entry, due: dueDate(period, plan.dueDays), state: periodState(period, plan.dueDays, today, entry) }
    })
    .reverse()
}

/** Follow-up is asked of plans in force: adopted or published, not drafts. */
export const isInForce = (plan: Pick<Plan, 'status'>) => plan.status !== 'draft'

/** An item's follow-up page: its periods and entries. @throws NotFoundError */
export async function getItemFollowUp(deps: Deps, actor: Actor | undefined, itemId: string, today = todayInSweden()) {
  const ctx = await loadItem(deps, actor, itemId)
  const entries = await repo.listEntries(deps.db, [itemId])
  return { ...ctx, rows: periodRows(ctx.plan, ctx.item, entries, today) }
}

/**
 * The entry form of one period: only a period of the item's cadence that has begun, within the item's
 * span. Others are a 404 (there is nothing to report for them). @throws NotFoundError, ForbiddenError
 */
export async function getEntryContext(deps: Deps, actor: Actor | undefined, itemId: string, periodKey: string, today = todayInSweden()) {
  const ctx = await loadItem(deps, actor, itemId)
  if (!ctx.canReport) throw new ForbiddenError()
  const period = periodByKey(periodKey)
  const { start, end } = itemSpan(ctx.plan, ctx.item)
  if (!period || period.cadence !== ctx.item.cadence || period.end < start || period.start > end || period.start > today) throw new NotFoundError()
  const entry = await repo.findEntry(deps.db, itemId, periodKey)
  return { ...ctx, period, entry, due: dueDate(period, ctx.plan.dueDays) }
}

/** The stored values of an entry as the form gives them (the import writes entries with the same rules). */
export const entryValues = (input: EntryInput, item: Pick<PlanItem, 'targetUnit'>) => ({
  status: input.status,
  narrative: input.narrative ?? '',
  outputValue: input.outputValue ?? null,
  outputUnit: input.outputValue === undefined ? null : (item.targetUnit ?? input.outputUnit ?? null),
  minutesSpent: input.hours === undefined ? null : Math.round(input.hours * 60),
  // "Klar" is 100 % unless the author says otherwise.
  progressPercent: input.progressPercent ?? (input.status === 'done' ? 100 : null),
})

/**
 * Writes a period's entry. The first save creates it (and marks it late when it comes after the due
 * date); a save with the version the form was opened with updates it. A save that was overtaken — the
 * entry was written or changed meanwhile — overwrites nothing: StaleVersionError carries what is stored.
 * @throws NotFoundError, ForbiddenError, StaleVersionError
 */
export async function saveEntry(deps: Deps, ctx: Ctx, itemId: string, periodKey: string, input: EntryInput, now = new Date()): Promise<repo.Entry> {
  const today = todayInSweden(now)
  const { item, plan, period } = await getEntryContext(deps, ctx.actor, itemId, periodKey, today)
  return deps.db.transaction(async (tx) => {
    const values = entryValues(input, item)
    const existing = await repo.findEntry(tx, itemId, periodKey)
    if (input.version === undefined) {
      if (existing) throw new StaleVersionError(existing)
      const created = await repo.insertEntry(tx, {
        ...values,
        itemId,
        periodKey,
        periodStart: period.start,
        periodEnd: period.end,
        authorUserId: ctx.actor.userId,
        authorName: ctx.actor.name,
        organisationId: ctx.actor.organisationId,
        submittedAt: now,
        late: isLate(period, plan.dueDays, today),
      })
      if (!created) throw new StaleVersionError(await repo.findEntry(tx, itemId, periodKey))
      // The dashboard's sums change with the entry, in the same transaction.
      await repo.refreshFollowUpStates(tx, plan.id, itemId, period)
      await audit(tx, ctx, {
        action: 'follow_up.entry_created',
        entityType: 'follow_up_entry',
        entityId: created.id,
        organisationId: plan.organisationId,
        after: created,
      })
      return created
    }
    if (!existing) throw new NotFoundError()
    const after = await repo.updateEntry(tx, existing.id, input.version, { ...values, authorUserId: ctx.actor.userId, authorName: ctx.actor.name })
    if (!after) throw new StaleVersionError(existing)
    await repo.refreshFollowUpStates(tx, plan.id, itemId, period)
    await audit(tx, ctx, {
      action: 'follow_up.entry_updated',
      entityType: 'follow_up_entry',
      entityId: after.id,
      organisationId: plan.organisationId,
      before: existing,
      after,
    })
    return after
  })
}

/** How an item's follow-up stands, for the plan page and the dashboard. */
export interface ItemFollowUp {
  latest?: repo.Entry
  /** Periods ended without an entry (due or overdue), newest first. */
  missing: PeriodRow[]
  /** The period to report next: the oldest missing one, else the running one. */
  next?: PeriodRow
  /** Sum of the outputs over the item's entries (what was delivered against the target). */
  delivered: number | null
  /** The latest figure given (activities), or 100 when the item is done. */
  progress: number | null
}

export function itemFollowUp(plan: Plan, item: PlanItem, entries: readonly repo.Entry[], today: string): ItemFollowUp {
  const own = entries.filter((e) => e.itemId === item.id)
  const rows = periodRows(plan, item, own, today)
  const missing = rows.filter((r) => r.state === 'due' || r.state === 'overdue')
  const latest = own.reduce<repo.Entry | undefined>((a, e) => (!a || e.periodEnd > a.periodEnd ? e : a), undefined)
  const outputs = own.filter((e) => e.outputValue !== null)
  const withProgress = own.filter((e) => e.progressPercent !== null).sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))
  return {
    latest,
    missing,
    next: missing.at(-1) ?? rows.find((r) => r.state === 'open'),
    delivered: outputs.length ? outputs.reduce((s, e) => s + (e.outputValue ?? 0), 0) : null,
    progress: withProgress[0]?.progressPercent ?? (latest?.status === 'done' ? 100 : null),
  }
}
