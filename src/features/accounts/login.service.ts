import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import { randomToken, sha256 } from '../../platform/http/signing.ts'
import * as repo from './accounts.repo.ts'
import { InvalidCredentials } from './accounts.errors.ts'
import { throttled } from './login-throttle.ts'
import { verifyPassword } from './passwords.ts'
import { ABSOLUTE_TIMEOUT_MS } from './sessions.service.ts'

export interface LoginInput {
  email: string
  password: string
  ip: string
  userAgent?: string
  /** The session being replaced: a login always issues a new id (no session fixation). */
  previousToken?: string
  requestId?: string
}

/**
 * Checks the password and opens a session. Throttled per account, per account and address, and per
 * address (login-throttle.ts); the limits hold for addresses that have no account too, so the answer
 * never reveals which exist.
 * @throws TooManyAttempts, InvalidCredentials
 */
export async function login(deps: Deps, input: LoginInput): Promise<{ token: string; user: repo.User }> {
  const email = input.email.trim().toLowerCase()
  const user = await repo.findUserByEmail(deps.db, email)
  const ok = await throttled(deps.db, { email, ip: input.ip }, async () => {
    const passwordOk = await verifyPassword(user?.passwordHash, input.password)
    return !!user && passwordOk && user.status === 'active'
  })
  if (!ok || !user) {
    await deps.db.transaction(async (tx) => {
      await audit(
        tx,
        { actor: { label: 'anonymous' }, requestId: input.requestId },
        {
          action: 'session.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          // The account's organisation, so the coordinator responsible for it sees the failures.
          organisationId: user?.organisationId ?? null,
          after: { email: email.slice(0, 200), ip: input.ip },
        },
      )
    })
    throw new InvalidCredentials()
  }
  const token = randomToken()
  await deps.db.transaction(async (tx) => {
    if (input.previousToken) await repo.deleteSession(tx, sha256(input.previousToken))
    await repo.insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + ABSOLUTE_TIMEOUT_MS),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
    })
    await repo.updateUser(tx, user.id, user.version, { lastLoginAt: new Date() })
    await audit(
      tx,
      { actor: { userId: user.id, email: user.email }, requestId: input.requestId },
      {
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        after: { ip: input.ip },
      },
    )
  })
  return { token, user }
}
