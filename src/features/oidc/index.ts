import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { oidcRoutes } from './oidc.routes.tsx'
import { isLoopbackHttp, OidcClient } from './oidc.service.ts'

/**
 * Login through the organisation's OpenID Provider (authorization code + PKCE), only when OIDC_* is
 * configured. It signs in accounts that already exist; it never creates one.
 */
export async function oidc(app: FastifyInstance, { deps }: { deps: Deps }) {
  // Labelled even when OIDC is off: the log may hold refusals from when it was on.
  deps.auditLabels.actions({ 'session.oidc_refused': 'oidc.audit.refused' })
  if (!deps.config.oidc) return
  if (deps.config.oidc.issuer.startsWith('http:') && !isLoopbackHttp(deps.config.oidc.issuer)) {
    app.log.error('OIDC_ISSUER must use https (plain http is accepted only for 127.0.0.1/localhost); OIDC login will fail')
  }
  const client = new OidcClient(deps.config.oidc, deps.config.baseUrl, app.log)
  // Warm the discovery cache without waiting: an IdP that is down must not stop the app from starting.
  client.configuration().catch(() => {})
  oidcRoutes(app, deps, client)
}
