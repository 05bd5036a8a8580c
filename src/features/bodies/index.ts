import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { bodiesRoutes } from './bodies.routes.tsx'
import { peopleApi } from './people.api.ts'
import { seatsRoutes } from './seats.routes.tsx'

export { findBodyRow, listBodies, listPublicBodies, listPublicSeatHolders } from './bodies.repo.ts'
export type { BodyRow, PublicSeatHolder } from './bodies.repo.ts'

/**
 * The bodies of a collaboration (styrgrupp, beredningsgrupp, arbetsgrupper, nätverk …) and, in
 * seats.routes.tsx, the people holding seats in them. Registered after the collaborations feature,
 * whose `collaboration.read` policy these pages use.
 */
export async function bodies(app: FastifyInstance, { deps }: { deps: Deps }) {
  bodiesRoutes(app, deps)
  seatsRoutes(app, deps)
  peopleApi(app, deps)
}
