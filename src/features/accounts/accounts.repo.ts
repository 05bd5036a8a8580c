import { and, asc, count, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm'
import { containsPattern, svOrder } from '../../platform/db/sv-order.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Role, RoleGrant } from '../../platform/http/actor.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { roleGrants, sessions, users } from './accounts.tables.ts'

export type User = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()))
  return u
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id))
  return u
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<User> {
  const [u] = await db.insert(users).values(values).returning()
  return u
}

export async function updateUser(db: Db, id: string, version: number, values: Partial<typeof users.$inferInsert>): Promise<User | undefined> {
  const [u] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning()
  return u
}

export interface GrantWithOrg extends RoleGrant {
  id: string
  organisationName: string
}

export async function grantsOf(db: Db, userId: string): Promise<GrantWithOrg[]> {
  return db
    .select({ id: roleGrants.id, organisationId: roleGrants.organisationId, role: roleGrants.role, organisationName: organisations.name })
    .from(roleGrants)
    .innerJoin(organisations, eq(organisations.id, roleGrants.organisationId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(asc(roleGrants.createdAt))
}

export async function insertGrant(db: Db, values: { userId: string; organisationId: string; role: Role; grantedBy?: string }) {
  const [g] = await db.insert(roleGrants).values(values).onConflictDoNothing().returning()
  return g
}

export async function deleteGrant(db: Db, id: string) {
  const [g] = await db.delete(roleGrants).where(eq(roleGrants.id, id)).returning()
  return g
}

export interface UserListRow {
  id: string
  email: string
  name: string
  status: string
  organisationName: string
  lastLoginAt: Date | null
  roles: string | null
}

export async function listUsers(
  db: Db,
  opts: {
    q?: string
    organisationId?: string
    /** Only users whose organisation is one of these (the actor's scope); undefined means all. */
    within?: string[]
    limit: number
    offset: number
    sort: 'name' | 'email' | 'organisation' | 'lastLogin'
    dir: 'asc' | 'desc'
  },
) {
  const filters = [
    opts.q ? or(ilike(users.name, containsPattern(opts.q)), ilike(users.email, containsPattern(opts.q))) : undefined,
    opts.organisationId ? eq(users.organisationId, opts.organisationId) : undefined,
    opts.within ? (opts.within.length ? inArray(users.organisationId, opts.within) : sql`false`) : undefined,
  ].filter(Boolean)
  const where = filters.length ? and(...filters) : undefined
  const sortColumn = { name: svOrder(users.name), email: users.email, organisation: svOrder(organisations.name), lastLogin: users.lastLoginAt }[opts.sort]
  const rows: UserListRow[] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      organisationName: organisations.name,
      lastLoginAt: users.lastLoginAt,
      roles: sql<string | null>`(select string_agg(distinct ${roleGrants.role}, ',') from ${roleGrants} where ${roleGrants.userId} = ${users.id})`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(opts.dir === 'asc' ? sql`${sortColumn} asc nulls last` : sql`${sortColumn} desc nulls last`, asc(users.id))
    .limit(opts.limit)
    .offset(opts.offset)
  const [{ total }] = await db.select({ total: count() }).from(users).where(where)
  return { rows, total: Number(total) }
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values)
}

export async function findLiveSession(db: Db, id: string, idleSince: Date) {
  const [s] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleSince)))
  return s
}

export async function touchSession(db: Db, id: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id))
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string) {
  await db.delete(sessions).where(exceptId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`) : eq(sessions.userId, userId))
}

export async function deleteExpiredSessions(db: Db, idleSince: Date) {
  await db.delete(sessions).where(or(sql`${sessions.expiresAt} <= now()`, sql`${sessions.lastSeenAt} <= ${idleSince}`))
}
