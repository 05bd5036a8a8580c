import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

export const WORK_PROCESS_CHECK_STATES = ['open', 'done', 'not_applicable'] as const
export type WorkProcessCheckState = (typeof WORK_PROCESS_CHECK_STATES)[number]

/**
 * One "klart när" point of Brå's five steps for a municipality–police-area pair (issue 10 §2).
 * The checklist itself is code (work-process.steps.ts); a row holds what a user recorded for one
 * point: its state, the date, and the evidence. Points the platform can see for itself (an adopted
 * åtgärdsplan, a signed SÖ) are derived when read and need no row.
 */
export const workProcessChecks = pgTable(
  'work_process_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id),
    policeAreaId: uuid('police_area_id')
      .notNull()
      .references(() => organisations.id),
    checkKey: text('check_key').notNull(),
    state: text('state').$type<WorkProcessCheckState>().notNull().default('open'),
    doneOn: date('done_on'),
    evidenceUrl: text('evidence_url'),
    note: text('note').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('work_process_checks_key').on(t.municipalityId, t.policeAreaId, t.checkKey),
    index('work_process_checks_police_idx').on(t.policeAreaId),
    check('work_process_checks_state_check', sql`${t.state} in ('open','done','not_applicable')`),
    check('work_process_checks_done_check', sql`${t.state} <> 'done' or ${t.doneOn} is not null`),
  ],
)
