import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { RULE_KINDS } from './compliance.tables.ts'
import { complianceReport } from './compliance.service.ts'
import { CompliancePage } from './views/compliance-page.tsx'
import { paramsOf } from '../../platform/http/params.ts'

const ComplianceResponse = z.object({
  collaborationId: z.uuid(),
  evaluatedAt: z.string().describe('ISO timestamp: the rules are evaluated live on every request'),
  parties: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      rules: z.array(
        z.object({
          kind: z.enum(RULE_KINDS),
          status: z.enum(['green', 'yellow', 'red', 'not_applicable']),
          explanation: z.string().describe('What is missing and since when (in the request’s language, Swedish by default)'),
        }),
      ),
    }),
  ),
})

/** The compliance page and GET /api/v1/collaborations/:id/compliance. */
export function complianceRoutes(app: FastifyInstance, deps: Deps) {
  // Any signed-in user may ask; the service answers only a partner of the collaboration.
  deps.policies.register('compliance.read', (a) => a?.via === 'session')

  app.get('/collaborations/:id/compliance', { config: { policy: 'compliance.read' } }, async (req, reply) => {
    const report = await complianceReport(deps, req.actor, paramsOf(req).id)
    return reply.page(<CompliancePage report={{ ...report, parties: sortBySv(report.parties, (p) => p.name) }} />)
  })

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/collaborations/:id/compliance',
      policy: 'api.read',
      summary: 'Commitments per party, evaluated now',
      description:
        'For each party and each enabled rule (working_group_official, steering_chief, steering_attendance): green, yellow, red or not_applicable, with a sentence saying what is missing and since when. Partners of the collaboration only (403 otherwise).',
      tags: ['compliance'],
      response: ComplianceResponse,
    },
    async (req) => {
      const report = await complianceReport(deps, req.actor, paramsOf(req).id)
      return {
        collaborationId: report.collaboration.id,
        evaluatedAt: report.evaluatedAt.toISOString(),
        parties: sortBySv(report.parties, (p) => p.name).map((p) => ({
          organisationId: p.organisationId,
          name: p.name,
          rules: p.rules.map((r) => ({ kind: r.kind, status: r.status, explanation: req.t(r.messageKey, r.params) })),
        })),
      }
    },
  )
}
