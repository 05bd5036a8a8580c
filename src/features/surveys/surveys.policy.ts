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

/** The party a new survey belongs to, as far as the policy needs it. */
export interface SurveyOwner {
  id: string
  countyCode: string | null
  /** Set for a municipality: its kommunkod. */
  municipalityCode: string | null
}

/**
 * Who may start a survey for a party: its editors and coordinators (those who may then edit it, as
 * canEditSurvey says), and the admin. A county's coordinator starts the county's surveys as
 * Länsstyrelsen, their own party.
 */
export function canCreateSurveyFor(actor: Actor | undefined, organisationId: string): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  return hasRole(actor, 'editor', organisationId) || hasRole(actor, 'coordinator', organisationId)
}

/**
 * Which municipalities a survey of `owner` may cover when this actor defines it: a coordinator any in
 * their county (`actorCounties`); otherwise a municipality's people their own municipality, and
 * another party's (a police area, a region) those of the party's county. The admin any.
 */
export function mayCoverArea(
  actor: Actor | undefined,
  owner: SurveyOwner,
  area: { code: string; countyCode: string },
  actorCounties: readonly string[],
): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (hasRole(actor, 'coordinator') && actorCounties.includes(area.countyCode)) return true
  if (!canCreateSurveyFor(actor, owner.id)) return false
  if (owner.municipalityCode) return area.code === owner.municipalityCode
  return owner.countyCode === area.countyCode
}
