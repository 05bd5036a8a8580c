import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { people } from '../bodies/bodies.tables.ts'
import { actionItems, meetingDecisions, meetingDistribution, meetingInvitations } from './meetings.tables.ts'

export type Decision = typeof meetingDecisions.$inferSelect
export type ActionItem = typeof actionItems.$inferSelect
export type ActionItemRow = ActionItem & { ownerPersonName: string | null }
export type DistributionEntry = typeof meetingDistribution.$inferSelect

// ---- Decisions (§) ----

export async function listDecisions(db: Db, meetingId: string): Promise<Decision[]> {
  return db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.year), asc(meetingDecisions.paragraph))
}

export async function findDecision(db: Db, meetingId: string, id: string): Promise<Decision | undefined> {
  const [d] = await db
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.id, id), eq(meetingDecisions.meetingId, meetingId)))
  return d
}

/**
 * Inserts a decision with the body's next § of the year, computed in the same statement. Two
 * concurrent inserts can compute the same number; the unique index (body, year, paragraph) refuses
 * the second, and the service retries it in a new transaction.
 */
export async function insertDecision(tx: Db, v: { meetingId: string; bodyId: string; year: number; title: string; decisionText: string }): Promise<Decision> {
  const [d] = await tx
    .insert(meetingDecisions)
    .values({
      ...v,
      paragraph: sql`(select coalesce(max(${meetingDecisions.paragraph}), 0) + 1 from ${meetingDecisions} where ${meetingDecisions.bodyId} = ${v.bodyId} and ${meetingDecisions.year} = ${v.year})`,
    })
    .returning()
  return d
}

export async function updateDecision(tx: Db, id: string, v: { title: string; decisionText: string }): Promise<Decision> {
  const [d] = await tx.update(meetingDecisions).set(v).where(eq(meetingDecisions.id, id)).returning()
  return d
}

// ---- Action items ----

export async function listActionItems(db: Db, meetingId: string): Promise<ActionItemRow[]> {
  const rows = await db
    .select({ item: actionItems, ownerPersonName: people.name })
    .from(actionItems)
    .leftJoin(people, eq(people.id, actionItems.ownerPersonId))
    .where(eq(actionItems.meetingId, meetingId))
    .orderBy(asc(actionItems.createdAt), asc(actionItems.id))
  return rows.map((r) => ({ ...r.item, ownerPersonName: r.ownerPersonName }))
}

export async function findActionItem(db: Db, id: string): Promise<ActionItem | undefined> {
  const [a] = await db.select().from(actionItems).where(eq(actionItems.id, id))
  return a
}

export async function lockActionItem(tx: Db, id: string): Promise<ActionItem | undefined> {
  const [a] = await tx.select().from(actionItems).where(eq(actionItems.id, id)).for('update')
  return a
}

export async function insertActionItem(tx: Db, v: typeof actionItems.$inferInsert): Promise<ActionItem> {
  const [a] = await tx.insert(actionItems).values(v).returning()
  return a
}

export async function updateActionItem(tx: Db, id: string, version: number, v: Partial<typeof actionItems.$inferInsert>): Promise<ActionItem | undefined> {
  const [a] = await tx
    .update(actionItems)
    .set({ ...v, updatedAt: new Date(), version: sql`${actionItems.version} + 1` })
    .where(and(eq(actionItems.id, id), eq(actionItems.version, version)))
    .returning()
  return a
}

// ---- Distribution ("Beslutet skickas till") ----

export async function listDistribution(db: Db, meetingId: string): Promise<DistributionEntry[]> {
  return db.select().from(meetingDistribution).where(eq(meetingDistribution.meetingId, meetingId)).orderBy(asc(meetingDistribution.recipient))
}

export async function insertDistribution(tx: Db, v: { meetingId: string; organisationId: string | null; recipient: string }): Promise<DistributionEntry> {
  const [d] = await tx.insert(meetingDistribution).values(v).returning()
  return d
}

export async function deleteDistribution(tx: Db, meetingId: string, id: string): Promise<DistributionEntry | undefined> {
  const [d] = await tx
    .delete(meetingDistribution)
    .where(and(eq(meetingDistribution.id, id), eq(meetingDistribution.meetingId, meetingId)))
    .returning()
  return d
}

// ---- Invitations ----

export type Invitation = typeof meetingInvitations.$inferSelect

export async function listInvitations(db: Db, meetingId: string): Promise<Invitation[]> {
  return db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId))
}

/** One row per meeting and seat: inviting again updates the address and time instead of adding a row. */
export async function upsertInvitation(tx: Db, v: { meetingId: string; seatId: string; email: string }): Promise<Invitation> {
  const now = new Date()
  const [row] = await tx
    .insert(meetingInvitations)
    .values({ ...v, sentAt: now })
    .onConflictDoUpdate({ target: [meetingInvitations.meetingId, meetingInvitations.seatId], set: { email: v.email, sentAt: now } })
    .returning()
  return row
}
