import { inArray, sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { followUpEntries } from './follow-up.tables.ts'
import { planItems } from './plans.tables.ts'
import type { PlanKind } from './plans.tables.ts'
import { getPartyPlans } from './plans.service.ts'

export interface PartyPlanHistory {
  /** The party's plans the actor may read that have been adopted, oldest first. */
  adopted: { id: string; kind: PlanKind; title: string; adoptedOn: string }[]
  /** Follow-up entries on those plans (adopted or not), by the year their period ends. */
  followUpsByYear: { year: number; entries: number }[]
}

/**
 * A party's plans over the years, for the evaluation's timeline (issue 10 §6): when each plan it owns
 * or shares (as the police area) was adopted, and how many follow-up entries were made each year —
 * only plans the actor may read (plans.policy.ts).
 */
export async function partyPlanHistory(deps: Deps, actor: Actor | undefined, organisationId: string): Promise<PartyPlanHistory> {
  const { plans } = await getPartyPlans(deps, actor, organisationId)
  const adopted = plans
    .filter((p) => p.adoptedOn)
    .map((p) => ({ id: p.id, kind: p.kind, title: p.title, adoptedOn: p.adoptedOn! }))
    .sort((a, b) => a.adoptedOn.localeCompare(b.adoptedOn))
  if (!plans.length) return { adopted, followUpsByYear: [] }
  const year = sql<number>`extract(year from ${followUpEntries.periodEnd})::int`
  const rows = await deps.db
    .select({ year, entries: sql<number>`count(*)::int` })
    .from(followUpEntries)
    .innerJoin(planItems, sql`${planItems.id} = ${followUpEntries.itemId}`)
    .where(
      inArray(
        planItems.planId,
        plans.map((p) => p.id),
      ),
    )
    .groupBy(year)
    .orderBy(year)
  return { adopted, followUpsByYear: rows.map((r) => ({ year: Number(r.year), entries: Number(r.entries) })) }
}
