import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import { summarise } from './compliance.evaluate.ts'
import { complianceReport } from './compliance.service.ts'

/**
 * The home page's commitment items (issue 6 E11): the unmet commitments of the actor's own party in
 * each collaboration, and for the owning county's coordinator how many cells are red and yellow.
 */
export async function commitmentTodos(deps: Deps, actor: Actor): Promise<TodoItem[]> {
  const orgs = [...new Set(actor.roles.filter((r) => r.role !== 'admin').map((r) => r.organisationId))]
  const admin = isAdmin(actor)
  if (orgs.length === 0 && !admin) return []
  // The platform administrator sees every collaboration's county picture.
  const mine = admin
    ? sql`true`
    : sql`cp.organisation_id in (${sql.join(
        orgs.map((o) => sql`${o}::uuid`),
        sql`, `,
      )}) or c.organisation_id in (${sql.join(
        orgs.map((o) => sql`${o}::uuid`),
        sql`, `,
      )})`
  const collaborations = await queryRows<{ id: string; ownerId: string }>(
    deps.db,
    sql`select distinct c.id, c.organisation_id as "ownerId" from collaborations c
        left join collaboration_parties cp on cp.collaboration_id = c.id and (cp.left_on is null or cp.left_on > current_date)
        where ${mine}`,
  )
  const items: TodoItem[] = []
  for (const c of collaborations) {
    const report = await complianceReport(deps, actor, c.id)
    const href = `/collaborations/${c.id}/compliance`
    const name = report.collaboration.shortName
    for (const party of report.parties.filter((p) => orgs.includes(p.organisationId))) {
      for (const r of party.rules.filter((x) => x.status === 'red' || x.status === 'yellow')) {
        items.push({
          group: 'commitments',
          textKey: 'compliance.todo.unmet',
          params: { party: party.name, collaboration: name, rule: `compliance.rules.${r.kind}.name` },
          translateParams: ['rule'],
          href,
          status: r.status === 'red' ? 'red' : 'yellow',
          statusKey: r.tagKey ?? `compliance.status.${r.status}`,
          sortKey: r.status === 'red' ? '0' : '1',
        })
      }
    }
    if (admin || hasRole(actor, 'coordinator', c.ownerId)) {
      const counts = summarise(report.parties)
      items.push({
        group: 'county',
        textKey: 'compliance.todo.county',
        params: { red: counts.red, yellow: counts.yellow, collaboration: name },
        href,
        status: counts.red ? 'red' : counts.yellow ? 'yellow' : 'green',
        statusKey: 'compliance.todo.commitments',
      })
    }
  }
  return items
}
