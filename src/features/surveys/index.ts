import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { surveyDefinitionRoutes } from './definition.routes.tsx'
import { surveysApi } from './surveys.api.ts'
import { surveysRoutes } from './surveys.routes.tsx'
import { surveyStartRoutes } from './survey-start.routes.tsx'
import { registerSurveyImport } from './survey-import.ts'

export { canEditSurvey, canReadSurvey, type SurveyAccess } from './surveys.policy.ts'
export { createSurvey, replaceQuestions, definitionOf, findSurveyByName, InvalidDefinitionError, type ActingCtx } from './definition.service.ts'
export { parseDefinition, parseQuestions, type SurveyDefinition, type QuestionDefinition } from './definition.schemas.ts'
export { importSurveyFile, type ImportOutcome } from './import.service.ts'
export { cellKey, listReadableSurveys, loadSurvey, municipalityEstimates, type PublicEstimateCell, publicEstimateCells } from './surveys.service.ts'
export { type CountyGenderTable, type GenderGroup, countyGenderTables } from './county-table.service.ts'

/**
 * Surveys (issue 9 §4–8): definitions, anonymous microdata imported into per-cell sums, and the
 * estimates by gender computed exactly as `../shared/statistics.md` says.
 */
export async function surveys(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.policies.register('surveys.read', () => true)
  deps.policies.register('surveys.write', (a) => a?.via === 'session')
  deps.nav.add({ href: '/knowledge', labelKey: 'surveys.nav.knowledge', order: 30, visible: () => true })
  // Before the survey pages: /surveys/new is a static path beside /surveys/:surveyId (the router prefers it anyway).
  surveyStartRoutes(app, deps)
  surveysRoutes(app, deps)
  surveysApi(app, deps)
  surveyDefinitionRoutes(app, deps)
  registerSurveyImport(app, deps)
}
