import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { bodies, people, seats } from '../bodies/bodies.tables.ts'
import { meetings } from './meetings.tables.ts'

export type Meeting = typeof meetings.$inferSelect
export type NewMeeting = typeof meetings.$inferInsert

export async function findMeeting(db: Db, id: string): Promise<Meeting | undefined> {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, id))
  return m
}

/**
 * The meeting row, locked until the transaction ends: every change to the minutes first takes this
 * lock and checks justering under it, so an edit racing the approval either lands before it or is refused.
 */
export async function lockMeeting(tx: Db, id: string): Promise<Meeting | undefined> {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update')
  return m
}

/** The body's meetings, newest first; the page splits them into upcoming and past. */
export async function listMeetingsOfBody(db: Db, bodyId: string): Promise<Meeting[]> {
  return db.select().from(meetings).where(eq(meetings.bodyId, bodyId)).orderBy(desc(meetings.startsAt), asc(meetings.id))
}

export async function insertMeeting(db: Db, values: NewMeeting): Promise<Meeting> {
  const [m] = await db.insert(meetings).values(values).returning()
  return m
}

/** Sets fields of a meeting (the caller holds the row lock and has checked the version). */
export async function setMeeting(tx: Db, id: string, values: Partial<NewMeeting>): Promise<Meeting> {
  const [m] = await tx
    .update(meetings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meetings.id, id))
    .returning()
  return m
}

/**
 * Every change to a meeting or its minutes bumps the meeting's version, so an edit or a justering
 * made from an older page is refused as stale instead of approving something its author never saw.
 */
export async function touchMeeting(tx: Db, id: string): Promise<Meeting> {
  const [m] = await tx
    .update(meetings)
    .set({ updatedAt: new Date(), version: sql`${meetings.version} + 1` })
    .where(eq(meetings.id, id))
    .returning()
  return m
}

/** Meetings of some bodies from a day on, oldest first (calendar feeds). */
export async function meetingsOfBodies(db: Db, bodyIds: string[], since: Date): Promise<(Meeting & { bodyName: string })[]> {
  if (!bodyIds.length) return []
  const rows = await db
    .select({ meeting: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(inArray(meetings.bodyId, bodyIds), gte(meetings.endsAt, since)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
  return rows.map((r) => ({ ...r.meeting, bodyName: r.bodyName }))
}

/**
 * Bodies in which a person with this e-mail address holds a seat today: what a user's own calendar
 * feed contains. People are not users, so the e-mail address is the link (compared case-insensitively).
 */
export async function bodiesSeatedByEmail(db: Db, email: string, today: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: bodies.id, name: bodies.name })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .innerJoin(bodies, eq(bodies.id, seats.bodyId))
    .where(
      and(
        sql`lower(${people.email}) = ${email.toLowerCase()}`,
        sql`${seats.validFrom} <= ${today}`,
        sql`(${seats.validTo} is null or ${seats.validTo} >= ${today})`,
      ),
    )
}
