import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { exportRoutes } from './export.routes.tsx'
import { registerSituationReportPdfa, situationReportPdfaRoutes } from './pdfa.routes.tsx'
import { problemsRoutes } from './problems.routes.tsx'
import { registerPolicies, reportRoutes } from './situation-reports.routes.tsx'

export { canEditReport, canReadReport } from './situation-reports.policy.ts'
export type { MappingFigureData } from './figures.ts'
export { type SituationReportFact, situationReportFacts } from './law-facts.read.ts'
export { type AdoptedReportFact, adoptedReportFacts } from './report-facts.read.ts'
export { whereActorWorks } from './situation-reports.service.ts'

/**
 * The municipality's lägesbild under Lag 2023:196 4 § (issue 9 §11): kartläggning with figures from
 * the indicators and surveys, annan information, analys with an orsaksanalys per prioritised problem
 * (the åtgärdsplan's problems), the sources; adopted as a final version, reviewed on an interval.
 */
export async function situationReports(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerPolicies(deps)
  deps.auditLabels.actions({
    'situation_report.created': 'situationReports.audit.created',
    'situation_report.updated': 'situationReports.audit.updated',
    'situation_report.problems_updated': 'situationReports.audit.problemsUpdated',
    'situation_report.adopted': 'situationReports.audit.adopted',
    'situation_report.version_started': 'situationReports.audit.versionStarted',
    'situation_report.pdfa_requested': 'situationReports.audit.pdfaRequested',
    'situation_report.pdfa_created': 'situationReports.audit.pdfaCreated',
  })
  deps.auditLabels.entities({ situation_report: 'situationReports.audit.entity' })
  // The problems before adoption: the security tests submit forms in registration order, and adoption is final.
  problemsRoutes(app, deps)
  reportRoutes(app, deps)
  exportRoutes(app, deps)
  registerSituationReportPdfa(deps)
  situationReportPdfaRoutes(app, deps)
}
