import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

export const YEARLY_REPORT_KINDS = ['follow_up', 'bra'] as const
export type YearlyReportKind = (typeof YEARLY_REPORT_KINDS)[number]
export const YEARLY_REPORT_SCOPES = ['year', 'period'] as const
export type YearlyReportScope = (typeof YEARLY_REPORT_SCOPES)[number]
export const YEARLY_REPORT_STATUSES = ['draft', 'review', 'adopted'] as const
export type YearlyReportStatus = (typeof YEARLY_REPORT_STATUSES)[number]

/**
 * A yearly report (issue 10 §4–5): the collaboration's follow-up and evaluation report, or
 * Länsstyrelsen's report to Brå. Drafted from the data, written section by section, commented by
 * the beredningsgrupp, adopted by the styrgrupp. On adoption the figures are frozen into `snapshot`
 * and a trigger refuses any later change: the adopted version is the archived one.
 */
export const yearlyReports = pgTable(
  'yearly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    /** The writing party: Länsstyrelsen. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<YearlyReportKind>().notNull(),
    year: integer('year').notNull(),
    scope: text('scope').$type<YearlyReportScope>().notNull().default('year'),
    title: text('title').notNull(),
    status: text('status').$type<YearlyReportStatus>().notNull().default('draft'),
    adoptedBy: text('adopted_by'),
    adoptedOn: date('adopted_on'),
    adoptedParagraph: text('adopted_paragraph'),
    /** The data as it stood at adoption, so the archived report never changes under the reader. */
    snapshot: jsonb('snapshot'),
    visibility: text('visibility').$type<'public' | 'partners' | 'organisation'>().notNull().default('partners'),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('yearly_reports_key').on(t.collaborationId, t.kind, t.year, t.scope),
    check('yearly_reports_kind_check', sql`${t.kind} in ('follow_up','bra')`),
    check('yearly_reports_scope_check', sql`${t.scope} in ('year','period')`),
    check('yearly_reports_status_check', sql`${t.status} in ('draft','review','adopted')`),
    check('yearly_reports_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('yearly_reports_year_check', sql`${t.year} between 2000 and 2100`),
    check(
      'yearly_reports_adoption_check',
      sql`${t.status} <> 'adopted' or (${t.adoptedBy} is not null and ${t.adoptedOn} is not null and ${t.snapshot} is not null)`,
    ),
  ],
)

/** The narrative of one section (assessment, recommendations), written by Länsstyrelsen and Polisen. */
export const yearlyReportSections = pgTable(
  'yearly_report_sections',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => yearlyReports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    narrative: text('narrative').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.sectionKey] })],
)

/** A comment of the beredningsgrupp on a section (or the whole report when `sectionKey` is null). */
export const yearlyReportComments = pgTable(
  'yearly_report_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => yearlyReports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('yearly_report_comments_report_idx').on(t.reportId)],
)
