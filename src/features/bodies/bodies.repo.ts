import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { type Viewer, collaborationVisibleTo, visibleTo } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { bodies, people, seats } from './bodies.tables.ts'
import { stockholmToday } from '../../platform/db/today.ts'

export type Body = typeof bodies.$inferSelect

/** A body as pages show it. */
export type BodyRow = Body

// A body is shown when both it and its collaboration are visible to the viewer.
const bodyVisibleTo = (viewer: Viewer) =>
  and(
    collaborationVisibleTo(viewer),
    visibleTo(viewer, {
      visibility: bodies.visibility,
      ownerId: bodies.organisationId,
      collaborationId: bodies.collaborationId,
      collaborationOwnerId: collaborations.organisationId,
    }),
  )

/** The bodies of a collaboration the viewer may see; sorted for display by the caller. */
export async function listBodies(db: Db, viewer: Viewer, collaborationId: string): Promise<BodyRow[]> {
  const rows = await db
    .select({ body: bodies })
    .from(bodies)
    .innerJoin(collaborations, eq(collaborations.id, bodies.collaborationId))
    .where(and(eq(bodies.collaborationId, collaborationId), bodyVisibleTo(viewer)))
    .orderBy(asc(bodies.createdAt), asc(bodies.id))
  return rows.map((r) => r.body)
}

/** Every body of a collaboration, unfiltered: for rules (reporting-line cycles), never for display. */
export async function listAllBodies(db: Db, collaborationId: string): Promise<Body[]> {
  return db.select().from(bodies).where(eq(bodies.collaborationId, collaborationId))
}

/** One body, if the viewer may see it (and its collaboration). */
export async function findBodyRow(db: Db, viewer: Viewer, id: string): Promise<BodyRow | undefined> {
  const [row] = await db
    .select({ body: bodies })
    .from(bodies)
    .innerJoin(collaborations, eq(collaborations.id, bodies.collaborationId))
    .where(and(eq(bodies.id, id), bodyVisibleTo(viewer)))
  return row?.body
}

export async function findBody(db: Db, id: string): Promise<Body | undefined> {
  const [b] = await db.select().from(bodies).where(eq(bodies.id, id))
  return b
}

export async function insertBody(db: Db, values: typeof bodies.$inferInsert): Promise<Body> {
  const [b] = await db.insert(bodies).values(values).returning()
  return b
}

/** Optimistic update: undefined when the version is no longer current (someone else saved first). */
export async function updateBody(db: Db, id: string, version: number, values: Partial<typeof bodies.$inferInsert>): Promise<Body | undefined> {
  const [b] = await db
    .update(bodies)
    .set({ ...values, updatedAt: new Date(), version: sql`${bodies.version} + 1` })
    .where(and(eq(bodies.id, id), eq(bodies.version, version)))
    .returning()
  return b
}

/** Bodies the public may see (visibility public), for the public overview. */
export async function listPublicBodies(db: Db, collaborationId: string): Promise<Body[]> {
  return db
    .select()
    .from(bodies)
    .where(and(eq(bodies.collaborationId, collaborationId), eq(bodies.visibility, 'public')))
    .orderBy(asc(bodies.createdAt), asc(bodies.id))
}

export interface PublicSeatHolder {
  bodyId: string
  name: string
  title: string | null
  partyName: string
  role: (typeof seats.$inferSelect)['role']
  level: (typeof seats.$inferSelect)['level']
  membership: (typeof seats.$inferSelect)['membership']
}

/**
 * Holders of current seats whose visibility is public, in public bodies of the collaboration. Seats
 * visible to partners only (by default every official-level seat) never reach the public page.
 */
export async function listPublicSeatHolders(db: Db, collaborationId: string): Promise<PublicSeatHolder[]> {
  return db
    .select({
      bodyId: seats.bodyId,
      name: people.name,
      title: people.title,
      partyName: organisations.name,
      role: seats.role,
      level: seats.level,
      membership: seats.membership,
    })
    .from(seats)
    .innerJoin(bodies, eq(bodies.id, seats.bodyId))
    .innerJoin(people, eq(people.id, seats.personId))
    .innerJoin(organisations, eq(organisations.id, seats.organisationId))
    .where(
      and(
        eq(bodies.collaborationId, collaborationId),
        eq(bodies.visibility, 'public'),
        eq(seats.visibility, 'public'),
        sql`${seats.validFrom} <= ${stockholmToday}`,
        sql`(${seats.validTo} is null or ${seats.validTo} >= ${stockholmToday})`,
      ),
    )
}
