import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { hasRole } from '../../platform/http/actor.ts'
import { registerPolicies, supportActivitiesRoutes } from './support-activities.routes.tsx'

export type { SupportActivityRow } from './support-activities.repo.ts'
export { type SupportSummaryRow, supportActivitiesOf, supportSummary } from './support-activities.service.ts'
export { SUPPORT_KINDS, type SupportKind } from './support-activities.tables.ts'

/**
 * Länsstyrelsen's support to the municipalities (förordning 2016:1258; issue 10 §5): meetings,
 * trainings and advice, recorded one by one, summed per municipality for the yearly report to Brå.
 */
export async function supportActivities(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerPolicies(deps)
  deps.auditLabels.actions({
    'support_activity.created': 'supportActivities.audit.created',
    'support_activity.updated': 'supportActivities.audit.updated',
    'support_activity.deleted': 'supportActivities.audit.deleted',
  })
  deps.auditLabels.entities({ support_activity: 'supportActivities.audit.entity' })
  deps.nav.add({
    href: '/support-activities',
    labelKey: 'supportActivities.nav',
    descriptionKey: 'supportActivities.navDescription',
    order: 33,
    visible: (a) => a?.via === 'session' && hasRole(a, 'coordinator'),
  })
  supportActivitiesRoutes(app, deps)
}
