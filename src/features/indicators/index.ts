import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** Indicators and observations (issue 9 §1–3): the registry, Brå's and NTU's files, per 100 000 inv. */
export async function indicators(app: FastifyInstance, { deps }: { deps: Deps }) {}
