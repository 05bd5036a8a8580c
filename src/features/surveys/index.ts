import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

export { canEditSurvey, canReadSurvey, type SurveyAccess } from './surveys.policy.ts'
export { cellKey, listReadableSurveys, loadSurvey, municipalityEstimates } from './surveys.service.ts'

/**
 * Surveys (issue 9 §4–8): definitions, anonymous microdata imported into per-cell sums, and the
 * estimates by gender computed exactly as `../shared/statistics.md` says.
 */
export async function surveys(_app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.policies.register('surveys.read', () => true)
  deps.policies.register('surveys.write', (a) => a?.via === 'session')
}
