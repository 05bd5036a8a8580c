import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Keeps a well-formed X-Request-Id from a load balancer, so one id follows a request through every log. */
export function newRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID()
}
