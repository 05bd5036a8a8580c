import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What decides access to a support activity: the länsstyrelse that gave it and the municipality it was for. */
export interface ActivityAccess {
  /** The länsstyrelse (county board) that owns the row. */
  organisationId: string
  /** The supported municipality; null for county-wide activities. */
  municipalityId: string | null
}

/**
 * Support activities are Länsstyrelsen's own record of its work (förordning 2016:1258): its
 * coordinators (and the admin, who repairs data) write them. An API token never writes.
 */
export function canWriteActivities(actor: Actor | undefined, countyBoardId: string): boolean {
  if (actor?.via !== 'session') return false
  return isAdmin(actor) || hasRole(actor, 'coordinator', countyBoardId)
}

/**
 * Who reads an activity: the writers; and anyone with a role at the supported municipality, for the
 * activities held for that municipality (not the county-wide ones, nor other municipalities').
 * Everyone else does not see it (404).
 */
export function canReadActivity(actor: Actor | undefined, a: ActivityAccess): boolean {
  if (actor?.via !== 'session') return false
  if (canWriteActivities(actor, a.organisationId)) return true
  return a.municipalityId !== null && actor.roles.some((r) => r.organisationId === a.municipalityId)
}
