import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { openDataApi } from './open-data.api.ts'
import { openDataRoutes } from './open-data.routes.tsx'

/**
 * Open data (issue 10 §7): everything public — collaborations, parties, bodies, public medborgarlöften
 * and their published follow-up, indicators and survey estimates with suppression — as CSV, JSON and
 * a DCAT-AP-SE catalogue. No tables: it reads only through the other features' public functions.
 */
export async function openData(app: FastifyInstance, { deps }: { deps: Deps }) {
  openDataRoutes(app, deps)
  openDataApi(app, deps)
}
