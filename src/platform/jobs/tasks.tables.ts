import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { bytea } from '../files/files.tables.ts'

export const TASK_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** A problem of a refused input, with where it is: "Rad 7, kolumn vikt: …". */
export interface TaskProblem {
  row?: number
  column?: string
  key: string
  params?: Record<string, string | number>
}

/**
 * Long work a user started (an import of a survey file, a document) and can leave and come back to:
 * its progress, its outcome, and the problems that refused it. The uploaded input is kept only until
 * the task ends (microdata is never stored beyond that: decision 013).
 */
export const backgroundTasks = pgTable(
  'background_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** What the task works on, in words for its page ("Medborgarenkät 2025 – enkat.csv"). */
    title: text('title').notNull(),
    createdBy: uuid('created_by').notNull(),
    organisationId: uuid('organisation_id'),
    /** The record the task belongs to (a survey's id), so its page can link back. */
    subjectId: uuid('subject_id'),
    status: text('status').$type<TaskStatus>().notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    input: bytea('input'),
    inputName: text('input_name'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    problems: jsonb('problems').$type<TaskProblem[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('background_tasks_creator_idx').on(t.createdBy, t.createdAt),
    check('background_tasks_status_check', sql`${t.status} in ('queued','running','done','failed')`),
  ],
)
