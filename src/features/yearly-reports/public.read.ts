import { and, asc, eq } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { yearlyReports } from './yearly-reports.tables.ts'

export interface PublicYearlyReport {
  id: string
  collaborationId: string
  kind: 'follow_up' | 'bra'
  year: number
  scope: 'year' | 'period'
  title: string
  adoptedBy: string | null
  adoptedOn: string | null
  adoptedParagraph: string | null
}

/** The adopted reports with visibility public: exactly those an anonymous visitor may open (open data). */
export async function publicAdoptedReports(deps: Deps): Promise<PublicYearlyReport[]> {
  return deps.db
    .select({
      id: yearlyReports.id,
      collaborationId: yearlyReports.collaborationId,
      kind: yearlyReports.kind,
      year: yearlyReports.year,
      scope: yearlyReports.scope,
      title: yearlyReports.title,
      adoptedBy: yearlyReports.adoptedBy,
      adoptedOn: yearlyReports.adoptedOn,
      adoptedParagraph: yearlyReports.adoptedParagraph,
    })
    .from(yearlyReports)
    .where(and(eq(yearlyReports.status, 'adopted'), eq(yearlyReports.visibility, 'public')))
    .orderBy(asc(yearlyReports.year), asc(yearlyReports.title))
}
