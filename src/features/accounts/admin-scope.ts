import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { stockholmToday } from '../../platform/db/today.ts'
import type { Db } from '../../platform/db/types.ts'
import { type Actor, isAdmin, type Role } from '../../platform/http/actor.ts'
// Read-only: which parties a länsstyrelse's collaborations have. Imported as tables (like the
// organisations table elsewhere) because the collaborations feature's index imports the audit log,
// which imports this module: going through that index would make a cycle.
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

/**
 * What an actor administers (users, role grants, the audit log). A system admin: everything. A
 * coordinator at a länsstyrelse: that länsstyrelse, and the parties of the collaborations it owns —
 * the organisations the coordinator is responsible for. Nobody else administers anything.
 */
export type AdminScope =
  | { all: true }
  | {
      all: false
      /** The organisations in scope (the coordinator's own and the parties). */
      organisationIds: ReadonlySet<string>
      /** Where the actor is coordinator: the only länsstyrelser where they may give roles. */
      coordinatorOf: ReadonlySet<string>
    }

const NOTHING: AdminScope = { all: false, organisationIds: new Set(), coordinatorOf: new Set() }

/**
 * `formerParties` adds parties that have left: their history (audit events) still concerns the
 * collaboration, but a party that has left is no longer administered from it.
 *
 * Takes a `db` or a `tx`, not `(deps, ctx)`: the user services read the scope again inside their
 * write transaction (where only `tx` may be used), so the check and the write see the same data.
 */
export async function administrationScope(db: Db, actor: Actor | undefined, opts: { formerParties?: boolean } = {}): Promise<AdminScope> {
  if (!actor) return NOTHING
  if (isAdmin(actor)) return { all: true }
  const coordinatorOf = new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))
  if (coordinatorOf.size === 0) return NOTHING
  const owners = [...coordinatorOf]
  const parties = await db
    .selectDistinct({ organisationId: collaborationParties.organisationId })
    .from(collaborationParties)
    .innerJoin(collaborations, eq(collaborations.id, collaborationParties.collaborationId))
    .where(
      and(
        inArray(collaborations.organisationId, owners),
        opts.formerParties ? undefined : or(isNull(collaborationParties.leftOn), sql`${collaborationParties.leftOn} > ${stockholmToday}`),
      ),
    )
  return { all: false, organisationIds: new Set([...owners, ...parties.map((p) => p.organisationId)]), coordinatorOf }
}

export const inScope = (scope: AdminScope, organisationId: string | null | undefined): boolean =>
  scope.all || (!!organisationId && scope.organisationIds.has(organisationId))

/** The organisation ids to filter queries by, or undefined for "all". */
export const scopeFilter = (scope: AdminScope): string[] | undefined => (scope.all ? undefined : [...scope.organisationIds])

/** Roles by level: nobody gives a role above their own. */
const LEVEL: Record<Role, number> = { admin: 4, coordinator: 3, editor: 2, reporter: 1, viewer: 0 }

/**
 * Whether the actor may give (or take away) `role` at an organisation. Besides the scope: only an
 * admin gives admin; a coordinator never acts at another länsstyrelse; and (our rule, not the
 * programförklaring's) the coordinator role exists only at a länsstyrelse, where the county-wide
 * responsibility sits — a coordinator role at a municipality would make its holder an administrator.
 */
export async function mayGrant(db: Db, scope: AdminScope, organisationId: string, role: Role): Promise<boolean> {
  const [org] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId))
  if (!org) return false
  if (role === 'coordinator' && org.kind !== 'county_board') return false
  if (scope.all) return true
  if (LEVEL[role] > LEVEL.coordinator) return false
  if (!inScope(scope, organisationId)) return false
  return org.kind !== 'county_board' || scope.coordinatorOf.has(organisationId)
}

/** The roles an actor may hand out somewhere (for the forms); the organisation is checked on submit. */
export const grantableRoles = (actor: Actor): Role[] =>
  (['admin', 'coordinator', 'editor', 'reporter', 'viewer'] as Role[]).filter((r) => (isAdmin(actor) ? true : LEVEL[r] <= LEVEL.coordinator))
