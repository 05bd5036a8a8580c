import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { bodies, people, seats } from './bodies.tables.ts'

export type Seat = typeof seats.$inferSelect

/** What the seats pages need to know about the body (the bodies feature owns the rest). */
export async function findBody(db: Db, id: string) {
  const [b] = await db
    .select({
      id: bodies.id,
      name: bodies.name,
      kind: bodies.kind,
      collaborationId: bodies.collaborationId,
      organisationId: bodies.organisationId,
      visibility: bodies.visibility,
    })
    .from(bodies)
    .where(eq(bodies.id, id))
  return b
}
export type SeatBody = NonNullable<Awaited<ReturnType<typeof findBody>>>

/** Who is looking: decides which seat visibilities the query returns. */
export interface SeatViewer {
  /** Holds a role at a party (or manages the collaboration): sees `partners` seats. */
  partner: boolean
  /** Manages the collaboration: sees every seat. */
  manager: boolean
  /** Organisations the viewer holds a role at: sees their `organisation` seats. */
  organisationIds: readonly string[]
}

/** Visibility enforced in SQL, mirroring canSee(): public, partners, or the owning party's own. */
export function seatsVisibleTo(viewer: SeatViewer) {
  if (viewer.manager) return undefined
  return or(
    eq(seats.visibility, 'public'),
    viewer.partner ? eq(seats.visibility, 'partners') : undefined,
    viewer.organisationIds.length ? and(eq(seats.visibility, 'organisation'), inArray(seats.organisationId, [...viewer.organisationIds])) : undefined,
  )
}

const seatColumns = {
  id: seats.id,
  bodyId: seats.bodyId,
  personId: seats.personId,
  personName: people.name,
  personTitle: people.title,
  personOrganisationId: people.organisationId,
  organisationId: seats.organisationId,
  organisationName: organisations.name,
  role: seats.role,
  level: seats.level,
  membership: seats.membership,
  validFrom: seats.validFrom,
  validTo: seats.validTo,
  visibility: seats.visibility,
  version: seats.version,
  updatedAt: seats.updatedAt,
}

/** Seats of a body the viewer may see, newest first (the route sorts for display). */
export async function listSeats(db: Db, bodyId: string, viewer: SeatViewer) {
  return db
    .select(seatColumns)
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .innerJoin(organisations, eq(organisations.id, seats.organisationId))
    .where(and(eq(seats.bodyId, bodyId), seatsVisibleTo(viewer)))
    .orderBy(desc(seats.validFrom))
}
export type SeatRow = Awaited<ReturnType<typeof listSeats>>[number]

export async function findSeatRow(db: Db, id: string): Promise<SeatRow | undefined> {
  const [s] = await db
    .select(seatColumns)
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .innerJoin(organisations, eq(organisations.id, seats.organisationId))
    .where(eq(seats.id, id))
  return s
}

export async function findSeat(db: Db, id: string): Promise<Seat | undefined> {
  const [s] = await db.select().from(seats).where(eq(seats.id, id))
  return s
}

/**
 * A seat of the same person in the same body whose period intersects [from, to] (both days
 * included; no end date = open-ended). Call after lockPerson() in the same transaction.
 */
export async function findOverlap(tx: Db, q: { personId: string; bodyId: string; validFrom: string; validTo?: string | null; excludeSeatId?: string }) {
  const [s] = await tx
    .select({ id: seats.id, validFrom: seats.validFrom, validTo: seats.validTo })
    .from(seats)
    .where(
      and(
        eq(seats.personId, q.personId),
        eq(seats.bodyId, q.bodyId),
        q.excludeSeatId ? ne(seats.id, q.excludeSeatId) : undefined,
        sql`daterange(${seats.validFrom}, ${seats.validTo}, '[]') && daterange(${q.validFrom}::date, ${q.validTo ?? null}::date, '[]')`,
      ),
    )
    .orderBy(seats.validFrom)
    .limit(1)
  return s
}

export async function insertSeat(db: Db, values: typeof seats.$inferInsert): Promise<Seat> {
  const [s] = await db.insert(seats).values(values).returning()
  return s
}

/** Optimistic locking: undefined when the version is no longer current. */
export async function updateSeat(
  db: Db,
  id: string,
  version: number,
  values: Partial<Pick<typeof seats.$inferInsert, 'organisationId' | 'role' | 'level' | 'membership' | 'validFrom' | 'validTo' | 'visibility'>>,
): Promise<Seat | undefined> {
  const [s] = await db
    .update(seats)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${seats.version} + 1` })
    .where(and(eq(seats.id, id), eq(seats.version, version)))
    .returning()
  return s
}

/** Names of organisations (parties), for the form's choices. */
export async function organisationNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
}
