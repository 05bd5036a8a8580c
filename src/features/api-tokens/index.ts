import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { apiTokensRoutes } from './api-tokens.routes.tsx'
import { actorFromToken } from './api-tokens.service.ts'

export { actorFromToken, createApiToken, revokeApiToken, TOKEN_PREFIX } from './api-tokens.service.ts'

/** Tokens for machine clients: the bearer authenticator for /api/* and the administrator's pages. */
export async function apiTokens(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auth.bearer = (token) => actorFromToken(deps, token)
  deps.auditLabels.actions({ 'api_token.created': 'apiTokens.audit.created', 'api_token.revoked': 'apiTokens.audit.revoked' })
  deps.auditLabels.entities({ api_token: 'apiTokens.audit.entity' })
  deps.nav.add({
    href: '/admin/api-tokens',
    labelKey: 'apiTokens.nav',
    descriptionKey: 'apiTokens.navDescription',
    order: 85,
    visible: (a) => a?.via === 'session' && deps.policies.get('system.admin')!(a, undefined as any),
  })
  apiTokensRoutes(app, deps)
}
