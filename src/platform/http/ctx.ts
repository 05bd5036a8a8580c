import type { FastifyRequest } from 'fastify'
import type { Actor } from './actor.ts'

/** Who acts and in which request: what every write service needs (the audit trail records both). */
export interface Ctx {
  actor: Actor
  requestId?: string
}

/** The context of a request whose route policy already requires a signed-in actor. */
export const ctxOf = (req: FastifyRequest): Ctx => ({ actor: req.actor!, requestId: req.id })
