import { eq } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { randomToken, sha256 } from '../../platform/http/signing.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { users } from './accounts.tables.ts'
import * as repo from './accounts.repo.ts'
import { WrongCurrentPassword } from './accounts.errors.ts'
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts'
import { forgetSessionsOf, type SessionCache, sessionCacheOf } from './session-cache.ts'

export const IDLE_TIMEOUT_MS = 8 * 3600 * 1000
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 3600 * 1000
const TOUCH_INTERVAL_MS = 60 * 1000

/** Opens a session for a user already identified elsewhere (OIDC). */
export async function openSession(deps: Deps, user: repo.User, meta: { ip: string; userAgent?: string; requestId?: string; method: string }) {
  const token = randomToken()
  await deps.db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + ABSOLUTE_TIMEOUT_MS),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
    })
    await repo.updateUser(tx, user.id, user.version, { lastLoginAt: new Date() })
    await audit(
      tx,
      { actor: { userId: user.id, email: user.email }, requestId: meta.requestId },
      {
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        after: { ip: meta.ip, method: meta.method },
      },
    )
  })
  return token
}

export async function logout(deps: Deps, ctx: Ctx): Promise<void> {
  const { actor } = ctx
  if (!actor.sessionId) return
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId!)
    await audit(tx, ctx, { action: 'session.logout', entityType: 'user', entityId: actor.userId, organisationId: actor.organisationId })
  })
  // The database notifies every instance; this one forgets at once, before the answer goes out.
  sessionCacheOf(deps).forget(actor.sessionId)
}

/**
 * The actor behind a session cookie, or undefined when the session is unknown, idle too long or too old.
 * Served from the process's session cache when it can be (decision 006); "last seen" is written at
 * most once a minute per session and instance, never on every request.
 */
export async function actorFromSession(deps: Deps, token: string): Promise<Actor | undefined> {
  const id = sha256(token)
  const cache = sessionCacheOf(deps)
  const now = Date.now()
  const hit = await cache.get(id, now)
  if (hit && now - hit.lastSeenAt < IDLE_TIMEOUT_MS) {
    if (now - hit.lastSeenAt > TOUCH_INTERVAL_MS) {
      hit.lastSeenAt = now
      await repo.touchSession(deps.db, id)
    }
    return hit.actor
  }
  return cache.load(id, () => loadSession(deps, cache, id))
}

async function loadSession(deps: Deps, cache: SessionCache, id: string): Promise<Actor | undefined> {
  const generation = cache.generation
  const session = await repo.findLiveSession(deps.db, id, new Date(Date.now() - IDLE_TIMEOUT_MS))
  if (!session) return undefined
  const found = await actorForUser(deps, session.userId, 'session')
  if (!found) return undefined
  let lastSeenAt = session.lastSeenAt.getTime()
  if (Date.now() - lastSeenAt > TOUCH_INTERVAL_MS) {
    await repo.touchSession(deps.db, id)
    lastSeenAt = Date.now()
  }
  // One object serves many requests: frozen, so no handler can change another request's actor.
  const actor: Actor = Object.freeze({ ...found, roles: Object.freeze(found.roles) as Actor['roles'], sessionId: id })
  cache.put(id, { actor, lastSeenAt, expiresAt: session.expiresAt.getTime(), cachedAt: Date.now() }, generation)
  return actor
}

export async function actorForUser(deps: Deps, userId: string, via: Actor['via']): Promise<Actor | undefined> {
  const [row] = await deps.db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
  if (row?.user.status !== 'active') return undefined
  const grants = await repo.grantsOf(deps.db, userId)
  return {
    userId,
    email: row.user.email,
    name: row.user.name,
    organisationId: row.user.organisationId,
    organisationName: row.organisationName,
    roles: grants.map(({ organisationId, role }) => ({ organisationId, role })),
    via,
    mustChangePassword: row.user.mustChangePassword,
  }
}

/** @throws WrongCurrentPassword. Ends the user's other sessions: a changed password locks out whoever knew the old one. */
export async function changePassword(deps: Deps, ctx: Ctx, current: string, next: string) {
  const { actor } = ctx
  assertAcceptablePassword(next, actor.email)
  const user = await repo.findUserById(deps.db, actor.userId)
  if (!user || !(await verifyPassword(user.passwordHash, current))) throw new WrongCurrentPassword()
  const passwordHash = await hashPassword(next)
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, user.version, { passwordHash, mustChangePassword: false })
    await repo.deleteSessionsOfUser(tx, user.id, actor.sessionId)
    await audit(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: user.id, organisationId: user.organisationId })
  })
  forgetSessionsOf(deps, user.id)
}
