import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { complianceRoutes } from './compliance.routes.tsx'

export { evaluateCompliance } from './compliance.evaluate.ts'
export type { ComplianceStatus, PartyResult, RuleResult } from './compliance.evaluate.ts'
export { complianceReport } from './compliance.service.ts'

/** Commitments per collaboration (issue 3, item 8): evaluated live from seats and attendance. */
export async function compliance(app: FastifyInstance, { deps }: { deps: Deps }) {
  complianceRoutes(app, deps)
}
