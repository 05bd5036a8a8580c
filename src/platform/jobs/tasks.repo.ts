import { type SQL, and, desc, eq, getTableColumns, gt, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '../db/types.ts'
import { backgroundTasks, type TaskProblem } from './tasks.tables.ts'

export type BackgroundTask = typeof backgroundTasks.$inferSelect
export type NewBackgroundTask = typeof backgroundTasks.$inferInsert
/** A task without its input (the bytes stay in the table until the task ends, never in a page). */
export type TaskSummary = Omit<BackgroundTask, 'input'>

const { input: _input, ...summaryColumns } = getTableColumns(backgroundTasks)

export async function insertTask(db: Db, values: NewBackgroundTask): Promise<TaskSummary> {
  const [t] = await db.insert(backgroundTasks).values(values).returning(summaryColumns)
  return t
}

export async function findTask(db: Db, id: string): Promise<TaskSummary | undefined> {
  const [t] = await db.select(summaryColumns).from(backgroundTasks).where(eq(backgroundTasks.id, id))
  return t
}

export async function readInput(db: Db, id: string): Promise<Buffer | null> {
  const [t] = await db.select({ input: backgroundTasks.input }).from(backgroundTasks).where(eq(backgroundTasks.id, id))
  return t?.input ?? null
}

/** A user's recent tasks, newest first. */
export async function listTasksOf(db: Db, userId: string, limit = 50): Promise<TaskSummary[]> {
  return db.select(summaryColumns).from(backgroundTasks).where(eq(backgroundTasks.createdBy, userId)).orderBy(desc(backgroundTasks.createdAt)).limit(limit)
}

/**
 * A user's task of this kind on this record, started after `since`, that has not ended yet (so a
 * second click joins it; one older than `since` is taken as lost with a stopped worker).
 */
export async function findOpenTask(db: Db, where: { kind: string; createdBy: string; subjectId: string; since: Date }): Promise<TaskSummary | undefined> {
  return latestTask(
    db,
    eq(backgroundTasks.kind, where.kind),
    eq(backgroundTasks.createdBy, where.createdBy),
    eq(backgroundTasks.subjectId, where.subjectId),
    inArray(backgroundTasks.status, ['queued', 'running']),
    gt(backgroundTasks.createdAt, where.since),
  )
}

/** The newest task that meets every condition. */
async function latestTask(db: Db, ...conditions: SQL[]): Promise<TaskSummary | undefined> {
  const [t] = await db
    .select(summaryColumns)
    .from(backgroundTasks)
    .where(and(...conditions))
    .orderBy(desc(backgroundTasks.createdAt))
    .limit(1)
  return t
}

/** Queued → running; undefined when another worker took it first (or it already ended). */
export async function claimTask(db: Db, id: string): Promise<TaskSummary | undefined> {
  const [t] = await db
    .update(backgroundTasks)
    .set({ status: 'running', done: 0, updatedAt: new Date() })
    .where(and(eq(backgroundTasks.id, id), eq(backgroundTasks.status, 'queued')))
    .returning(summaryColumns)
  return t
}

export async function setProgress(db: Db, id: string, done: number, total?: number | null): Promise<void> {
  await db
    .update(backgroundTasks)
    .set({ done, ...(total !== undefined ? { total } : {}), updatedAt: new Date() })
    .where(eq(backgroundTasks.id, id))
}

/** The end of a task: its outcome, and its input dropped (decision 013: microdata is not kept). */
export async function finishTask(
  db: Db,
  id: string,
  outcome: { status: 'done'; result: Record<string, unknown> } | { status: 'failed'; problems: TaskProblem[]; result?: Record<string, unknown> },
): Promise<void> {
  await db
    .update(backgroundTasks)
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      problems: outcome.status === 'failed' ? outcome.problems : [],
      input: null,
      updatedAt: new Date(),
      finishedAt: new Date(),
      ...(outcome.status === 'done' ? { done: sql`coalesce(${backgroundTasks.total}, ${backgroundTasks.done})` } : {}),
    })
    .where(eq(backgroundTasks.id, id))
}

/**
 * Tasks a dead process left queued or running (nothing has moved for longer than a run may take):
 * ended as failed, and their input — uploaded microdata among it — dropped (decision 013). Returns
 * how many were ended.
 */
export async function failStaleTasks(db: Db, notMovedSince: Date, problem: TaskProblem): Promise<number> {
  const ended = await db
    .update(backgroundTasks)
    .set({ status: 'failed', problems: [problem], input: null, updatedAt: new Date(), finishedAt: new Date() })
    .where(and(inArray(backgroundTasks.status, ['queued', 'running']), lt(backgroundTasks.updatedAt, notMovedSince)))
    .returning({ id: backgroundTasks.id })
  return ended.length
}

/** The newest finished task of a kind about a record (e.g. the archival PDF/A of an adopted report). */
export async function findDoneTask(db: Db, where: { kind: string; subjectId: string; source: string }): Promise<TaskSummary | undefined> {
  return latestTask(
    db,
    eq(backgroundTasks.kind, where.kind),
    eq(backgroundTasks.subjectId, where.subjectId),
    eq(backgroundTasks.status, 'done'),
    sql`${backgroundTasks.params}->>'source' = ${where.source}`,
  )
}
