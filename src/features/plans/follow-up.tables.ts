import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { planItems, plans } from './plans.tables.ts'

/** Issue 8: ej påbörjad, enligt plan, risk, avvikelse, klar — shown as text plus green/yellow/red. */
export const ENTRY_STATUSES = ['not_started', 'on_track', 'at_risk', 'deviation', 'done'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

/**
 * One follow-up of an activity, measure or promise for one period of its cadence ('2026-11',
 * '2026-Q4', '2026-T3', '2026-H2'). At most one per item and period; late entries are allowed and
 * marked late (submitted after the period's due date).
 */
export const followUpEntries = pgTable(
  'follow_up_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    status: text('status').$type<EntryStatus>().notNull(),
    narrative: text('narrative').notNull().default(''),
    /** What was delivered, e.g. 6 (value) narkotikasök i skolmiljö (unit). */
    outputValue: numeric('output_value', { precision: 12, scale: 2, mode: 'number' }),
    outputUnit: text('output_unit'),
    /** Time spent, in minutes (shown as hours). */
    minutesSpent: integer('minutes_spent'),
    /** How far the item has come, 0–100, where the author gives a figure (activities). */
    progressPercent: integer('progress_percent'),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    /** The party the author reported for. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    late: boolean('late').notNull().default(false),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('follow_up_entries_item_period_key').on(t.itemId, t.periodKey),
    index('follow_up_entries_period_idx').on(t.periodEnd),
    check('follow_up_entries_status_check', sql`${t.status} in ('not_started','on_track','at_risk','deviation','done')`),
    check('follow_up_entries_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('follow_up_entries_progress_check', sql`${t.progressPercent} is null or ${t.progressPercent} between 0 and 100`),
    check('follow_up_entries_minutes_check', sql`${t.minutesSpent} is null or ${t.minutesSpent} between 0 and 1000000`),
  ],
)

/** One item's part of a summary: drafted from the entries, then edited. */
export interface SummaryItem {
  itemId: string
  status: EntryStatus | null
  text: string
  outputValue: number | null
  outputUnit: string | null
}

/**
 * A tertial or half-year summary of a plan ('2026-T2', '2026-H1'), drafted from the monthly entries,
 * edited, then published. A published summary is never changed: editing it again starts the next
 * version (`revision`), so the public page keeps what was said and when.
 */
export const followUpSummaries = pgTable(
  'follow_up_summaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    revision: integer('revision').notNull().default(1),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    introduction: text('introduction').notNull().default(''),
    items: jsonb('items').$type<SummaryItem[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('follow_up_summaries_revision_key').on(t.planId, t.periodKey, t.revision),
    check('follow_up_summaries_status_check', sql`${t.status} in ('draft','published')`),
  ],
)

/**
 * The county dashboard reads these instead of the entries (5 years of monthly entries for 290
 * municipalities is ≈ 700 000 rows): per item, per plan, and per plan and period end. All three are
 * written in the same transaction as the entry they sum up (follow-up.repo.ts `refreshFollowUpStates`,
 * called by `saveEntry`), recomputed from the entries they cover, so they cannot drift from them; the
 * migration that adds them fills them from what exists.
 */

/** How each followed-up item stands: its newest entry's status, and how many entries it has. */
export const followUpItemStates = pgTable(
  'follow_up_item_states',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Entries written for the item, whatever their period. */
    entryCount: integer('entry_count').notNull(),
    /** The status of the entry of the newest period. */
    latestStatus: text('latest_status').$type<EntryStatus>().notNull(),
    latestPeriodEnd: date('latest_period_end').notNull(),
    /** When an entry of the item was last written or changed. */
    lastEntryAt: timestamp('last_entry_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('follow_up_item_states_plan_idx').on(t.planId),
    check('follow_up_item_states_status_check', sql`${t.latestStatus} in ('not_started','on_track','at_risk','deviation','done')`),
    check('follow_up_item_states_count_check', sql`${t.entryCount} > 0`),
  ],
)

/** A plan's items by their newest status (items without an entry are the plan's items less `reportedItems`). */
export const followUpPlanStates = pgTable('follow_up_plan_states', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  reportedItems: integer('reported_items').notNull(),
  notStarted: integer('not_started').notNull(),
  onTrack: integer('on_track').notNull(),
  atRisk: integer('at_risk').notNull(),
  deviation: integer('deviation').notNull(),
  done: integer('done').notNull(),
  /** Entries of all the plan's items. */
  entryCount: integer('entry_count').notNull(),
  lastEntryAt: timestamp('last_entry_at', { withTimezone: true }).notNull(),
})

/**
 * How many entries of a plan's items are for periods ending on a day: what the dashboard subtracts from
 * the periods that have ended, for the few days still within the due days.
 */
export const followUpPlanPeriods = pgTable(
  'follow_up_plan_periods',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    periodEnd: date('period_end').notNull(),
    entryCount: integer('entry_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.periodEnd] })],
)
