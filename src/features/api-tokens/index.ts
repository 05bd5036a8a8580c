import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Placeholder until the API token pages land. */
export async function apiTokens(_app: FastifyInstance, _opts: { deps: Deps }) {}
