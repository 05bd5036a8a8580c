import { sql } from 'drizzle-orm'
import { boolean, char, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'
import { planItems } from '../plans/plans.tables.ts'

/** A figure chosen for the kartläggning: an indicator's series or a survey question's gender analysis. */
export type MappingFigure =
  | { kind: 'indicator'; indicatorKey: string; note?: string }
  | { kind: 'survey'; surveyId: string; questionKey: string; note?: string }

/** A source the analysis used or chose not to use, and what limits it. */
export interface SourceNote {
  name: string
  used: boolean
  limitations: string
}

/**
 * A municipality's lägesbild under Lag 2023:196 (issue 9 §11): kartläggning, annan information,
 * analys with an orsaksanalys per prioritised problem, and the sources. Adoption (body, date, §) makes
 * the row final — a trigger refuses any later change — and the next version starts as a copy.
 */
export const situationReports = pgTable(
  'situation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
    title: text('title').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    revision: integer('revision').notNull().default(1),
    previousId: uuid('previous_id').references((): any => situationReports.id),
    status: text('status').$type<'draft' | 'adopted'>().notNull().default('draft'),
    figures: jsonb('figures').$type<MappingFigure[]>().notNull().default([]),
    mappingText: text('mapping_text').notNull().default(''),
    otherInformation: text('other_information').notNull().default(''),
    analysis: text('analysis').notNull().default(''),
    sources: jsonb('sources').$type<SourceNote[]>().notNull().default([]),
    /**
     * The kartläggning's figures as they stood when the lägesbild was adopted (computed values, tables
     * and chart data), so the adopted version stays what was decided even when observations change later.
     * Null for a draft (figures are live) and for versions adopted before this column existed.
     */
    adoptedFigures: jsonb('adopted_figures').$type<unknown[]>(),
    adoptedBy: text('adopted_by'),
    adoptedOn: date('adopted_on'),
    adoptedParagraph: text('adopted_paragraph'),
    /** Months until the next review (issue 9: default two years), a setting per lägesbild. */
    reviewIntervalMonths: integer('review_interval_months').notNull().default(24),
    nextReviewDue: date('next_review_due'),
    visibility: text('visibility').$type<'public' | 'partners' | 'organisation'>().notNull().default('partners'),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('situation_reports_organisation_idx').on(t.organisationId),
    uniqueIndex('situation_reports_revision_key').on(t.organisationId, t.periodStart, t.revision),
    check('situation_reports_status_check', sql`${t.status} in ('draft','adopted')`),
    check('situation_reports_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('situation_reports_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('situation_reports_interval_check', sql`${t.reviewIntervalMonths} between 1 and 120`),
    check(
      'situation_reports_adoption_check',
      sql`${t.status} = 'draft' or (${t.adoptedBy} is not null and ${t.adoptedOn} is not null and ${t.nextReviewDue} is not null)`,
    ),
  ],
)

/**
 * A prioritised problem of the lägesbild and its orsaksanalys: the fishbone's three legs (the
 * victim, the offender, the place) and the event chain. The problem is the åtgärdsplan's `problem`
 * item, so the plan's causes and measures point to the same thing the analysis describes.
 */
export const situationReportProblems = pgTable(
  'situation_report_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => situationReports.id, { onDelete: 'cascade' }),
    problemItemId: uuid('problem_item_id')
      .notNull()
      .references(() => planItems.id),
    priority: integer('priority').notNull(),
    victimCauses: text('victim_causes').notNull().default(''),
    offenderCauses: text('offender_causes').notNull().default(''),
    placeCauses: text('place_causes').notNull().default(''),
    eventChain: text('event_chain').notNull().default(''),
  },
  (t) => [
    uniqueIndex('situation_report_problems_key').on(t.reportId, t.problemItemId),
    index('situation_report_problems_item_idx').on(t.problemItemId),
    check('situation_report_problems_priority_check', sql`${t.priority} between 1 and 99`),
  ],
)
