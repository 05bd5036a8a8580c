import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { followUpEntries, followUpSummaries } from './follow-up.tables.ts'
import { type Period, periodOf } from './periods.ts'
import { CADENCES } from './plans.tables.ts'

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

// The dashboard's sums (follow-up.tables.ts), each recomputed from what it covers. The migration that
// adds them (0012_follow_up_item_states.sql) runs the same statements for everything.

/** Item states from the entries `where` selects (over `e`, the entries, and `i`, their items). */
const upsertItemStates = (where: SQL) => sql`
  insert into follow_up_item_states (item_id, plan_id, entry_count, latest_status, latest_period_end, last_entry_at)
  select e.item_id, i.plan_id, count(*)::int, (array_agg(e.status order by e.period_end desc, e.updated_at desc))[1], max(e.period_end),
    max(greatest(e.submitted_at, e.updated_at))
  from follow_up_entries e join plan_items i on i.id = e.item_id ${where}
  group by e.item_id, i.plan_id
  on conflict (item_id) do update set plan_id = excluded.plan_id, entry_count = excluded.entry_count, latest_status = excluded.latest_status,
    latest_period_end = excluded.latest_period_end, last_entry_at = excluded.last_entry_at`

/** Plan states from the item states `where` selects (over `st`). */
const upsertPlanStates = (where: SQL) => sql`
  insert into follow_up_plan_states (plan_id, reported_items, not_started, on_track, at_risk, deviation, done, entry_count, last_entry_at)
  select st.plan_id, count(*)::int, count(*) filter (where st.latest_status = 'not_started')::int, count(*) filter (where st.latest_status = 'on_track')::int,
    count(*) filter (where st.latest_status = 'at_risk')::int, count(*) filter (where st.latest_status = 'deviation')::int,
    count(*) filter (where st.latest_status = 'done')::int, sum(st.entry_count)::int, max(st.last_entry_at)
  from follow_up_item_states st ${where}
  group by st.plan_id
  on conflict (plan_id) do update set reported_items = excluded.reported_items, not_started = excluded.not_started, on_track = excluded.on_track,
    at_risk = excluded.at_risk, deviation = excluded.deviation, done = excluded.done, entry_count = excluded.entry_count, last_entry_at = excluded.last_entry_at`

/** Entries per plan and period end from the entries `where` selects. */
const upsertPlanPeriods = (where: SQL) => sql`
  insert into follow_up_plan_periods (plan_id, period_end, entry_count)
  select i.plan_id, e.period_end, count(*)::int
  from follow_up_entries e join plan_items i on i.id = e.item_id ${where}
  group by i.plan_id, e.period_end
  on conflict (plan_id, period_end) do update set entry_count = excluded.entry_count`

/**
 * The sums an entry of `itemId` for `period` takes part in, recomputed: the item's state (its few dozen
 * entries), the plan's (its items' states) and the plan's count for the period's last day (the entries
 * of the plan's items for the period keys that end that day, by the (item, period) index). Run in the
 * transaction that wrote the entry.
 */
export async function refreshFollowUpStates(db: Db, planId: string, itemId: string, period: Pick<Period, 'end'>): Promise<void> {
  await db.execute(upsertItemStates(sql`where e.item_id = ${itemId}`))
  await db.execute(upsertPlanStates(sql`where st.plan_id = ${planId}`))
  const keys = CADENCES.map((c) => periodOf(c, period.end)).filter((p) => p.end === period.end)
  await db.execute(
    upsertPlanPeriods(
      sql`where i.plan_id = ${planId} and e.period_key in (${sql.join(
        keys.map((p) => sql`${p.key}`),
        sql`, `,
      )}) and e.period_end = ${period.end}`,
    ),
  )
}

/** The sums of one plan from all its entries (entries written in bulk, such as the demo data). */
export async function refreshPlanFollowUpStates(db: Db, planId: string): Promise<void> {
  await db.execute(upsertItemStates(sql`where i.plan_id = ${planId}`))
  await db.execute(upsertPlanStates(sql`where st.plan_id = ${planId}`))
  await db.execute(upsertPlanPeriods(sql`where i.plan_id = ${planId}`))
}

/** Every sum from every entry (batch loads, such as the bench's), in the order they build on each other. */
export const rebuildFollowUpStatesQueries = (): SQL[] => [upsertItemStates(sql``), upsertPlanStates(sql``), upsertPlanPeriods(sql``)]
