import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { bodies, people, seats } from '../bodies/bodies.tables.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { type Viewer, visibleTo } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { MEETING_TIME_ZONE } from './meetings.time.ts'
import { attendance, meetings } from './meetings.tables.ts'

export interface SeatAttendance {
  seatId: string
  personId: string
  personName: string
  email: string | null
  partyId: string
  partyName: string
  role: (typeof seats.$inferSelect)['role']
  level: (typeof seats.$inferSelect)['level']
  membership: (typeof seats.$inferSelect)['membership']
  status: (typeof attendance.$inferSelect)['status'] | null
  substituteName: string | null
  minutesContributed: number | null
}

/**
 * The seats of a meeting: those valid on the meeting's day, plus any seat already recorded for it
 * (a seat whose dates were corrected later keeps its attendance). With a viewer, seat visibility is
 * enforced here; without one (invitations, rule checks) every seat is returned.
 */
export async function seatsOfMeeting(db: Db, meeting: { id: string; bodyId: string; date: string }, viewer?: Viewer): Promise<SeatAttendance[]> {
  const rows = await selectSeatsOfMeeting(db, meeting, viewer)
  // Swedish order (Å, Ä, Ö last) by party, then ordinary before substitute, then name.
  return rows.sort((a, b) => compareSv(a.partyName, b.partyName) || a.membership.localeCompare(b.membership) || compareSv(a.personName, b.personName))
}

async function selectSeatsOfMeeting(db: Db, meeting: { id: string; bodyId: string; date: string }, viewer?: Viewer) {
  const validOnDay = and(sql`${seats.validFrom} <= ${meeting.date}`, sql`(${seats.validTo} is null or ${seats.validTo} >= ${meeting.date})`)
  const visible = viewer
    ? visibleTo(viewer, {
        visibility: seats.visibility,
        ownerId: seats.organisationId,
        collaborationId: bodies.collaborationId,
        collaborationOwnerId: collaborations.organisationId,
      })
    : undefined
  return db
    .select({
      seatId: seats.id,
      personId: people.id,
      personName: people.name,
      email: people.email,
      partyId: seats.organisationId,
      partyName: organisations.name,
      role: seats.role,
      level: seats.level,
      membership: seats.membership,
      status: attendance.status,
      substituteName: attendance.substituteName,
      minutesContributed: attendance.minutesContributed,
    })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .innerJoin(organisations, eq(organisations.id, seats.organisationId))
    .innerJoin(bodies, eq(bodies.id, seats.bodyId))
    .innerJoin(collaborations, eq(collaborations.id, bodies.collaborationId))
    .leftJoin(attendance, and(eq(attendance.seatId, seats.id), eq(attendance.meetingId, meeting.id)))
    .where(and(eq(seats.bodyId, meeting.bodyId), or(validOnDay, isNotNull(attendance.id)), visible))
    .orderBy(asc(seats.id))
}

export interface AttendanceValues {
  meetingId: string
  seatId: string
  status: (typeof attendance.$inferSelect)['status']
  substituteName: string | null
  minutesContributed: number
  recordedBy: string
}

/** One row per meeting and seat: recording again replaces the earlier entry. */
export async function upsertAttendance(tx: Db, v: AttendanceValues) {
  const [row] = await tx
    .insert(attendance)
    .values({ ...v, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [attendance.meetingId, attendance.seatId],
      set: { status: v.status, substituteName: v.substituteName, minutesContributed: v.minutesContributed, recordedBy: v.recordedBy, updatedAt: new Date() },
    })
    .returning()
  return row
}

export async function findAttendance(db: Db, meetingId: string, seatId: string) {
  const [row] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.seatId, seatId)))
  return row
}

export interface TimeRow {
  partyId: string
  partyName: string
  year: number
  minutes: number
}

/**
 * Time contributed per party (the party the seat represents) and calendar year of the meeting in
 * Stockholm: the declaration's only cost. Cancelled meetings count nothing.
 */
export async function timeByPartyAndYear(db: Db, collaborationId: string): Promise<TimeRow[]> {
  const year = sql<number>`extract(year from ${meetings.startsAt} at time zone ${sql.raw(`'${MEETING_TIME_ZONE}'`)})::int`
  return db
    .select({ partyId: seats.organisationId, partyName: organisations.name, year, minutes: sql<number>`sum(${attendance.minutesContributed})::int` })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .innerJoin(seats, eq(seats.id, attendance.seatId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organisations, eq(organisations.id, seats.organisationId))
    .where(and(eq(bodies.collaborationId, collaborationId), sql`${meetings.status} <> 'cancelled'`, sql`${attendance.status} <> 'absent'`))
    .groupBy(seats.organisationId, organisations.name, year)
}
