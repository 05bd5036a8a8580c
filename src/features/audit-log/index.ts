import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Placeholder until the audit log pages land. */
export async function auditLog(_app: FastifyInstance, _opts: { deps: Deps }) {}
