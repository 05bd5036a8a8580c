import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { planItems, plans } from './plans.tables.ts'

/** A cause of a problem, as the åtgärdsplan numbers it ("Orsak 2"). */
export interface ProblemCause {
  id: string
  position: number
  title: string
  description: string
}

/** A `problem` row of a municipality's plan, with the plan it belongs to and its causes. */
export interface OrganisationProblem {
  id: string
  position: number
  title: string
  description: string
  plan: { id: string; title: string; kind: string; status: string; periodStart: string; periodEnd: string }
  causes: ProblemCause[]
}

/**
 * The problems of the plans a party owns (issue 9 §11: the lägesbild's prioritised problems are the
 * åtgärdsplan's problems), newest plan first, each with its causes (cause rows whose parent it is).
 * This reads rows only; who may see the lägesbild that names them is the caller's rule.
 */
export async function problemsOfOrganisation(deps: Deps, organisationId: string): Promise<OrganisationProblem[]> {
  const owned = await deps.db.select().from(plans).where(eq(plans.organisationId, organisationId))
  return problemsOfPlans(deps, owned)
}

/** The same for given problem rows (those a lägesbild chose), wherever their plan is. */
export async function problemsByIds(deps: Deps, problemIds: readonly string[]): Promise<OrganisationProblem[]> {
  if (problemIds.length === 0) return []
  const rows = await deps.db
    .select({ planId: planItems.planId })
    .from(planItems)
    .where(and(inArray(planItems.id, [...problemIds]), eq(planItems.kind, 'problem')))
  const planIds = [...new Set(rows.map((r) => r.planId))]
  if (planIds.length === 0) return []
  const owning = await deps.db.select().from(plans).where(inArray(plans.id, planIds))
  return (await problemsOfPlans(deps, owning)).filter((p) => problemIds.includes(p.id))
}

async function problemsOfPlans(deps: Deps, owned: (typeof plans.$inferSelect)[]): Promise<OrganisationProblem[]> {
  if (owned.length === 0) return []
  const byId = new Map(owned.map((p) => [p.id, p]))
  const items = await deps.db
    .select()
    .from(planItems)
    .where(and(inArray(planItems.planId, [...byId.keys()]), inArray(planItems.kind, ['problem', 'cause'])))
    .orderBy(asc(planItems.position), asc(planItems.createdAt))
  const problems = items.filter((i) => i.kind === 'problem')
  const sorted = problems.sort((a, b) => {
    const pa = byId.get(a.planId)!
    const pb = byId.get(b.planId)!
    return pb.periodStart.localeCompare(pa.periodStart) || pa.title.localeCompare(pb.title, 'sv') || a.position - b.position
  })
  return sorted.map((p) => {
    const plan = byId.get(p.planId)!
    return {
      id: p.id,
      position: p.position,
      title: p.title,
      description: p.description,
      plan: { id: plan.id, title: plan.title, kind: plan.kind, status: plan.status, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
      causes: items
        .filter((c) => c.kind === 'cause' && c.parentId === p.id)
        .map((c) => ({ id: c.id, position: c.position, title: c.title, description: c.description })),
    }
  })
}
