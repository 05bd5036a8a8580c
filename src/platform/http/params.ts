import type { FastifyRequest } from 'fastify'
import { NotFoundError } from './errors.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SEQUENCE = /^[1-9]\d{0,14}$/

/**
 * The format a route parameter must have, judged by its name: `id` and every `…Id` are UUIDs, `seq`
 * is a positive whole number. Other names (an organisation `code`, a calendar `mac`) are the
 * feature's own business.
 */
export function formatOf(name: string): RegExp | undefined {
  if (name === 'id' || /Id$/.test(name)) return UUID
  if (name === 'seq') return SEQUENCE
  return undefined
}

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v)

/**
 * A hook for a route whose parameters have known formats: a malformed one is a 404 before the body
 * is read or any query runs (no record has that id, and the database must not be asked).
 * Returns undefined for routes with no such parameter.
 */
export function paramCheckFor(url: string): ((req: FastifyRequest) => Promise<void>) | undefined {
  const checks = [...url.matchAll(/:(\w+)/g)].map((m) => [m[1], formatOf(m[1])] as const).filter((c): c is [string, RegExp] => !!c[1])
  if (checks.length === 0) return undefined
  return async (req) => {
    const params = req.params as Record<string, string | undefined>
    for (const [name, format] of checks) if (!format.test(params[name] ?? '')) throw new NotFoundError()
  }
}

/** A route's parameters, already checked by the platform against their formats: the one way handlers read them. */
export const paramsOf = (req: FastifyRequest) => req.params as Record<string, string>
