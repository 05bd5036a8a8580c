import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'
import type { MethodStatus } from './methods.tables.ts'

/** Where the actor stands towards the library (loaded once by the service; the predicates stay pure). */
export interface MethodScope {
  /** Counties whose länsstyrelse (a county_board) the actor is a coordinator of. */
  coordinatorOf: readonly string[]
  /** Municipalities where the actor is an editor or coordinator: the parties they propose and report use for. */
  municipalities: readonly string[]
}

export interface MethodAccess {
  status: MethodStatus
  organisationId: string
}

/** Länsstyrelsen curates the library (issue 10 §3): its coordinators, and the admin who repairs data. Browser sessions only. */
export function isCurator(actor: Actor | undefined, scope: MethodScope): boolean {
  if (actor?.via !== 'session') return false
  return isAdmin(actor) || scope.coordinatorOf.length > 0
}

/**
 * A curated method is public knowledge; a proposed or declined one is seen by the curators and by
 * the users of the party that proposed it, nobody else.
 */
export function canReadMethod(actor: Actor | undefined, m: MethodAccess, scope: MethodScope): boolean {
  if (m.status === 'curated') return true
  if (!actor) return false
  if (isAdmin(actor) || scope.coordinatorOf.length > 0) return true
  return actor.roles.some((r) => r.organisationId === m.organisationId)
}

/** A municipality's editors (and its coordinators) propose methods; curators add them directly. */
export function canPropose(actor: Actor | undefined, scope: MethodScope): boolean {
  if (actor?.via !== 'session') return false
  return isCurator(actor, scope) || scope.municipalities.length > 0
}

/** Curators edit any method; the proposing party's editors theirs while it is still a proposal. */
export function canEditMethod(actor: Actor | undefined, m: MethodAccess, scope: MethodScope): boolean {
  if (actor?.via !== 'session') return false
  if (isCurator(actor, scope)) return true
  if (m.status !== 'proposed') return false
  return hasRole(actor, 'editor', m.organisationId) || hasRole(actor, 'coordinator', m.organisationId)
}

/**
 * Who says a municipality uses a method: the municipality's own editors, and the coordinators of its
 * county (and the admin).
 */
export function canManageContact(actor: Actor | undefined, org: { id: string; countyCode: string | null }, scope: MethodScope): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (scope.municipalities.includes(org.id)) return true
  return !!org.countyCode && scope.coordinatorOf.includes(org.countyCode)
}
