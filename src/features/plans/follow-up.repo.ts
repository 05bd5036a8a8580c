import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
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

/**
 * Many new entries in one statement (an import), as one JSON parameter. Those whose item and period
 * already have an entry are left out: the result holds the ids of the ones written.
 */
export async function insertEntries(db: Db, values: readonly NewEntry[]): Promise<{ id: string; itemId: string; periodKey: string }[]> {
  if (values.length === 0) return []
  const rows = values.map((v) => ({
    item_id: v.itemId,
    period_key: v.periodKey,
    period_start: v.periodStart,
    period_end: v.periodEnd,
    status: v.status,
    narrative: v.narrative ?? '',
    output_value: v.outputValue ?? null,
    output_unit: v.outputUnit ?? null,
    minutes_spent: v.minutesSpent ?? null,
    progress_percent: v.progressPercent ?? null,
    author_user_id: v.authorUserId ?? null,
    author_name: v.authorName,
    organisation_id: v.organisationId,
    submitted_at: (v.submittedAt ?? new Date()).toISOString(),
    late: v.late ?? false,
  }))
  return queryRows(
    db,
    sql`insert into follow_up_entries (item_id, period_key, period_start, period_end, status, narrative, output_value, output_unit, minutes_spent,
          progress_percent, author_user_id, author_name, organisation_id, submitted_at, late)
        select item_id, period_key, period_start, period_end, status, narrative, output_value, output_unit, minutes_spent,
          progress_percent, author_user_id, author_name, organisation_id, submitted_at, late
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(item_id uuid, period_key text, period_start date, period_end date, status text,
          narrative text, output_value numeric, output_unit text, minutes_spent integer, progress_percent integer, author_user_id uuid,
          author_name text, organisation_id uuid, submitted_at timestamptz, late boolean)
        on conflict do nothing
        returning id, item_id as "itemId", period_key as "periodKey"`,
  )
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
