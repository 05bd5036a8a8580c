import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { ROLES } from '../../platform/http/actor.ts'

const MeResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  roles: z.array(z.object({ organisationId: z.uuid(), role: z.enum(ROLES) })),
  authenticatedWith: z.enum(['session', 'token']),
})

/** /api/v1/me and the OpenAPI document describing every endpoint registered with deps.api. */
export async function apiRoot(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.api.route(
    app,
    { method: 'GET', url: '/api/v1/me', policy: 'api.read', summary: 'The authenticated account and its roles', tags: ['accounts'], response: MeResponse },
    async (req) => {
      const a = req.actor!
      return {
        id: a.userId,
        email: a.email,
        name: a.name,
        organisation: { id: a.organisationId, name: a.organisationName },
        roles: a.roles,
        authenticatedWith: a.via,
      }
    },
  )

  app.get('/api/v1/openapi.json', { config: { policy: 'public' } }, async (_req, reply) =>
    reply.send(deps.api.document({ baseUrl: deps.config.baseUrl, contactEmail: deps.config.accessibilityContact })),
  )
}
