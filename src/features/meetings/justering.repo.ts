import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { bodies, people } from '../bodies/bodies.tables.ts'
import { meetingJusterare, meetings } from './meetings.tables.ts'

export type JusterareRow = typeof meetingJusterare.$inferSelect & { email: string | null }

/** The meeting's justerare in the order they were chosen, with the e-mail that links a person to an account. */
export async function listJusterare(db: Db, meetingId: string): Promise<JusterareRow[]> {
  const rows = await db
    .select({ j: meetingJusterare, email: people.email })
    .from(meetingJusterare)
    .innerJoin(people, eq(people.id, meetingJusterare.personId))
    .where(eq(meetingJusterare.meetingId, meetingId))
    .orderBy(asc(meetingJusterare.position))
  return rows.map((r) => ({ ...r.j, email: r.email }))
}

export async function insertJusterare(tx: Db, rows: (typeof meetingJusterare.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(meetingJusterare).values(rows)
}

export async function deleteJusterare(tx: Db, meetingId: string): Promise<void> {
  await tx.delete(meetingJusterare).where(eq(meetingJusterare.meetingId, meetingId))
}

/** Marks justerare as having justerat; only those not yet confirmed change. */
export async function confirmJusterare(
  tx: Db,
  ids: string[],
  v: { method: 'account' | 'recorded'; userId?: string; recordedBy?: string; justeradOn: string },
): Promise<void> {
  if (!ids.length) return
  await tx
    .update(meetingJusterare)
    .set({ method: v.method, userId: v.userId ?? null, recordedBy: v.recordedBy ?? null, justeradOn: v.justeradOn, confirmedAt: new Date() })
    .where(and(inArray(meetingJusterare.id, ids), isNull(meetingJusterare.confirmedAt)))
}

export interface PendingJustering {
  meetingId: string
  title: string
  bodyId: string
  bodyName: string
  startsAt: Date
  endsAt: Date
  place: string
}

/** Minutes sent for justering and not yet locked where a justerare with this e-mail has not confirmed. */
export async function pendingForEmail(db: Db, email: string): Promise<PendingJustering[]> {
  return db
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      bodyId: meetings.bodyId,
      bodyName: bodies.name,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
    })
    .from(meetingJusterare)
    .innerJoin(people, eq(people.id, meetingJusterare.personId))
    .innerJoin(meetings, eq(meetings.id, meetingJusterare.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        sql`lower(${people.email}) = ${email.toLowerCase()}`,
        isNull(meetingJusterare.confirmedAt),
        isNotNull(meetings.justeringRequestedAt),
        isNull(meetings.minutesApprovedAt),
      ),
    )
    .orderBy(asc(meetings.startsAt))
}
