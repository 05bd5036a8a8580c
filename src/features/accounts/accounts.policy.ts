import { type Actor, isAdmin, isCoordinator, type Role } from '../../platform/http/actor.ts'

/** Coordinators (Länsstyrelsen) manage the users of every party; editors and below manage none. */
export const canManageUsers = (actor: Actor | undefined): boolean => actor?.via === 'session' && isCoordinator(actor)

/** Only a system admin hands out the admin role. */
export const canGrantRole = (actor: Actor | undefined, role: Role): boolean => (role === 'admin' ? isAdmin(actor) : canManageUsers(actor))
