import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { followUpEntries, followUpSummaries } from './follow-up.tables.ts'

export type Entry = typeof followUpEntries.$inferSelect
export type NewEntry = typeof followUpEntries.$inferInsert
export type Summary = typeof followUpSummaries.$inferSelect

/** The entries of some items, newest period first. */
export async function listEntries(db: Db, itemIds: readonly string[]): Promise<Entry[]> {
  if (itemIds.length === 0) return []
  return db
    .select()
    .from(followUpEntries)
    .where(inArray(followUpEntries.itemId, [...itemIds]))
    .orderBy(desc(followUpEntries.periodEnd))
}

export async function findEntry(db: Db, itemId: string, periodKey: string): Promise<Entry | undefined> {
  const [e] = await db
    .select()
    .from(followUpEntries)
    .where(and(eq(followUpEntries.itemId, itemId), eq(followUpEntries.periodKey, periodKey)))
  return e
}

/** Inserts the period's entry; undefined when someone else wrote it first (one entry per item and period). */
export async function insertEntry(db: Db, values: NewEntry): Promise<Entry | undefined> {
  const [e] = await db.insert(followUpEntries).values(values).onConflictDoNothing().returning()
  return e
}

export async function updateEntry(db: Db, id: string, version: number, values: Partial<NewEntry>): Promise<Entry | undefined> {
  const [e] = await db
    .update(followUpEntries)
    .set({ ...values, updatedAt: new Date(), version: sql`${followUpEntries.version} + 1` })
    .where(and(eq(followUpEntries.id, id), eq(followUpEntries.version, version)))
    .returning()
  return e
}

/** Every revision of a plan's summaries, newest period and revision first. */
export async function listSummaries(db: Db, planId: string): Promise<Summary[]> {
  return db
    .select()
    .from(followUpSummaries)
    .where(eq(followUpSummaries.planId, planId))
    .orderBy(desc(followUpSummaries.periodEnd), desc(followUpSummaries.revision))
}

/** The newest revision of one period's summary. */
export async function latestSummary(db: Db, planId: string, periodKey: string): Promise<Summary | undefined> {
  const [s] = await db
    .select()
    .from(followUpSummaries)
    .where(and(eq(followUpSummaries.planId, planId), eq(followUpSummaries.periodKey, periodKey)))
    .orderBy(desc(followUpSummaries.revision))
    .limit(1)
  return s
}

export async function insertSummary(db: Db, values: typeof followUpSummaries.$inferInsert): Promise<Summary | undefined> {
  const [s] = await db.insert(followUpSummaries).values(values).onConflictDoNothing().returning()
  return s
}

/** Changes a draft (a published summary is final: the database refuses, and so does this query). */
export async function updateSummary(db: Db, id: string, version: number, values: Partial<typeof followUpSummaries.$inferInsert>): Promise<Summary | undefined> {
  const [s] = await db
    .update(followUpSummaries)
    .set({ ...values, updatedAt: new Date(), version: sql`${followUpSummaries.version} + 1` })
    .where(and(eq(followUpSummaries.id, id), eq(followUpSummaries.version, version), eq(followUpSummaries.status, 'draft')))
    .returning()
  return s
}

/** Published summaries of some plans, newest first: the public record of what was done. */
export async function listPublishedSummaries(db: Db, planIds: readonly string[]): Promise<Summary[]> {
  if (planIds.length === 0) return []
  return db
    .select()
    .from(followUpSummaries)
    .where(and(inArray(followUpSummaries.planId, [...planIds]), eq(followUpSummaries.status, 'published')))
    .orderBy(desc(followUpSummaries.publishedAt))
}

/**
 * The item's row in `follow_up_item_states`, computed again from its own entries (a few dozen rows by
 * the item's index), so that an insert and a status change are summed up the same way. Run in the
 * transaction that wrote the entry.
 */
export async function refreshItemState(db: Db, itemId: string): Promise<void> {
  await db.execute(sql`${ITEM_STATES_UPSERT} where e.item_id = ${itemId} group by e.item_id ${ITEM_STATES_CONFLICT}`)
}

/** Fills `follow_up_item_states` from every entry at once (batch loads, such as the bench's). */
export async function rebuildItemStates(db: Db): Promise<void> {
  await db.execute(sql`${ITEM_STATES_UPSERT} group by e.item_id ${ITEM_STATES_CONFLICT}`)
}

// The migration that adds the table runs the same statement to fill it (0012_follow_up_item_states.sql).
const ITEM_STATES_UPSERT = sql.raw(`insert into follow_up_item_states (item_id, entry_count, latest_status, latest_period_end, last_entry_at)
  select e.item_id, count(*)::int, (array_agg(e.status order by e.period_end desc, e.updated_at desc))[1], max(e.period_end),
    max(greatest(e.submitted_at, e.updated_at))
  from follow_up_entries e`)
const ITEM_STATES_CONFLICT = sql.raw(`on conflict (item_id) do update set entry_count = excluded.entry_count, latest_status = excluded.latest_status,
    latest_period_end = excluded.latest_period_end, last_entry_at = excluded.last_entry_at`)
