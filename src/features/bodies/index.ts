import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { registerAuditEntityLabel, registerAuditLabel } from '../audit-log/index.ts'
import { bodiesRoutes } from './bodies.routes.tsx'
import { convenorsRoutes } from './convenors.routes.tsx'
import { peopleApi } from './people.api.ts'
import { seatsRoutes } from './seats.routes.tsx'

export { findBodyRow, listBodies, listPublicBodies, listPublicSeatHolders } from './bodies.repo.ts'
export type { Body, BodyRow, PublicSeatHolder } from './bodies.repo.ts'
export { BodyInput, UpdateBodyInput } from './bodies.schemas.ts'
export { createBody, getBody, updateBody } from './bodies.service.ts'
export { listConvenorsOfCollaboration } from './convenors.repo.ts'
export type { ConvenorRow } from './convenors.repo.ts'
export { ConvenorHistory } from './views/convenor-history.tsx'

registerAuditLabel('body.convenor_added', 'bodies.convenors.audit.added')
registerAuditLabel('body.convenor_updated', 'bodies.convenors.audit.updated')
registerAuditLabel('body.convenor_removed', 'bodies.convenors.audit.removed')
registerAuditEntityLabel('body_convenor', 'bodies.convenors.audit.entity')
export { listPartySeats, type PartySeat } from './party-seats.repo.ts'

/**
 * The bodies of a collaboration (styrgrupp, beredningsgrupp, arbetsgrupper, nätverk …) and, in
 * seats.routes.tsx, the people holding seats in them. Registered after the collaborations feature,
 * whose `collaboration.read` policy these pages use.
 */
export async function bodies(app: FastifyInstance, { deps }: { deps: Deps }) {
  bodiesRoutes(app, deps)
  convenorsRoutes(app, deps)
  seatsRoutes(app, deps)
  peopleApi(app, deps)
}
