import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { auditLogRoutes } from './audit-log.routes.tsx'

export { actionLabel, auditLabelKey, registerAuditEntityLabel, registerAuditLabel } from './audit-labels.ts'

/**
 * The audit log pages for coordinators and admins. Other features give their action codes a human
 * label with `registerAuditLabel('x.done', 'feature.audit.done')` (module level, no deps needed).
 */
export async function auditLog(app: FastifyInstance, { deps }: { deps: Deps }) {
  const canRead = deps.policies.get('audit.read')!
  deps.nav.add({
    href: '/admin/audit',
    labelKey: 'auditLog.nav',
    descriptionKey: 'auditLog.navDescription',
    order: 90,
    // The policy looks at the actor only; navigation has no request to give it.
    visible: (a) => canRead(a, undefined as never),
  })
  auditLogRoutes(app, deps)
}
