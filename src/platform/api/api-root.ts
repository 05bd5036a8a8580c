import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of every endpoint registered with `deps.api`.
 * Built on each request from the registry, so it describes the features registered after this
 * plugin too. Public: machine clients read it before they have a token.
 */
export async function apiRoot(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get('/api/v1/openapi.json', { config: { policy: 'public' } }, async (_req, reply) =>
    reply.send(deps.api.document({ baseUrl: deps.config.baseUrl, contactEmail: deps.config.accessibilityContact })),
  )
}
