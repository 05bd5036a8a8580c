import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'
import { COUNTY_PLAN_KINDS, type PlanKind } from './plans.tables.ts'

/**
 * What decides who may do what with a plan. The service loads it; the predicates stay pure.
 * `partnerChain` is the police area and the units above it, whose editors work on the area's plans.
 */
export interface PlanAccess {
  kind: PlanKind
  organisationId: string
  partnerChain: readonly string[]
  /** The party that owns the collaboration (the convening länsstyrelse), for county plans. */
  collaborationOwnerId: string | null
  visibility: 'public' | 'partners' | 'organisation'
}

const roleAt = (actor: Actor | undefined, roles: readonly ('editor' | 'coordinator' | 'reporter')[], orgIds: readonly string[]) =>
  roles.some((role) => orgIds.some((id) => hasRole(actor, role, id)))

const isCountyPlan = (kind: PlanKind) => COUNTY_PLAN_KINDS.includes(kind)

/**
 * Municipal self-government (issue 8, decision 008): the county reads, the municipality decides. County
 * plans are written by the coordinators of the collaboration's owner; an SÖ, åtgärdsplan or ML by the
 * municipality's editors and the police area's (both parties of the agreement). The admin may do all.
 */
export function canEditPlan(actor: Actor | undefined, a: PlanAccess): boolean {
  if (actor?.via !== 'session') return false
  if (isAdmin(actor)) return true
  if (isCountyPlan(a.kind)) return !!a.collaborationOwnerId && hasRole(actor, 'coordinator', a.collaborationOwnerId)
  return roleAt(actor, ['editor', 'coordinator'], [a.organisationId]) || roleAt(actor, ['editor'], a.partnerChain)
}

/**
 * Who may see a plan: a public one everyone signed in; one for the collaboration's parties those of the
 * owner's county (`inCounty`: the actor's organisation lies in the county or is a party of one of its
 * collaborations); one kept to its own parties only them. The county's coordinators read every party's
 * plans in their county; a coordinator of another county reads only what is public.
 */
export function canReadPlan(actor: Actor | undefined, a: PlanAccess, inCounty: boolean): boolean {
  if (!actor) return false
  if (isAdmin(actor) || a.visibility === 'public') return true
  if (actor.roles.some((r) => r.organisationId === a.organisationId || a.partnerChain.includes(r.organisationId))) return true
  if (inCounty && hasRole(actor, 'coordinator')) return true
  return a.visibility === 'partners' && inCounty
}

/**
 * Follow-up entries: the plan's editors, and reporters of the party the item is assigned to (its
 * responsible party, or the plan's owner when none is named) — reporters write entries and nothing else.
 */
export function canReportOn(actor: Actor | undefined, a: PlanAccess, assignedChain: readonly string[]): boolean {
  if (canEditPlan(actor, a)) return true
  return !!actor && actor.via === 'session' && roleAt(actor, ['reporter', 'editor'], assignedChain)
}
