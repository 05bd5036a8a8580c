import type { ComponentChildren } from 'preact'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Plan, PlanItem } from './plans.repo.ts'

/**
 * What another feature shows with the rows of a plan, without plans importing that feature: the
 * methods library (issue 10 §3) reads plans through plans' index, so plans calling back into it would
 * make an import cycle. The other feature registers its extras at start; plans' pages render them.
 */
export interface PlanItemExtras {
  /** Short content per row of the plan page (e.g. the methods a measure applies), by item id. */
  onPlan?: (actor: Actor | undefined, plan: Plan, items: readonly PlanItem[]) => Promise<Map<string, ComponentChildren>>
  /** A section at the end of one row's page and of a problem's trace page. */
  onItem?: (actor: Actor | undefined, plan: Plan, item: PlanItem, canEdit: boolean) => Promise<ComponentChildren>
}

// Per app (one Deps each), so test apps do not see each other's registrations.
const registered = new WeakMap<Deps, PlanItemExtras[]>()

export function addPlanItemExtras(deps: Deps, extras: PlanItemExtras) {
  registered.set(deps, [...(registered.get(deps) ?? []), extras])
}

/** Every registered feature's content per row of the plan page. */
export async function planPageExtras(deps: Deps, actor: Actor | undefined, plan: Plan, items: readonly PlanItem[]) {
  const out = new Map<string, ComponentChildren[]>()
  for (const e of registered.get(deps) ?? []) {
    if (!e.onPlan) continue
    for (const [id, content] of await e.onPlan(actor, plan, items)) out.set(id, [...(out.get(id) ?? []), content])
  }
  return out
}

/** Every registered feature's sections for one row's page. */
export async function itemPageExtras(deps: Deps, actor: Actor | undefined, plan: Plan, item: PlanItem, canEdit: boolean): Promise<ComponentChildren[]> {
  const out: ComponentChildren[] = []
  for (const e of registered.get(deps) ?? []) if (e.onItem) out.push(await e.onItem(actor, plan, item, canEdit))
  return out
}
