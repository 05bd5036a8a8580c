import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { Role } from '../../platform/http/actor.ts'
import { organisations } from '../organisations/organisations.tables.ts'

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status').$type<'active' | 'deactivated'>().notNull().default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // E-mail addresses are stored lower-cased by the service; the index makes duplicates impossible.
    uniqueIndex('users_email_key').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    check('users_status_check', sql`${t.status} in ('active','deactivated')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
)

/** A role is held per organisation: an editor for Linköpings kommun edits Linköping's records only. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<Role>().notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_key').on(t.userId, t.organisationId, t.role),
    check('role_grants_role_check', sql`${t.role} in ('admin','coordinator','editor','reporter','viewer')`),
  ],
)

/** Server-side sessions: the cookie holds a random token, the table only its sha256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

/**
 * Failed logins as they were counted before issue 7 (one row per failure). No longer written:
 * `login_throttle` replaced it. Kept because dropping a table is not an additive migration, and the
 * backup tests use it as their plain table with a sequence.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
)

/**
 * Login throttling (login-throttle.ts): one row per key — an account, an account at one client
 * address, a client address. `failures` counts attempts that were not (yet) successful: an attempt is
 * counted when it is let through, before its password is checked, so parallel guesses cannot slip
 * past. `blocked_until` is when the next attempt may be let through; `checking_until` is a lease held
 * while one instance checks a password for the account (one check at a time per account).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull().defaultNow(),
  checkingUntil: timestamp('checking_until', { withTimezone: true }),
})

/** Secrets generated once per installation (e.g. the cookie signing key when SESSION_SECRET is unset). */
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
