import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../platform/db/types.ts'
import { users } from '../accounts/accounts.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { apiTokens } from './api-tokens.tables.ts'

export type ApiToken = typeof apiTokens.$inferSelect

export async function findTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  const [t] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash))
  return t
}

export async function findToken(db: Db, id: string): Promise<ApiToken | undefined> {
  const [t] = await db.select().from(apiTokens).where(eq(apiTokens.id, id))
  return t
}

export async function insertToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiToken> {
  const [t] = await db.insert(apiTokens).values(values).returning()
  return t
}

/** Sets revoked_at once; undefined when the token was already revoked (or is unknown). */
export async function revokeToken(db: Db, id: string): Promise<ApiToken | undefined> {
  const [t] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning()
  return t
}

/**
 * Records use at most once a minute. The condition lives in SQL as well, so several instances
 * seeing the same stale value still write once, and a busy client does not cause a write per request.
 */
export async function touchToken(db: Db, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))))
}

export interface TokenListRow {
  id: string
  name: string
  userId: string
  userName: string
  userEmail: string
  createdByName: string
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
  scopes: string[]
}

// Read-only joins on the accounts tables for display: names of the acting user and the creator.
const owner = alias(users, 'owner')
const creator = alias(users, 'creator')

export async function listTokens(db: Db): Promise<TokenListRow[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      userId: apiTokens.userId,
      userName: owner.name,
      userEmail: owner.email,
      createdByName: creator.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      scopes: apiTokens.scopes,
    })
    .from(apiTokens)
    .innerJoin(owner, eq(owner.id, apiTokens.userId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
}

export interface UserOption {
  id: string
  name: string
  email: string
  organisationName: string
}

/** Active accounts a token may act as; sorted for display by the caller (Swedish collation). */
export async function listActiveUsers(db: Db): Promise<UserOption[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.status, 'active'))
}
