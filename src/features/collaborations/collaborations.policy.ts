import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What the policies need to know about a collaboration. */
export interface CollaborationScope {
  /** The convening länsstyrelse that owns the collaboration record. */
  organisationId: string
  /** Organisation ids of the parties. */
  partyIds: readonly string[]
}

/**
 * Coordinator (Länsstyrelsen): everything in the collaboration. That is a coordinator role held at
 * the owning organisation — a coordinator of another county's länsstyrelse has no say here.
 */
export const canManageCollaboration = (actor: Actor | undefined, c: CollaborationScope): boolean =>
  actor?.via !== undefined && (isAdmin(actor) || hasRole(actor, 'coordinator', c.organisationId))

/** Partners read what is visible to partners: anyone holding a role at a party, and the managers. */
export const isPartner = (actor: Actor | undefined, c: CollaborationScope): boolean =>
  canManageCollaboration(actor, c) || !!actor?.roles.some((r) => c.partyIds.includes(r.organisationId))

/** Editors act for their own party only (its signature record, its people's seats, its attendance). */
export const canEditForParty = (actor: Actor | undefined, c: CollaborationScope, partyOrganisationId: string): boolean =>
  canManageCollaboration(actor, c) || (c.partyIds.includes(partyOrganisationId) && hasRole(actor, 'editor', partyOrganisationId))

export type Visibility = 'public' | 'partners' | 'organisation'

/** Whether a record with this visibility, owned by `ownerId`, may be shown to the actor. */
export const canSee = (actor: Actor | undefined, c: CollaborationScope, visibility: Visibility, ownerId: string): boolean =>
  visibility === 'public' ||
  (visibility === 'partners' && isPartner(actor, c)) ||
  (visibility === 'organisation' && (canManageCollaboration(actor, c) || !!actor?.roles.some((r) => r.organisationId === ownerId)))
