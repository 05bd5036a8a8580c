import type { Actor } from '../../platform/http/actor.ts'
import { type CollaborationScope, canManageCollaboration, isPartner } from '../collaborations/index.ts'

/**
 * The joint decision meeting and the joint signing are the convening owner's arrangements: its
 * coordinators (and the system admin) create them, change them and record the parties' answers.
 * Every partner reads them — the invitation is addressed to them. The public sees nothing.
 */
export const canReadJointEvents = (actor: Actor | undefined, c: CollaborationScope): boolean => isPartner(actor, c)

export const canManageJointEvents = (actor: Actor | undefined, c: CollaborationScope): boolean => canManageCollaboration(actor, c)
