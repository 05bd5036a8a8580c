import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { registerPolicies, workProcessRoutes } from './work-process.routes.tsx'

export type { PointResult, PointState, StepResult, StepState } from './work-process.derive.ts'
export { type PairOverview, workProcessOverview } from './work-process.service.ts'
export { ALL_POINTS, POINT_KEYS, type PointKey, STEPS, STEP_KEYS, type StepKey } from './work-process.steps.ts'

/**
 * Brå's knowledge-based work process per municipality–police-area pair (issue 10 §2): the five steps
 * and their "klart när" points, ticked automatically from the platform's records where it can see
 * them (lägesbild, SÖ, åtgärdsplan, medborgarlöfte, follow-up) and recorded by hand otherwise.
 */
export async function workProcess(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerPolicies(deps)
  deps.auditLabels.actions({
    'work_process_check.created': 'workProcess.audit.created',
    'work_process_check.updated': 'workProcess.audit.updated',
  })
  deps.auditLabels.entities({ work_process_check: 'workProcess.audit.entity' })
  deps.nav.add({
    href: '/work-process',
    labelKey: 'workProcess.nav',
    descriptionKey: 'workProcess.navDescription',
    order: 35,
    visible: (a) => a?.via === 'session',
  })
  workProcessRoutes(app, deps)
}
