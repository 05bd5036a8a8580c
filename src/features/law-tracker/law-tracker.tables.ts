import { sql } from 'drizzle-orm'
import { char, check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { counties } from '../organisations/organisations.tables.ts'

/**
 * The settings of the Lag 2023:196 tracker, per county (issue 10 §1). The law does not say how
 * often a lägesbild is reviewed nor which body decides the åtgärdsplan (`../shared/domain.md` §2):
 * the defaults are the inquiry's proposals (two years, kommunstyrelsen), and Länsstyrelsen can
 * change them. A county without a row uses the defaults.
 */
export const lawTrackerSettings = pgTable(
  'law_tracker_settings',
  {
    countyCode: char('county_code', { length: 2 })
      .primaryKey()
      .references(() => counties.code),
    /** Months a lägesbild holds before it should be reviewed. */
    reviewIntervalMonths: integer('review_interval_months').notNull().default(24),
    /** Months before a deadline when the tracker turns yellow. */
    warnMonths: integer('warn_months').notNull().default(3),
    /** The date by which every municipality should have its åtgärdsplan (1 July 2024). */
    actionPlanDeadline: date('action_plan_deadline').notNull().default('2024-07-01'),
    /** The body expected to decide the åtgärdsplan and lägesbild. */
    decidingBody: text('deciding_body').notNull().default('Kommunstyrelsen'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('law_tracker_settings_interval_check', sql`${t.reviewIntervalMonths} between 1 and 120`),
    check('law_tracker_settings_warn_check', sql`${t.warnMonths} between 0 and 24`),
  ],
)
