import { sql } from 'drizzle-orm'
import { boolean, char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { counties, organisations } from '../organisations/organisations.tables.ts'

export const VISIBILITIES = ['public', 'partners', 'organisation'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** A county-wide (or local) collaboration such as ÖTMB; everything in issue 3 hangs off one. */
export const collaborations = pgTable(
  'collaborations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    purpose: text('purpose').notNull().default(''),
    /** The party that owns the record (the convening länsstyrelse). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    visibility: text('visibility').$type<Visibility>().notNull().default('public'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('collaborations_code_key').on(t.code),
    check('collaborations_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('collaborations_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
  ],
)

/** The parties of a collaboration; convenors (Länsstyrelsen, Polisen) lead it. */
export const collaborationParties = pgTable(
  'collaboration_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    isConvenor: boolean('is_convenor').notNull().default(false),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collaboration_parties_key').on(t.collaborationId, t.organisationId), index('collaboration_parties_org_idx').on(t.organisationId)],
)
