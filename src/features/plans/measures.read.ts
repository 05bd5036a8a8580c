import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { type EntryStatus, followUpEntries } from './follow-up.tables.ts'
import { periodName } from './period-name.ts'
import { periodByKey } from './periods.ts'
import { canEditPlan, canReadPlan } from './plans.policy.ts'
import * as repo from './plans.repo.ts'
import { inCountyOf, loadItem, planAccess } from './plans.service.ts'
import { planItems, plans } from './plans.tables.ts'

/** A measure of an åtgärdsplan as other features show it: its plan, the owning party and how its follow-up stands. */
export interface MeasureSummary {
  id: string
  title: string
  planId: string
  planTitle: string
  organisationId: string
  organisationName: string
  /** The status of the latest follow-up entry (by period), or null when none is written yet. */
  latestStatus: EntryStatus | null
  latestPeriodKey: string | null
  /** The i18n message naming that period ("oktober 2026"), when the key is one we know. */
  latestPeriodName: { key: string; params: Record<string, string | number> } | null
  /** What that entry says happened and what it delivered ("how it went"). */
  latestNarrative: string | null
  latestOutputValue: number | null
  latestOutputUnit: string | null
  /** Whether the actor may edit the measure's plan. */
  canEdit: boolean
}

function nameOf(key: string | undefined) {
  const period = key ? periodByKey(key) : undefined
  return period ? periodName(period) : null
}

async function summarise(deps: Deps, actor: Actor | undefined, items: repo.PlanItem[], keep: 'read' | 'edit'): Promise<MeasureSummary[]> {
  if (items.length === 0) return []
  const planIds = [...new Set(items.map((i) => i.planId))]
  const owning = await deps.db.select().from(plans).where(inArray(plans.id, planIds))
  const allowed = new Map<string, { plan: repo.Plan; canEdit: boolean }>()
  const inCounty = new Map<string, boolean>()
  for (const plan of owning) {
    const access = await planAccess(deps.db, plan)
    if (!inCounty.has(plan.organisationId)) inCounty.set(plan.organisationId, await inCountyOf(deps.db, actor, plan.organisationId))
    const canEdit = canEditPlan(actor, access)
    const ok = keep === 'edit' ? canEdit : canReadPlan(actor, access, inCounty.get(plan.organisationId) ?? false)
    if (ok) allowed.set(plan.id, { plan, canEdit })
  }
  const kept = items.filter((i) => allowed.has(i.planId))
  if (kept.length === 0) return []
  const names = await repo.organisationNames(
    deps.db,
    [...allowed.values()].map((a) => a.plan.organisationId),
  )
  const entries = await deps.db
    .select({
      itemId: followUpEntries.itemId,
      status: followUpEntries.status,
      periodKey: followUpEntries.periodKey,
      narrative: followUpEntries.narrative,
      outputValue: followUpEntries.outputValue,
      outputUnit: followUpEntries.outputUnit,
    })
    .from(followUpEntries)
    .where(
      inArray(
        followUpEntries.itemId,
        kept.map((i) => i.id),
      ),
    )
    .orderBy(desc(followUpEntries.periodEnd))
  const latest = new Map<string, (typeof entries)[number]>()
  for (const e of entries) if (!latest.has(e.itemId)) latest.set(e.itemId, e)
  return kept.map((i) => {
    const { plan, canEdit } = allowed.get(i.planId)!
    return {
      id: i.id,
      title: i.title,
      planId: plan.id,
      planTitle: plan.title,
      organisationId: plan.organisationId,
      organisationName: names.get(plan.organisationId) ?? '',
      latestStatus: latest.get(i.id)?.status ?? null,
      latestPeriodKey: latest.get(i.id)?.periodKey ?? null,
      latestPeriodName: nameOf(latest.get(i.id)?.periodKey),
      latestNarrative: latest.get(i.id)?.narrative || null,
      latestOutputValue: latest.get(i.id)?.outputValue ?? null,
      latestOutputUnit: latest.get(i.id)?.outputUnit ?? null,
      canEdit,
    }
  })
}

/**
 * The measures among these item ids whose plan the actor may read (issue 10 §3: a method page shows
 * the measures that apply it, never one from a plan the viewer may not see). Read-only.
 */
export async function readableMeasures(deps: Deps, actor: Actor | undefined, itemIds: readonly string[]): Promise<MeasureSummary[]> {
  if (itemIds.length === 0) return []
  const items = await deps.db
    .select()
    .from(planItems)
    .where(and(inArray(planItems.id, [...itemIds]), eq(planItems.kind, 'measure')))
  return summarise(deps, actor, items, 'read')
}

/** The measures of the plans the actor may edit (their own parties' åtgärdsplaner). Read-only. */
export async function editableMeasures(deps: Deps, actor: Actor | undefined): Promise<MeasureSummary[]> {
  if (actor?.via !== 'session') return []
  const ids = await repo.organisationWithDescendants(deps.db, [...new Set(actor.roles.map((r) => r.organisationId))])
  const own = await repo.listPlansOfParty(deps.db, ids)
  if (own.length === 0) return []
  const items = await deps.db
    .select()
    .from(planItems)
    .where(
      and(
        inArray(
          planItems.planId,
          own.map((p) => p.id),
        ),
        eq(planItems.kind, 'measure'),
      ),
    )
  return summarise(deps, actor, items, 'edit')
}

/**
 * One row of a plan the actor may read, with its plan, the owner's name and whether the actor may edit
 * the plan (so another feature can show and change what belongs to the row). @throws NotFoundError
 */
export async function readablePlanItem(deps: Deps, actor: Actor | undefined, itemId: string) {
  const { item, plan, canEdit } = await loadItem(deps, actor, itemId)
  const names = await repo.organisationNames(deps.db, [plan.organisationId])
  return { item, plan, canEdit, ownerName: names.get(plan.organisationId) ?? '' }
}
