import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { listPublicCollaborations, publicOverview } from './collaborations.service.ts'
import { PublicCollaborationPage, PublicListPage } from './views/public-pages.tsx'
import { paramsOf } from '../../platform/http/params.ts'

const PUBLIC = { config: { policy: 'public' } }

/** What anyone may read without signing in: only records whose visibility is public are queried. */
export function publicRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/public/collaborations', PUBLIC, async (_req, reply) => reply.page(<PublicListPage rows={await listPublicCollaborations(deps)} />))

  app.get('/public/collaborations/:code', PUBLIC, async (req, reply) => {
    const { code } = paramsOf(req)
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(code)) throw new NotFoundError()
    return reply.page(<PublicCollaborationPage overview={await publicOverview(deps, code)} />)
  })
}
