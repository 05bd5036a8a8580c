import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Placeholder: the feature's routes are being built (issue 3). */
export async function compliance(_app: FastifyInstance, _opts: { deps: Deps }) {}
