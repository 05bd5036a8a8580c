import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/** What decides who may do what with a yearly report; the service loads it, the predicates stay pure. */
export interface ReportAccess {
  status: 'draft' | 'review' | 'adopted'
  visibility: 'public' | 'partners' | 'organisation'
  /** The collaboration's owning länsstyrelse. */
  ownerId: string
  /** Current parties of the collaboration. */
  partyIds: readonly string[]
  /** Parties that are police organisations. */
  policePartyIds: readonly string[]
  /** Organisations seated in the collaboration's beredningsgrupp today. */
  preparationIds: readonly string[]
}

const manages = (actor: Actor | undefined, a: ReportAccess) => isAdmin(actor) || hasRole(actor, 'coordinator', a.ownerId)

/** An adopted public report is for everyone; otherwise the collaboration's partners (and its coordinators) read. */
export function canReadYearlyReport(actor: Actor | undefined, a: ReportAccess): boolean {
  if (a.status === 'adopted' && a.visibility === 'public') return true
  if (!actor) return false
  if (manages(actor, a)) return true
  if (a.visibility === 'organisation') return false
  return actor.roles.some((r) => a.partyIds.includes(r.organisationId))
}

/** Creating, sending for comments and adoption: Länsstyrelsen's coordinators (the follow-up lies first with them). */
export function canManageYearlyReport(actor: Actor | undefined, a: Pick<ReportAccess, 'ownerId'>): boolean {
  return actor?.via === 'session' && (isAdmin(actor) || hasRole(actor, 'coordinator', a.ownerId))
}

/**
 * The narrative: Länsstyrelsen and Polisen write it section by section (issue 10 §4; the follow-up
 * lies first with them), until it is adopted.
 */
export function canWriteNarrative(actor: Actor | undefined, a: ReportAccess): boolean {
  if (actor?.via !== 'session' || a.status === 'adopted') return false
  if (manages(actor, a)) return true
  return actor.roles.some((r) => (r.role === 'editor' || r.role === 'coordinator') && a.policePartyIds.includes(r.organisationId))
}

/** The beredningsgrupp comments while the report is out for comments: anyone of an organisation seated in it. */
export function canComment(actor: Actor | undefined, a: ReportAccess): boolean {
  if (actor?.via !== 'session' || a.status !== 'review') return false
  if (manages(actor, a)) return true
  return actor.roles.some((r) => r.role !== 'viewer' && a.preparationIds.includes(r.organisationId))
}
