/**
 * Who may convene and run a body's meetings, and who may justera its minutes: pure predicates on the
 * actor and the loaded records, unit-tested both ways (meetings.policy.test.ts).
 */
import { type Actor, hasRole } from '../../platform/http/actor.ts'
import { type CollaborationScope, canManageCollaboration } from '../collaborations/index.ts'

export interface ConveningScope extends CollaborationScope {
  /** The parties that convene the body (current parties only). */
  convenorIds: readonly string[]
}

/**
 * Convenors convene (issue 6 E13): the owner's coordinator, and an editor at a party that convenes
 * the body (the police for the styrgrupp in ÖTMB), create and run its meetings: agenda, invitations,
 * attendance, minutes and sending them for justering. An editor at any other party may not.
 */
export const canConvene = (actor: Actor | undefined, scope: ConveningScope): boolean =>
  canManageCollaboration(actor, scope) ||
  (actor?.via !== undefined && scope.convenorIds.some((id) => scope.partyIds.includes(id) && hasRole(actor, 'editor', id)))

/** A justerare's own account: the signed-in user whose e-mail address is the justerare's (people are not users). */
export const isJusterareAccount = (actor: Actor | undefined, justerare: { email: string | null }): boolean =>
  actor?.via === 'session' && !!justerare.email && actor.email.toLowerCase() === justerare.email.toLowerCase()
