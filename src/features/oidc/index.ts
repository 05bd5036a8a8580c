import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Placeholder until OIDC login lands. */
export async function oidc(_app: FastifyInstance, _opts: { deps: Deps }) {}
