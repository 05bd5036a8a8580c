import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'

/** The municipality's lägesbild under Lag 2023:196 (issue 9 §11). */
export async function situationReports(app: FastifyInstance, { deps }: { deps: Deps }) {}
