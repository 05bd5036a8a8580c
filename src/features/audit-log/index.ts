import type { FastifyInstance } from 'fastify'
import { anchorAuditChain } from '../../platform/audit/anchor.ts'
import type { Deps } from '../../platform/deps.ts'
import { auditLogRoutes } from './audit-log.routes.tsx'

/**
 * The audit log pages for those who administer organisations (coordinators within their scope,
 * admins), and the job that anchors the chain. The names of action codes come from
 * `deps.auditLabels`, where each feature registers its own.
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
  // The chain's head, outside the database every quarter of an hour: in the log (shipped elsewhere by
  // the operator) and in TILLSAMMANS_AUDIT_ANCHOR_FILE, which `verify-audit` holds the table to.
  deps.jobs.define('audit.anchor', async () => {
    const anchor = await anchorAuditChain(deps.db, deps.config.auditAnchorFile)
    if (anchor) app.log.info({ auditAnchor: anchor }, 'audit anchor')
  })
  deps.jobs.every('audit.anchor', '*/15 * * * *')
  auditLogRoutes(app, deps)
}
