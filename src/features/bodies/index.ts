import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { bodiesRoutes } from './bodies.routes.tsx'
import { convenorsRoutes } from './convenors.routes.tsx'
import { peopleApi } from './people.api.ts'
import { peopleRoutes } from './people.routes.tsx'
import { seatsApi } from './seats.api.ts'
import { seatsRoutes } from './seats.routes.tsx'

export { findBodyRow, listBodies, listPublicBodies, listPublicSeatHolders } from './bodies.repo.ts'
export type { Body, BodyRow, PublicSeatHolder } from './bodies.repo.ts'
export { BodyInput, UpdateBodyInput } from './bodies.schemas.ts'
export { createBody, getBody, updateBody } from './bodies.service.ts'
export { listConvenorsOfCollaboration } from './convenors.repo.ts'
export type { ConvenorRow } from './convenors.repo.ts'
export { ConvenorHistory } from './views/convenor-history.tsx'

export { listPartySeats, type PartySeat } from './party-seats.repo.ts'
export { type PartySeatFact, organisationsSeatedIn, partySeatFacts } from './report-facts.read.ts'
/** The evaluation's timeline (issue 10 §6): when each party took its seats, as the actor may see them. */
export { type PartySeatSpan, seatSpansOfCollaboration } from './timeline.read.ts'

/**
 * The bodies of a collaboration (styrgrupp, beredningsgrupp, arbetsgrupper, nätverk …), their
 * convenors, the seats in them and the people holding the seats. Registered after the collaborations
 * feature, whose `collaboration.read` policy these pages use; seatsRoutes registers the seats.write
 * and people.read policies the people pages use, so it comes before them.
 */
export async function bodies(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions({
    'body.created': 'bodies.audit.created',
    'body.updated': 'bodies.audit.updated',
    'body.convenor_added': 'bodies.convenors.audit.added',
    'body.convenor_updated': 'bodies.convenors.audit.updated',
    'body.convenor_removed': 'bodies.convenors.audit.removed',
    'seat.added': 'seats.audit.added',
    'seat.updated': 'seats.audit.updated',
    'seat.ended': 'seats.audit.ended',
    'person.created': 'people.audit.created',
    'person.updated': 'people.audit.updated',
  })
  deps.auditLabels.entities({
    body: 'bodies.audit.entity',
    body_convenor: 'bodies.convenors.audit.entity',
    seat: 'seats.audit.entity',
    person: 'people.audit.entity',
  })
  bodiesRoutes(app, deps)
  convenorsRoutes(app, deps)
  seatsRoutes(app, deps)
  peopleRoutes(app, deps)
  seatsApi(app, deps)
  peopleApi(app, deps)
}
