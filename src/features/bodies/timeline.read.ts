import { and, asc, inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { collaborationScope, viewerOf } from '../collaborations/index.ts'
import { listBodies } from './bodies.repo.ts'
import { seats } from './bodies.tables.ts'
import { seatViewer } from './seats.policy.ts'
import { seatsVisibleTo } from './seats.repo.ts'

export interface PartySeatSpan {
  organisationId: string
  bodyId: string
  bodyName: string
  validFrom: string
  validTo: string | null
}

/**
 * When each party took (and left) a seat in each body of the collaboration, for the evaluation's
 * timeline (issue 10 §6): only bodies and seats the actor may see (a body kept to the partners is
 * not there for an outsider).
 */
export async function seatSpansOfCollaboration(deps: Deps, actor: Actor | undefined, collaborationId: string): Promise<PartySeatSpan[]> {
  const scope = await collaborationScope(deps.db, collaborationId)
  if (!scope) return []
  const bodies = await listBodies(deps.db, viewerOf(actor), collaborationId)
  if (!bodies.length) return []
  const names = new Map(bodies.map((b) => [b.id, b.name]))
  const rows = await deps.db
    .select({ organisationId: seats.organisationId, bodyId: seats.bodyId, validFrom: seats.validFrom, validTo: seats.validTo })
    .from(seats)
    .where(and(inArray(seats.bodyId, [...names.keys()]), seatsVisibleTo(seatViewer(actor, scope))))
    .orderBy(asc(seats.validFrom))
  return rows.map((r) => ({ ...r, bodyName: names.get(r.bodyId) ?? '' }))
}
