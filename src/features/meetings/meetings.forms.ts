import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../platform/http/errors.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { Ctx } from './meetings.access.ts'

/** A rule refusal that belongs to a field becomes a form error; anything else goes to the error page. */
export function fieldErrors(req: FastifyRequest, err: unknown): { errors: FieldError[]; status: number } | undefined {
  if (!(err instanceof DomainError) || !err.field) return undefined
  return { errors: [{ field: err.field, message: req.t(err.messageKey, err.params) }], status: err.status }
}

export const ctxOf = (req: FastifyRequest): Ctx => ({ actor: req.actor!, requestId: req.id })

export const paramsOf = (req: FastifyRequest) => req.params as Record<string, string>

/** Raw form values for re-rendering (files and the CSRF token left out). */
export function formValues(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  if (!body || typeof body !== 'object') return out
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string')
  }
  return out
}
