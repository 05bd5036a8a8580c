import type { Db } from '../db/types.ts'
import type { Deps } from '../deps.ts'
import type { Actor } from '../http/actor.ts'
import { isAdmin } from '../http/actor.ts'
import { NotFoundError } from '../http/errors.ts'
import type { Jobs } from './jobs.ts'
import * as repo from './tasks.repo.ts'
import type { TaskProblem } from './tasks.tables.ts'

/**
 * Long work a user starts and may leave and come back to (issue 9: "Long work shows progress … a
 * progress page the user can leave and come back to"): a row of `background_tasks` holding the input
 * until the task ends, worked as a pg-boss job, with its progress (`done`/`total`), and its outcome —
 * a result, or the problems that refused the input. Problem keys are full i18n keys.
 *
 * Without a started queue (tests, a CLI) the task runs in this process in the background;
 * `settleTasks(deps)` waits for those, and `runTask` runs one at once.
 */

export const TASK_JOB = 'background-task.run'
export const TASK_SWEEP_JOB = 'background-task.sweep'

/** Longer than any run may take (pg-boss expires the job after an hour), counted from the task's last progress. */
export const STALE_TASK_MS = 2 * 3600_000

/** Ends tasks nothing has moved for `STALE_TASK_MS` (their process died): failed, input dropped. */
export function sweepStaleTasks(deps: Deps, now = new Date()): Promise<number> {
  return repo.failStaleTasks(deps.db, new Date(now.getTime() - STALE_TASK_MS), { key: 'tasks.problems.interrupted' })
}

export interface TaskRun {
  task: repo.TaskSummary
  /** The uploaded bytes (null once dropped). */
  input: Buffer | null
  /** Stores how far the work has come; `total` when known. */
  progress(done: number, total?: number): Promise<void>
}

/** The result is shown on the task page: a message and where to go next. */
export interface TaskResult extends Record<string, unknown> {
  messageKey: string
  params?: Record<string, string | number>
  href?: string
  linkKey?: string
}

export type TaskOutcome = { ok: true; result: TaskResult } | { ok: false; problems: TaskProblem[] }
export type TaskHandler = (run: TaskRun) => Promise<TaskOutcome>

const handlers = new WeakMap<Jobs, Map<string, TaskHandler>>()
const inFlight = new WeakMap<Deps, Set<Promise<void>>>()

/** A kind of task and the work it does (features call this at registration). */
export function defineTask(deps: Deps, kind: string, handler: TaskHandler): void {
  let kinds = handlers.get(deps.jobs)
  if (!kinds) {
    kinds = new Map()
    handlers.set(deps.jobs, kinds)
    // One job for every kind: the task row says which work to do. A failed run is not retried (the
    // task records it); a large import may take a while.
    deps.jobs.define<{ taskId: string }>(TASK_JOB, (data) => runTask(deps, data.taskId), { retryLimit: 0, expireInSeconds: 3600 })
    // A process that dies mid-task leaves its row running, with the upload in it: end those hourly.
    deps.jobs.define(TASK_SWEEP_JOB, () => sweepStaleTasks(deps).then(() => undefined))
    deps.jobs.every(TASK_SWEEP_JOB, '17 * * * *')
  }
  if (kinds.has(kind)) throw new Error(`Task ${kind} is already defined`)
  kinds.set(kind, handler)
}

export interface NewTask {
  kind: string
  title: string
  createdBy: string
  organisationId?: string | null
  subjectId?: string | null
  input?: Buffer | null
  inputName?: string | null
  total?: number | null
  params?: Record<string, unknown>
}

/**
 * Records a task and queues its work (or, without a started queue, starts it in this process).
 * `alongside` runs in the task row's transaction (the audit record of the request), before any work starts.
 */
export async function startTask(deps: Deps, values: NewTask, alongside?: (tx: Db, task: repo.TaskSummary) => Promise<void>): Promise<repo.TaskSummary> {
  if (!handlers.get(deps.jobs)?.has(values.kind)) throw new Error(`Task ${values.kind} is not defined`)
  const task = await deps.db.transaction(async (tx) => {
    const row = await repo.insertTask(tx, { ...values, params: values.params ?? {} })
    await alongside?.(tx, row)
    return row
  })
  if (deps.jobs.started) await deps.jobs.send(TASK_JOB, { taskId: task.id })
  else {
    let set = inFlight.get(deps)
    if (!set) inFlight.set(deps, (set = new Set()))
    // After the current request has been answered, so the user lands on the progress page at once.
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve)).then(() => runTask(deps, task.id)).finally(() => set.delete(p))
    set.add(p)
  }
  return task
}

/** Waits for the tasks this process runs itself (tests, before closing the database). */
export async function settleTasks(deps: Deps): Promise<void> {
  while (inFlight.get(deps)?.size) await Promise.allSettled([...inFlight.get(deps)!])
}

/** Works one queued task to its end. Anything thrown ends it as failed; the input is dropped either way. */
export async function runTask(deps: Deps, taskId: string): Promise<void> {
  const task = await repo.claimTask(deps.db, taskId)
  if (!task) return
  const handler = handlers.get(deps.jobs)?.get(task.kind)
  try {
    if (!handler) throw new Error(`Task ${task.kind} is not defined in this process`)
    const input = await repo.readInput(deps.db, taskId)
    const outcome = await handler({
      task,
      input,
      progress: async (done, total) => {
        await repo.setProgress(deps.db, taskId, done, total)
        // Long CPU work gives the event loop a turn at each step, so pages keep answering.
        await new Promise((r) => setImmediate(r))
      },
    })
    await repo.finishTask(deps.db, taskId, outcome.ok ? { status: 'done', result: outcome.result } : { status: 'failed', problems: outcome.problems })
  } catch (err) {
    console.error(JSON.stringify({ level: 50, time: Date.now(), task: task.kind, taskId, err: String((err as Error)?.message ?? err), msg: 'task failed' }))
    await repo.finishTask(deps.db, taskId, { status: 'failed', problems: [{ key: 'tasks.problems.crashed' }] })
  }
}

/** A task its creator (or the admin) may see; anyone else learns nothing of it. @throws NotFoundError */
export async function loadTask(deps: Deps, actor: Actor | undefined, taskId: string): Promise<repo.TaskSummary> {
  const task = await repo.findTask(deps.db, taskId)
  if (!task || !actor || (task.createdBy !== actor.userId && !isAdmin(actor))) throw new NotFoundError()
  return task
}

export async function listMyTasks(deps: Deps, actor: Actor): Promise<repo.TaskSummary[]> {
  return repo.listTasksOf(deps.db, actor.userId)
}

export type { TaskSummary } from './tasks.repo.ts'
