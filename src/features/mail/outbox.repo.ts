import { count, desc, eq, lt } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { mailOutbox } from './outbox.tables.ts'

export type OutboxMessage = typeof mailOutbox.$inferSelect
export type OutboxRow = Pick<OutboxMessage, 'id' | 'toAddress' | 'subject' | 'createdAt'>

/** Keeps a message that was not sent; a retried job (same job id) does not keep it twice. */
export async function insertOutboxMessage(db: Db, m: { toAddress: string; subject: string; text: string; ics?: string; jobId?: string }) {
  await db
    .insert(mailOutbox)
    .values({ ...m, ics: m.ics ?? null, jobId: m.jobId ?? null })
    .onConflictDoNothing({ target: mailOutbox.jobId })
}

/** Newest first, one page at a time. */
export async function listOutbox(db: Db, { limit, offset }: { limit: number; offset: number }): Promise<OutboxRow[]> {
  return db
    .select({ id: mailOutbox.id, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit)
    .offset(offset)
}

export async function countOutbox(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mailOutbox)
  return Number(row.n)
}

export async function findOutboxMessage(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id))
  return row
}

export async function deleteOutboxOlderThan(db: Db, before: Date): Promise<number> {
  const deleted = await db.delete(mailOutbox).where(lt(mailOutbox.createdAt, before)).returning({ id: mailOutbox.id })
  return deleted.length
}
