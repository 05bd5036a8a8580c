import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What decides who may see and record a pair's work process; the service loads it, the predicates stay pure. */
export interface PairAccess {
  municipalityId: string
  /** The lokalpolisområde and the units above it (their editors work on the LPO's agreements). */
  policeAreaChain: readonly string[]
  /** The municipality's county (two digits). */
  countyCode: string
}

/** Where the actor works (situation-reports' whereActorWorks). */
export interface ActorCounties {
  counties: readonly string[]
  coordinatorOf: readonly string[]
}

const memberOf = (actor: Actor, ids: readonly string[]) => actor.roles.some((r) => ids.includes(r.organisationId))

/**
 * Brå's work process is the two parties' joint work: the municipality's editors (and its own
 * coordinators), the police area's editors (or of a unit above it), and Länsstyrelsen's coordinators of
 * the county, who support and follow up the municipalities (förordning 2016:1258), record it. The admin
 * repairs data. Reporters and readers read; an API token never writes.
 */
export function canEditPair(actor: Actor | undefined, a: PairAccess, where: ActorCounties): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (hasRole(actor, 'editor', a.municipalityId) || hasRole(actor, 'coordinator', a.municipalityId)) return true
  if (a.policeAreaChain.some((id) => hasRole(actor, 'editor', id))) return true
  return where.coordinatorOf.includes(a.countyCode)
}

/**
 * Who reads a pair's work process: the state of the steps is shared with the county's parties (as an
 * SÖ or a lägesbild shared with the partners is), so everyone working in the county reads it, and the
 * two parties always. Another county's users find nothing (404). What the derivation shows of records
 * kept to one organisation is limited further by factScope.
 */
export function canReadPair(actor: Actor | undefined, a: PairAccess, where: ActorCounties): boolean {
  if (!actor) return false
  if (isAdmin(actor)) return true
  if (memberOf(actor, [a.municipalityId, ...a.policeAreaChain])) return true
  return where.coordinatorOf.includes(a.countyCode) || where.counties.includes(a.countyCode)
}

/**
 * Which records the derivation may use for this viewer, by their visibility, as canReadPlan and
 * canReadReport decide: everything for the admin and the county's coordinators; plans kept to the
 * parties for the municipality's and the police area's users; lägesbilder kept to the municipality for
 * its own users; otherwise what is shared with the partners or public.
 */
export function factScope(actor: Actor | undefined, a: PairAccess, where: ActorCounties): { allPlans: boolean; allReports: boolean } {
  if (!actor) return { allPlans: false, allReports: false }
  if (isAdmin(actor) || where.coordinatorOf.includes(a.countyCode)) return { allPlans: true, allReports: true }
  return { allPlans: memberOf(actor, [a.municipalityId, ...a.policeAreaChain]), allReports: memberOf(actor, [a.municipalityId]) }
}
