import { and, inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { type PlanKind, type PlanSignatory, type PlanStatus, plans } from './plans.tables.ts'

/** What the law tracker and the yearly report need of a municipality's SÖ, åtgärdsplan or ML. */
export interface LocalPlanFact {
  id: string
  organisationId: string
  partnerOrganisationId: string | null
  kind: PlanKind
  title: string
  status: PlanStatus
  periodStart: string
  periodEnd: string
  adoptedBy: string | null
  adoptedOn: string | null
  adoptedParagraph: string | null
  publishedAt: Date | null
  signatories: PlanSignatory[]
  visibility: 'public' | 'partners' | 'organisation'
}

const LOCAL_KINDS: PlanKind[] = ['local_agreement', 'action_plan', 'citizen_promise']

/**
 * The local plans owned by the given municipalities. Their state and adoption are public decisions
 * (issue 10 §1), so this reads rows only; who may open a plan stays canReadPlan's rule.
 */
export async function localPlanFacts(deps: Deps, organisationIds: readonly string[]): Promise<LocalPlanFact[]> {
  if (organisationIds.length === 0) return []
  return deps.db
    .select({
      id: plans.id,
      organisationId: plans.organisationId,
      partnerOrganisationId: plans.partnerOrganisationId,
      kind: plans.kind,
      title: plans.title,
      status: plans.status,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      adoptedBy: plans.adoptedBy,
      adoptedOn: plans.adoptedOn,
      adoptedParagraph: plans.adoptedParagraph,
      publishedAt: plans.publishedAt,
      signatories: plans.signatories,
      visibility: plans.visibility,
    })
    .from(plans)
    .where(and(inArray(plans.organisationId, [...organisationIds]), inArray(plans.kind, LOCAL_KINDS)))
}
