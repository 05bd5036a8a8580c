import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'

export const SUPPORT_KINDS = ['meeting', 'training', 'advice', 'other'] as const
export type SupportKind = (typeof SUPPORT_KINDS)[number]

/** Support Länsstyrelsen gave a municipality (förordning 2016:1258): the report to Brå counts these. */
export const supportActivities = pgTable(
  'support_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The länsstyrelse that gave the support. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The municipality supported; null for county-wide activities (a network meeting for all). */
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    kind: text('kind').$type<SupportKind>().notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    minutes: integer('minutes'),
    participants: integer('participants'),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('support_activities_organisation_idx').on(t.organisationId, t.heldOn),
    check('support_activities_kind_check', sql`${t.kind} in ('meeting','training','advice','other')`),
    check('support_activities_minutes_check', sql`${t.minutes} is null or ${t.minutes} between 0 and 100000`),
  ],
)
