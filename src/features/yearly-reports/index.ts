import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { registerYearlyReportPdfa, yearlyReportPdfaRoutes } from './pdfa.routes.tsx'
import { registerYearlyReportPolicies, yearlyReportRoutes } from './yearly-reports.routes.tsx'

export type { Block } from './report-model.ts'
export { type PublicYearlyReport, publicAdoptedReports } from './public.read.ts'
export const yearlyReportsHref = (collaborationId: string) => `/collaborations/${collaborationId}/yearly-reports`

/**
 * The yearly reports (issue 10 §4–5): the collaboration's follow-up and evaluation report and
 * Länsstyrelsen's report to Brå, drafted from the platform's data, written section by section,
 * commented by the beredningsgrupp and adopted by the styrgrupp, then archived unchanged.
 */
export async function yearlyReports(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerYearlyReportPolicies(deps)
  deps.auditLabels.actions({
    'yearly_report.created': 'yearlyReports.audit.created',
    'yearly_report.narrative_saved': 'yearlyReports.audit.narrativeSaved',
    'yearly_report.sent_for_comments': 'yearlyReports.audit.sent',
    'yearly_report.commented': 'yearlyReports.audit.commented',
    'yearly_report.adopted': 'yearlyReports.audit.adopted',
    'yearly_report.pdfa_requested': 'yearlyReports.audit.pdfaRequested',
    'yearly_report.pdfa_created': 'yearlyReports.audit.pdfaCreated',
  })
  deps.auditLabels.entities({ yearly_report: 'yearlyReports.audit.entity' })
  registerYearlyReportPdfa(deps)
  yearlyReportRoutes(app, deps)
  yearlyReportPdfaRoutes(app, deps)
}
