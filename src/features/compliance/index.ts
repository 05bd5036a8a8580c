import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { complianceRoutes } from './compliance.routes.tsx'
import { rulesRoutes } from './rules.routes.tsx'
import { commitmentTodos } from './todos.ts'

export { evaluateCompliance } from './compliance.evaluate.ts'
export type { ComplianceStatus, PartyResult, RuleResult } from './compliance.evaluate.ts'
export { complianceReport } from './compliance.service.ts'

/** Commitments per collaboration: rules as data (issue 6 A3), evaluated live from signatures, seats and attendance. */
export async function compliance(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions({ 'compliance_rule.updated': 'compliance.audit.ruleUpdated' })
  deps.auditLabels.entities({ compliance_rule: 'compliance.audit.entity' })
  deps.todos.add('compliance', (actor) => commitmentTodos(deps, actor))
  complianceRoutes(app, deps)
  rulesRoutes(app, deps)
}
