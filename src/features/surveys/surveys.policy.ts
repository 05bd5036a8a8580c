import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What decides who may do what with a survey; the service loads it, the predicates stay pure. */
export interface SurveyAccess {
  organisationId: string
  countyCode: string
  visibility: 'public' | 'partners' | 'organisation'
}

/**
 * The party that runs a survey defines it and imports its files: its editors and coordinators, and the
 * county's coordinators (Länsstyrelsen runs county-wide surveys and helps municipalities with theirs).
 * `actorCounties` are the counties of the actor's organisations. The admin may do all.
 */
export function canEditSurvey(actor: Actor | undefined, a: SurveyAccess, actorCounties: readonly string[]): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (hasRole(actor, 'editor', a.organisationId) || hasRole(actor, 'coordinator', a.organisationId)) return true
  return hasRole(actor, 'coordinator') && actorCounties.includes(a.countyCode)
}

/**
 * Who may see a survey's estimates (aggregates only, small cells suppressed): a public survey anyone,
 * without signing in; one for partners those of its county; one kept to its organisation only that
 * organisation's users (and the admin).
 */
export function canReadSurvey(actor: Actor | undefined, a: SurveyAccess, actorCounties: readonly string[]): boolean {
  if (a.visibility === 'public') return true
  if (!actor) return false
  if (isAdmin(actor)) return true
  if (actor.roles.some((r) => r.organisationId === a.organisationId)) return true
  return a.visibility === 'partners' && actorCounties.includes(a.countyCode)
}
