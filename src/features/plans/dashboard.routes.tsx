import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { countyDashboard } from './dashboard.service.ts'
import { DashboardPage } from './views/dashboard-page.tsx'

/** The county dashboard of a collaboration's follow-up (issue 8 §10); who may see it is decided in the service. */
export function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/collaborations/:id/follow-up', { config: { policy: 'plans.read' } }, async (req, reply) => {
    const dashboard = await countyDashboard(deps, req.actor, paramsOf(req).id)
    return reply.page(<DashboardPage {...dashboard} />)
  })
}
