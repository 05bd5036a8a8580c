import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { randomToken, sha256 } from '../../platform/http/signing.ts'
import { TOKEN_SCOPES } from '../../platform/http/token-scopes.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { actorForUser, findUserById } from '../accounts/index.ts'
import * as repo from './api-tokens.repo.ts'
import { ExpiryNotInFuture, UnknownTokenUser } from './api-tokens.errors.ts'
import type { CreateTokenInput } from './api-tokens.schemas.ts'

/** A recognisable prefix lets secret scanners (and people) tell a Tillsammans token from other strings. */
export const TOKEN_PREFIX = 'tm_'
const TOUCH_INTERVAL_MS = 60 * 1000
// tm_ + 43 base64url characters; anything much longer is not ours and is not worth hashing.
const MAX_TOKEN_LENGTH = 200

export type TokenStatus = 'active' | 'revoked' | 'expired'

export function tokenStatus(t: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (t.revokedAt) return 'revoked'
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'active'
}

/** What the audit trail keeps of a token: never the secret, never its hash. */
const auditedToken = (t: repo.ApiToken) => ({
  id: t.id,
  name: t.name,
  userId: t.userId,
  createdBy: t.createdBy,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
  scopes: t.scopes,
})

/** Minutes east of UTC in Stockholm at an instant (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return (Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - at.getTime()) / 60000
}

/**
 * A token is valid through the chosen day as officials mean it (Swedish time), so it expires at the
 * midnight that starts the next day. Sweden changes clocks at 01:00 UTC, never at midnight.
 */
export function expiryInstant(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number)
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1)
  return new Date(nextMidnightUtc - stockholmOffsetMinutes(new Date(nextMidnightUtc)) * 60000)
}

/** The last day a token works, for display: the day before the instant it expires. */
export const lastValidDay = (expiresAt: Date) => formatIsoDate(new Date(expiresAt.getTime() - 1))

/**
 * Creates a token acting as a user. The secret is returned once and only its sha256 is stored.
 * @throws ForbiddenError, UnknownTokenUser, ExpiryNotInFuture
 */
export async function createApiToken(deps: Deps, ctx: Ctx, input: CreateTokenInput) {
  const { actor } = ctx
  // The route's policy already demands an admin; the service holds the rule for any other caller too.
  if (actor.via !== 'session' || !isAdmin(actor)) throw new ForbiddenError()
  if (input.expiresOn && input.expiresOn <= formatIsoDate(new Date())) throw new ExpiryNotInFuture()
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`
  const token = await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId)
    if (user?.status !== 'active') throw new UnknownTokenUser()
    const created = await repo.insertToken(tx, {
      name: input.name,
      tokenHash: sha256(secret),
      userId: user.id,
      createdBy: actor.userId,
      expiresAt: input.expiresOn ? expiryInstant(input.expiresOn) : null,
      scopes: TOKEN_SCOPES.filter((s) => input.scopes.includes(s)),
    })
    await audit(tx, ctx, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: created.id,
      organisationId: user.organisationId,
      after: auditedToken(created),
    })
    return created
  })
  return { token, secret }
}

/**
 * Revokes a token at once. Returns undefined when it was already revoked (nothing written).
 * @throws ForbiddenError, NotFoundError
 */
export async function revokeApiToken(deps: Deps, ctx: Ctx, id: string) {
  const { actor } = ctx
  if (actor.via !== 'session' || !isAdmin(actor)) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    const before = await repo.findToken(tx, id)
    if (!before) throw new NotFoundError()
    const after = await repo.revokeToken(tx, id)
    if (!after) return undefined
    const user = await findUserById(tx, before.userId)
    await audit(tx, ctx, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      organisationId: user?.organisationId ?? null,
      before: auditedToken(before),
      after: auditedToken(after),
    })
    return after
  })
}

/**
 * The actor behind `Authorization: Bearer <token>`, or undefined for an unknown, revoked or expired
 * token or a deactivated user. The token acts with its user's current roles, within its scopes.
 */
export async function actorFromToken(deps: Deps, secret: string): Promise<Actor | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > MAX_TOKEN_LENGTH) return undefined
  const token = await repo.findTokenByHash(deps.db, sha256(secret))
  if (!token || tokenStatus(token) !== 'active') return undefined
  const actor = await actorForUser(deps, token.userId, 'token')
  if (!actor) return undefined
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) await repo.touchToken(deps.db, token.id)
  return { ...actor, scopes: token.scopes }
}
