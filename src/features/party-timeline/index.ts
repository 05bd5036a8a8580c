import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { partyTimelineRoutes, registerPolicies } from './party-timeline.routes.tsx'

export { type CollaborationTimeline, type PartyTimeline, type TimelineEvent, partyTimeline } from './party-timeline.service.ts'
export const partyTimelineHref = (collaborationId: string) => `/collaborations/${collaborationId}/timeline`

/**
 * The evaluation over the period (issue 10 §6): a timeline 2022–2027 per party — signed, joined
 * groups, plans adopted, follow-ups — read from the declarations, bodies and plans features.
 */
export async function partyTimelines(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerPolicies(deps)
  partyTimelineRoutes(app, deps)
}
