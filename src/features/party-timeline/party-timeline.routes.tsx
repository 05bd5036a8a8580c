import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { partyTimeline } from './party-timeline.service.ts'
import { TimelinePage } from './views/timeline-page.tsx'

const READ = { config: { policy: 'partyTimeline.read' } }

/** Signed-in users; what of the collaboration they see is decided by each source's own rules. */
export function registerPolicies(deps: Deps) {
  deps.policies.register('partyTimeline.read', (a) => a?.via === 'session')
}

export function partyTimelineRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/collaborations/:collaborationId/timeline', READ, async (req, reply) => {
    const d = await partyTimeline(deps, req.actor, paramsOf(req).collaborationId)
    return reply.page(<TimelinePage d={d} />)
  })
}
