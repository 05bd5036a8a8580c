import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/**
 * Who may write an indicator's observations: for a national indicator (no organisation) the
 * coordinators, of any county; for a party's own indicator its editors and coordinators. The admin
 * may do all. Reading needs nothing: aggregate observations are public statistics.
 */
export function canWriteIndicator(actor: Actor | undefined, indicator: { organisationId: string | null }): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (indicator.organisationId === null) return hasRole(actor, 'coordinator')
  return hasRole(actor, 'coordinator', indicator.organisationId) || hasRole(actor, 'editor', indicator.organisationId)
}
