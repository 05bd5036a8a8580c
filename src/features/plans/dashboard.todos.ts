import { asc, inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import { collaborations as collaborationsTable } from '../collaborations/collaborations.tables.ts'
import { listParties } from '../collaborations/index.ts'
import { followUpCounts } from './dashboard.repo.ts'
import { todayInSweden } from './follow-up.service.ts'

/**
 * The county's follow-up on the home page (issue 8 §10): for each collaboration the actor manages (its
 * owner's coordinator; the admin every one), how many periods are overdue and at how many parties,
 * linking to the dashboard. Nothing when nothing is overdue.
 */
export async function countyFollowUpTodos(deps: Deps, actor: Actor, today = todayInSweden()): Promise<TodoItem[]> {
  if (actor.via !== 'session') return []
  const coordinatorOf = [...new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))]
  const admin = isAdmin(actor)
  if (coordinatorOf.length === 0 && !admin) return []
  const collaborations = await deps.db
    .select({ id: collaborationsTable.id, shortName: collaborationsTable.shortName })
    .from(collaborationsTable)
    .where(admin ? undefined : inArray(collaborationsTable.organisationId, coordinatorOf))
    .orderBy(asc(collaborationsTable.shortName))
  const items: TodoItem[] = []
  for (const c of collaborations) {
    const parties = await listParties(deps.db, c.id)
    const { parties: counts, total } = await followUpCounts(
      deps.db,
      parties.map((p) => p.organisationId),
      today,
    )
    if (total.overdue === 0) continue
    items.push({
      group: 'county',
      textKey: 'plans.dashboard.todo',
      params: { overdue: total.overdue, parties: [...counts.values()].filter((x) => x.overdue > 0).length, collaboration: c.shortName },
      href: `/collaborations/${c.id}/follow-up`,
      status: 'red',
      statusKey: 'followUp.state.overdue',
    })
  }
  return items
}
