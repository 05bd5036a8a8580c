import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What decides who may do what with a lägesbild; the service loads it, the predicates stay pure. */
export interface ReportAccess {
  organisationId: string
  /** The municipality's county (two digits). */
  countyCode: string | null
  visibility: 'public' | 'partners' | 'organisation'
}

/** Where the actor works, as far as reading a lägesbild goes (loaded by the service). */
export interface ActorCounties {
  /** Counties of the actor's organisations and of the collaborations they are parties of. */
  counties: readonly string[]
  /** Counties whose länsstyrelse the actor is a coordinator of. */
  coordinatorOf: readonly string[]
}

/**
 * Municipal self-government (decision 008): the lägesbild under Lag 2023:196 4 § is the
 * municipality's own, written by its editors and coordinators (and the admin, who repairs data).
 * Länsstyrelsen reads and supports, it does not write. An API token never writes.
 */
export function canEditReport(actor: Actor | undefined, a: Pick<ReportAccess, 'organisationId'>): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  return hasRole(actor, 'editor', a.organisationId) || hasRole(actor, 'coordinator', a.organisationId)
}

/**
 * Who reads a lägesbild: a public one everyone; the municipality's own users always; Länsstyrelsen's
 * coordinators every lägesbild of their county (förordning 2016:1258: they support the municipalities
 * and report to Brå); one shared with the partners everyone working in the county; one kept to the
 * organisation nobody else.
 */
export function canReadReport(actor: Actor | undefined, a: ReportAccess, where: ActorCounties): boolean {
  if (a.visibility === 'public') return true
  if (!actor) return false
  if (isAdmin(actor)) return true
  if (actor.roles.some((r) => r.organisationId === a.organisationId)) return true
  if (!a.countyCode) return false
  if (where.coordinatorOf.includes(a.countyCode)) return true
  return a.visibility === 'partners' && where.counties.includes(a.countyCode)
}
