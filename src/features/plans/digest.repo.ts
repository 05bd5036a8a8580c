import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { roleGrants, users } from '../accounts/accounts.tables.ts'
import { digestLog, digestOptOuts } from './digest.tables.ts'

/** The roles that report follow-up (follow-up.todos.ts gives them to-do items); viewers and admins get none. */
export const DIGEST_ROLES = ['editor', 'reporter', 'coordinator'] as const

/** Active users with a reporting role who have not opted out, with their address. */
export async function listDigestRecipients(db: Db): Promise<{ id: string; email: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(roleGrants.role, [...DIGEST_ROLES]),
        sql`not exists (select 1 from ${digestOptOuts} where ${digestOptOuts.userId} = ${users.id})`,
      ),
    )
    .orderBy(users.id)
}

export async function digestSentOn(db: Db, userId: string, day: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: digestLog.userId })
    .from(digestLog)
    .where(and(eq(digestLog.userId, userId), eq(digestLog.day, day)))
  return !!row
}

/** Records the day's digest; false when one is already recorded (then nothing may be sent). */
export async function claimDigestDay(tx: Db, userId: string, day: string, items: number): Promise<boolean> {
  const rows = await tx.insert(digestLog).values({ userId, day, items }).onConflictDoNothing().returning({ userId: digestLog.userId })
  return rows.length === 1
}

export async function hasOptedOut(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: digestOptOuts.userId }).from(digestOptOuts).where(eq(digestOptOuts.userId, userId))
  return !!row
}

/** Returns whether anything changed, so that only a real change is audited. */
export async function setOptOut(tx: Db, userId: string, optedOut: boolean): Promise<boolean> {
  if (optedOut) return (await tx.insert(digestOptOuts).values({ userId }).onConflictDoNothing().returning()).length === 1
  return (await tx.delete(digestOptOuts).where(eq(digestOptOuts.userId, userId)).returning()).length === 1
}
