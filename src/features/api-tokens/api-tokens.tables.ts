import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { TokenScope } from '../../platform/http/token-scopes.ts'
import { users } from '../accounts/accounts.tables.ts'

/** Tokens for machine clients. Only the sha256 of the secret is stored; the secret is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    // The token acts with this user's roles, so access never exceeds a real, accountable account.
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // What the token may do, chosen at creation. Tokens made before scopes existed can only read: a
    // client that needs to write gets a new token, rather than every old token gaining writes.
    scopes: text('scopes').array().$type<TokenScope[]>().notNull().default(sql`'{read}'`),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_scopes_check', sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['read','write']::text[]`),
  ],
)
