import type { Actor } from './actor.ts'
import { DomainError } from './errors.ts'

/** What an API token may do, chosen when it is created: read (GET), write (everything else). */
export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

const READING = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The scope a request under /api/ needs. */
export const scopeFor = (method: string): TokenScope => (READING.has(method.toUpperCase()) ? 'read' : 'write')

/** Sessions are not limited by scopes; a token only does what its scopes allow. */
export const actorMayUse = (actor: Actor | undefined, method: string): boolean => actor?.via !== 'token' || !!actor.scopes?.includes(scopeFor(method))

export class InsufficientScope extends DomainError {
  constructor(scope: TokenScope) {
    super('insufficient_scope', 'platform.errors.insufficientScope', 403, undefined, { scope })
  }
}
