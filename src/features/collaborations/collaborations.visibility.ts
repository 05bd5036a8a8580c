/**
 * Who may see what inside a collaboration, as SQL. The pure predicates live in
 * collaborations.policy.ts; this module is their mirror for WHERE clauses, so a record the actor may
 * not see never leaves the database (visibility is enforced in the query, not only in the view).
 */
import { and, type AnyColumn, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import { collaborationParties, collaborations } from './collaborations.tables.ts'
import { stockholmToday } from '../../platform/db/today.ts'

/** What the queries need to know about the actor: the organisations they hold roles at. */
export interface Viewer {
  organisationIds: string[]
  /** Organisations where the actor is coordinator (they manage the collaborations owned there). */
  coordinatorOf: string[]
  admin: boolean
}

export const ANONYMOUS: Viewer = Object.freeze({ organisationIds: [], coordinatorOf: [], admin: false }) as Viewer

export function viewerOf(actor: Actor | undefined): Viewer {
  if (!actor) return ANONYMOUS
  return {
    organisationIds: [...new Set(actor.roles.map((r) => r.organisationId))],
    coordinatorOf: [...new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))],
    admin: isAdmin(actor),
  }
}

/** A party counts until the day it leaves; a party that leaves keeps its row (and its history). */
export const isCurrentParty = (leftOn: AnyColumn) => or(isNull(leftOn), sql`${leftOn} > ${stockholmToday}`)!

const anyOf = (column: AnyColumn, ids: string[]): SQL => (ids.length ? inArray(column, ids) : sql`false`)

// An alias, so the subquery works inside queries that read collaboration_parties themselves.
const viewerParty = alias(collaborationParties, 'viewer_party')

export interface VisibilityColumns {
  visibility: AnyColumn
  /** The record's owning organisation. */
  ownerId: AnyColumn
  collaborationId: AnyColumn
  /** The collaboration's owner (the convening länsstyrelse): its coordinators see everything. */
  collaborationOwnerId: AnyColumn
}

/**
 * SQL for `canSee(actor, scope, visibility, ownerId)`: public for all; partners for anyone with a
 * role at a current party; organisation for the owner; everything for the collaboration's managers.
 */
export function visibleTo(viewer: Viewer, c: VisibilityColumns): SQL {
  if (viewer.admin) return sql`true`
  const partner = viewer.organisationIds.length
    ? sql`exists (select 1 from ${collaborationParties} as ${sql.identifier('viewer_party')} where ${viewerParty.collaborationId} = ${c.collaborationId}
        and ${inArray(viewerParty.organisationId, viewer.organisationIds)} and ${isCurrentParty(viewerParty.leftOn)})`
    : sql`false`
  return or(
    eq(c.visibility, 'public'),
    anyOf(c.collaborationOwnerId, viewer.coordinatorOf),
    and(eq(c.visibility, 'partners'), partner),
    and(eq(c.visibility, 'organisation'), anyOf(c.ownerId, viewer.organisationIds)),
  )!
}

/** The collaboration record itself: it is its own owner and its own collaboration. */
export const collaborationVisibleTo = (viewer: Viewer) =>
  visibleTo(viewer, {
    visibility: collaborations.visibility,
    ownerId: collaborations.organisationId,
    collaborationId: collaborations.id,
    collaborationOwnerId: collaborations.organisationId,
  })
