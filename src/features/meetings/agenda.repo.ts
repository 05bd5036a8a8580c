import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { files } from '../../platform/files/files.tables.ts'
import { actionItems, agendaItems, meetings } from './meetings.tables.ts'

export type AgendaItem = typeof agendaItems.$inferSelect
export type AgendaRow = AgendaItem & { fileName: string | null }

export async function listAgenda(db: Db, meetingId: string): Promise<AgendaRow[]> {
  const rows = await db
    .select({ item: agendaItems, fileName: files.filename })
    .from(agendaItems)
    .leftJoin(files, eq(files.id, agendaItems.fileId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
  return rows.map((r) => ({ ...r.item, fileName: r.fileName }))
}

export async function findAgendaItem(db: Db, meetingId: string, id: string): Promise<AgendaItem | undefined> {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId)))
  return row
}

/** Appends an item at the end of the agenda. */
export async function insertAgendaItem(tx: Db, values: Omit<typeof agendaItems.$inferInsert, 'position'>): Promise<AgendaItem> {
  const [row] = await tx
    .insert(agendaItems)
    .values({
      ...values,
      position: sql`(select coalesce(max(${agendaItems.position}), 0) + 1 from ${agendaItems} where ${agendaItems.meetingId} = ${values.meetingId})`,
    })
    .returning()
  return row
}

export async function deleteAgendaItem(tx: Db, id: string): Promise<void> {
  await tx.delete(agendaItems).where(eq(agendaItems.id, id))
}

/** Swaps an item with its neighbour above or below; false when it is already first or last. */
export async function moveAgendaItem(tx: Db, item: AgendaItem, direction: 'up' | 'down'): Promise<boolean> {
  const [neighbour] = await tx
    .select()
    .from(agendaItems)
    .where(
      and(eq(agendaItems.meetingId, item.meetingId), direction === 'up' ? lt(agendaItems.position, item.position) : gt(agendaItems.position, item.position)),
    )
    .orderBy(direction === 'up' ? sql`${agendaItems.position} desc` : asc(agendaItems.position))
    .limit(1)
  if (!neighbour) return false
  await tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, item.id))
  await tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, neighbour.id))
  return true
}

export interface FollowUp {
  actionItemId: string
  title: string
  status: 'open' | 'in_progress' | 'done'
  fromMeetingId: string
  fromMeetingStartsAt: Date
}

/**
 * Action items of the body from earlier meetings that are not done: they come back on every later
 * meeting's agenda ("Uppföljning: …") until someone marks them done.
 */
export async function openFollowUps(db: Db, bodyId: string, before: Date): Promise<FollowUp[]> {
  return db
    .select({
      actionItemId: actionItems.id,
      title: actionItems.title,
      status: actionItems.status,
      fromMeetingId: meetings.id,
      fromMeetingStartsAt: meetings.startsAt,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(and(eq(actionItems.bodyId, bodyId), ne(actionItems.status, 'done'), lt(meetings.startsAt, before)))
    .orderBy(asc(meetings.startsAt), asc(actionItems.createdAt), asc(actionItems.id))
}
