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

/** GET /api/v1/me: the account behind the session or token, its roles, and which of the two it used. */
export function meApi(app: FastifyInstance, deps: Deps) {
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
}
