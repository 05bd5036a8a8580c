import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Placeholder until the mail job lands. */
export async function mail(_app: FastifyInstance, _opts: { deps: Deps }) {}
