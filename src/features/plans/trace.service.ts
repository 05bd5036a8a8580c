import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import * as followUpRepo from './follow-up.repo.ts'
import { type ItemFollowUp, itemFollowUp, todayInSweden } from './follow-up.service.ts'
import { canReadPlan } from './plans.policy.ts'
import * as repo from './plans.repo.ts'
import { inCountyOf, loadItem, planAccess } from './plans.service.ts'

export interface TracedItem {
  item: repo.PlanItem
  plan: repo.Plan
  followUp: ItemFollowUp
  /** Latest entries first, the last few periods. */
  entries: followUpRepo.Entry[]
}

export interface TraceCause {
  cause: repo.PlanItem
  measures: (TracedItem & { promises: TracedItem[] })[]
}

/**
 * Issue 8 §7: a prioritised problem followed through its causes, the measures that address them, the
 * promises that rest on those measures (in the party's medborgarlöften), and how each is followed up.
 * Rows of plans the actor may not read are left out. @throws NotFoundError
 */
export async function traceProblem(deps: Deps, actor: Actor | undefined, itemId: string, today = todayInSweden()) {
  const { item: problem, plan } = await loadItem(deps, actor, itemId)
  if (problem.kind !== 'problem') throw new NotFoundError()
  const causes = (await repo.listItems(deps.db, plan.id)).filter((i) => i.kind === 'cause' && i.parentId === problem.id)
  const causeLinks = await repo.listLinks(
    deps.db,
    causes.map((c) => c.id),
  )
  const plans = new Map<string, repo.Plan | null>([[plan.id, plan]])
  const readable = async (p: repo.PlanItem) => {
    if (!plans.has(p.planId)) {
      const other = await repo.findPlan(deps.db, p.planId)
      const ok = other && canReadPlan(actor, await planAccess(deps.db, other), await inCountyOf(deps.db, actor, other.organisationId))
      plans.set(p.planId, ok ? other : null)
    }
    return plans.get(p.planId) ?? undefined
  }
  const load = async (ids: string[], kind: repo.PlanItem['kind']) => {
    const out: repo.PlanItem[] = []
    for (const id of [...new Set(ids)]) {
      const i = await repo.findItem(deps.db, id)
      if (i?.kind === kind && (await readable(i))) out.push(i)
    }
    return out
  }
  const measures = await load(
    causeLinks.filter((l) => causes.some((c) => c.id === l.linkedItemId)).map((l) => l.itemId),
    'measure',
  )
  const measureLinks = await repo.listLinks(
    deps.db,
    measures.map((m) => m.id),
  )
  const promises = await load(
    measureLinks.filter((l) => measures.some((m) => m.id === l.linkedItemId)).map((l) => l.itemId),
    'promise',
  )
  const entries = await followUpRepo.listEntries(
    deps.db,
    [...measures, ...promises].map((i) => i.id),
  )
  const traced = (i: repo.PlanItem): TracedItem => {
    const p = plans.get(i.planId) as repo.Plan
    return { item: i, plan: p, followUp: itemFollowUp(p, i, entries, today), entries: entries.filter((e) => e.itemId === i.id).slice(0, 3) }
  }
  const tree: TraceCause[] = causes.map((cause) => ({
    cause,
    measures: measures
      .filter((m) => causeLinks.some((l) => l.itemId === m.id && l.linkedItemId === cause.id))
      .map((m) => ({
        ...traced(m),
        promises: promises.filter((pr) => measureLinks.some((l) => l.itemId === pr.id && l.linkedItemId === m.id)).map(traced),
      })),
  }))
  return { plan, problem, tree }
}
