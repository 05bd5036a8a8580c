import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import type { SignatureStatus } from './declarations.tables.ts'

/** A party's open record on the newest version of a declaration, or a county's tally. */
interface OpenRecord {
  id: string
  status: SignatureStatus
  /** organisations.kind: only a municipality prepares its decision with a tjänsteskrivelse here. */
  kind: string
  organisationId: string
  party: string
  collaboration: string
}
interface Tally {
  collaborationId: string
  collaboration: string
  signed: number
  total: number
}

/**
 * The home page's signature items (issue 6 E11): for each party the actor works for, the next step
 * of an unfinished decision; for a coordinator, how far the parties of each collaboration their
 * organisation owns have come.
 */
export async function signatureTodos(deps: Deps, actor: Actor): Promise<TodoItem[]> {
  const orgs = [...new Set(actor.roles.filter((r) => r.role !== 'admin').map((r) => r.organisationId))]
  const coordinatorOrgs = [...new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))]
  const admin = isAdmin(actor)
  if (orgs.length === 0 && !admin) return []
  const orgList = sql.join(
    orgs.map((o) => sql`${o}::uuid`),
    sql`, `,
  )
  const open =
    orgs.length === 0
      ? []
      : await queryRows<OpenRecord>(
          deps.db,
          sql`select ps.id, ps.status, o.kind, ps.organisation_id as "organisationId", o.name as party, c.short_name as collaboration
        from party_signatures ps
        join declaration_versions dv on dv.id = ps.declaration_version_id
        join collaborations c on c.id = dv.collaboration_id
        join organisations o on o.id = ps.organisation_id
        join collaboration_parties cp on cp.collaboration_id = c.id and cp.organisation_id = ps.organisation_id
        where ps.organisation_id in (${orgList}) and ps.status in ('invited', 'in_preparation', 'decided')
          and (cp.left_on is null or cp.left_on > current_date)
          and dv.version_no = (select max(version_no) from declaration_versions where collaboration_id = c.id)`,
        )
  // Only those who act for the party write its memo; a reader is sent to the record itself.
  const writesFor = (organisationId: string) =>
    actor.roles.some((r) => r.organisationId === organisationId && (r.role === 'editor' || r.role === 'coordinator'))
  const items: TodoItem[] = open.map((r) => ({
    group: 'signature',
    textKey: r.status === 'invited' && r.kind !== 'municipality' ? 'declarations.todo.invitedParty' : `declarations.todo.${r.status}`,
    params: { party: r.party, collaboration: r.collaboration },
    // The memo generator writes a municipality's tjänsteskrivelse; other parties go to their record.
    href: r.status !== 'decided' && r.kind === 'municipality' && writesFor(r.organisationId) ? `/signatures/${r.id}/memo` : `/signatures/${r.id}`,
    status: 'yellow',
    statusKey: `declarations.status.${r.status}`,
  }))
  // The county picture: a coordinator's own collaborations; the platform administrator sees them all.
  if (coordinatorOrgs.length || admin) {
    const owned = admin
      ? sql`true`
      : sql`c.organisation_id in (${sql.join(
          coordinatorOrgs.map((o) => sql`${o}::uuid`),
          sql`, `,
        )})`
    const tallies = await queryRows<Tally>(
      deps.db,
      sql`select c.id as "collaborationId", c.short_name as collaboration,
                 count(*) filter (where ps.status = 'signed')::int as signed, count(cp.id)::int as total
          from collaborations c
          join collaboration_parties cp on cp.collaboration_id = c.id and (cp.left_on is null or cp.left_on > current_date)
          left join declaration_versions dv on dv.collaboration_id = c.id and dv.version_no = (select max(version_no) from declaration_versions where collaboration_id = c.id)
          left join party_signatures ps on ps.declaration_version_id = dv.id and ps.organisation_id = cp.organisation_id
          where ${owned}
          group by c.id, c.short_name`,
    )
    for (const t of tallies) {
      items.push({
        group: 'county',
        textKey: 'declarations.todo.tally',
        params: { signed: t.signed, total: t.total, collaboration: t.collaboration },
        href: `/collaborations/${t.collaborationId}/signatures`,
        status: t.signed === t.total ? 'green' : 'grey',
        statusKey: 'declarations.todo.signatures',
      })
    }
  }
  return items
}
