import type { Actor } from '../../platform/http/actor.ts'
import { type CollaborationScope, canEditForParty, canManageCollaboration, isPartner } from '../collaborations/index.ts'
import type { SeatViewer } from './seats.repo.ts'

/**
 * A seat may be changed by the collaboration's coordinator, or by an editor when both the party the
 * seat represents and the person sitting in it belong to the editor's own organisation: an editor
 * manages their own people, never another party's. Holding a seat grants no access of its own.
 */
export const canEditSeat = (actor: Actor | undefined, scope: CollaborationScope, seat: { organisationId: string; personOrganisationId: string }): boolean =>
  canEditForParty(actor, scope, seat.organisationId) && canEditForParty(actor, scope, seat.personOrganisationId)

/** Whether to offer "add a seat" / "add a person" at all: a manager, or an editor of some party. */
export const canAddForSomeParty = (actor: Actor | undefined, scope: CollaborationScope): boolean =>
  canManageCollaboration(actor, scope) || scope.partyIds.some((id) => canEditForParty(actor, scope, id))

/** The parties an actor may act for in this collaboration (all of them for a manager). */
export const editableParties = (actor: Actor | undefined, scope: CollaborationScope): string[] =>
  scope.partyIds.filter((id) => canEditForParty(actor, scope, id))

/** Which seat visibilities this actor sees (the repository turns it into a WHERE clause). */
export const seatViewer = (actor: Actor | undefined, scope: CollaborationScope): SeatViewer => ({
  manager: canManageCollaboration(actor, scope),
  partner: isPartner(actor, scope),
  organisationIds: actor?.roles.map((r) => r.organisationId) ?? [],
})
