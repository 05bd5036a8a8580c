import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import * as repo from './follow-up.repo.ts'
import { isInForce, periodRows, todayInSweden } from './follow-up.service.ts'
import { periodName } from './period-name.ts'
import { canReportOn } from './plans.policy.ts'
import { listItemsOfPlans, listPlansOfParty, organisationWithAncestors, organisationWithDescendants } from './plans.repo.ts'
import { planAccess } from './plans.service.ts'
import { FOLLOWED_UP_KINDS } from './plans.tables.ts'

/**
 * The home page's follow-up items (issue 8 §10): for each activity, measure and promise the actor
 * reports on, the oldest period whose entry is due or overdue, and how many are missing in all.
 */
export async function followUpTodos(deps: Deps, actor: Actor, today = todayInSweden()): Promise<TodoItem[]> {
  if (actor.via !== 'session') return []
  const roleOrgs = [
    ...new Set(actor.roles.filter((r) => r.role === 'editor' || r.role === 'reporter' || r.role === 'coordinator').map((r) => r.organisationId)),
  ]
  if (roleOrgs.length === 0) return []
  const plans = (await listPlansOfParty(deps.db, await organisationWithDescendants(deps.db, roleOrgs))).filter(isInForce)
  const items = (
    await listItemsOfPlans(
      deps.db,
      plans.map((p) => p.id),
    )
  ).filter((i) => FOLLOWED_UP_KINDS.includes(i.kind))
  const entries = await repo.listEntries(
    deps.db,
    items.map((i) => i.id),
  )
  const access = new Map(await Promise.all(plans.map(async (p) => [p.id, await planAccess(deps.db, p)] as const)))
  const chains = new Map<string, string[]>()
  const chainOf = async (orgId: string) => {
    let chain = chains.get(orgId)
    if (!chain) chains.set(orgId, (chain = await organisationWithAncestors(deps.db, orgId)))
    return chain
  }
  // One line per item; a plan with several items waiting becomes one line for the plan, so a police
  // area with every municipality's plans gets a list it can read (issue 8 §10, ours: grouped per plan).
  const perItem = new Map<string, TodoItem[]>()
  for (const item of items) {
    const plan = plans.find((p) => p.id === item.planId)
    const planRules = access.get(item.planId)
    if (!plan || !planRules || !canReportOn(actor, planRules, await chainOf(item.responsibleOrganisationId ?? plan.organisationId))) continue
    const missing = periodRows(plan, item, entries, today).filter((r) => r.state === 'overdue' || r.state === 'due')
    if (missing.length === 0) continue
    const oldest = missing[missing.length - 1]
    const overdue = oldest.state === 'overdue'
    const list = perItem.get(plan.id) ?? []
    list.push({
      group: 'follow_up',
      textKey: missing.length > 1 ? 'followUp.todo.missingMany' : 'followUp.todo.missingOne',
      params: { item: item.title, plan: plan.title, due: oldest.due, count: missing.length },
      messageParams: { period: periodName(oldest.period) },
      href: `/plan-items/${item.id}/follow-up/${oldest.period.key}`,
      status: overdue ? 'red' : 'yellow',
      statusKey: overdue ? 'followUp.state.overdue' : 'followUp.state.due',
      sortKey: oldest.due,
    })
    perItem.set(plan.id, list)
  }
  const todos: TodoItem[] = []
  for (const [planId, list] of perItem) {
    if (list.length === 1) {
      todos.push(list[0])
      continue
    }
    const oldest = [...list].sort((a, b) => String(a.sortKey).localeCompare(String(b.sortKey)))[0]
    const overdue = list.some((i) => i.status === 'red')
    todos.push({
      group: 'follow_up',
      textKey: 'followUp.todo.planMany',
      params: { plan: String(oldest.params?.plan), due: String(oldest.sortKey), count: list.length },
      messageParams: oldest.messageParams,
      href: `/plans/${planId}`,
      status: overdue ? 'red' : 'yellow',
      statusKey: overdue ? 'followUp.state.overdue' : 'followUp.state.due',
      sortKey: oldest.sortKey,
    })
  }
  return todos
}
