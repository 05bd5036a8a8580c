import { inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { situationReports } from './situation-reports.tables.ts'

/** What the law tracker needs of a lägesbild: its state and adoption, never its content. */
export interface SituationReportFact {
  id: string
  organisationId: string
  title: string
  status: 'draft' | 'adopted'
  adoptedBy: string | null
  adoptedOn: string | null
  adoptedParagraph: string | null
  nextReviewDue: string | null
  reviewIntervalMonths: number
}

/**
 * Every lägesbild version of the given municipalities (issue 10 §1). That a kommunstyrelse adopted
 * a lägesbild on a date under a § is a public decision, so the tracker shows it to everyone working
 * in the county; the lägesbild itself stays behind its own visibility (canReadReport).
 */
export async function situationReportFacts(deps: Deps, organisationIds: readonly string[]): Promise<SituationReportFact[]> {
  if (organisationIds.length === 0) return []
  return deps.db
    .select({
      id: situationReports.id,
      organisationId: situationReports.organisationId,
      title: situationReports.title,
      status: situationReports.status,
      adoptedBy: situationReports.adoptedBy,
      adoptedOn: situationReports.adoptedOn,
      adoptedParagraph: situationReports.adoptedParagraph,
      nextReviewDue: situationReports.nextReviewDue,
      reviewIntervalMonths: situationReports.reviewIntervalMonths,
    })
    .from(situationReports)
    .where(inArray(situationReports.organisationId, [...organisationIds]))
}
