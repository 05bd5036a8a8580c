import { setTimeout as sleep } from 'node:timers/promises'
import PgBoss from 'pg-boss'
import type { Config } from '../../config.ts'
import type { Database } from '../db/connection.ts'
import type { Db } from '../db/types.ts'

export type JobHandler<T = Record<string, unknown>> = (data: T, job: { id: string; name: string }) => Promise<void>

export interface JobOptions {
  /** Attempts after the first failure (default 5). */
  retryLimit?: number
  /** First retry delay; with backoff (the default) each retry waits about twice as long, with jitter. */
  retryDelaySeconds?: number
  retryBackoff?: boolean
  /** A run taking longer than this fails and is retried (pg-boss default 15 min; large imports need more). */
  expireInSeconds?: number
}

/** The part of pino (app.log) the queue uses, so the worker and the web process log the same way. */
export interface JobLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface JobsOptions extends Partial<Pick<Config, 'databaseUrl' | 'logLevel'>> {
  /** How often an idle worker looks for work; pg-boss 10 allows 0.5 s at the least. */
  pollingIntervalSeconds?: number
  /** How often schedules are checked and their jobs queued (pg-boss default 30 s / 5 s; tests use 1). */
  cronIntervalSeconds?: number
  /** How long stop() lets running handlers finish before their jobs are failed (and so retried). */
  stopTimeoutMs?: number
}

interface Definition {
  handler: JobHandler<any>
  options: Required<Pick<JobOptions, 'retryLimit' | 'retryDelaySeconds' | 'retryBackoff'>> & Pick<JobOptions, 'expireInSeconds'>
}

/**
 * Background jobs on our own database with pg-boss 10 (retries with exponential backoff, cron schedules).
 * Features `define` their jobs at registration; the web process works them by default and a separate
 * `npm run worker` process can do it instead (TILLSAMMANS_WORKERS=false on the web instances).
 *
 * pg-boss always talks through the application's own connection (the pg pool or the single PGlite
 * connection), never a pool of its own: on PGlite there is no other way in, and on PostgreSQL it keeps
 * the queue on exactly the database the app uses (test databases are private copies).
 */
export class Jobs {
  private boss?: PgBoss
  private readonly definitions = new Map<string, Definition>()
  /** pg-boss 10 keeps one schedule per queue, so a later `every` for the same job replaces the earlier. */
  private readonly schedules = new Map<string, { cron: string; data?: object }>()
  /** Jobs queued each time this process starts the queue (queueAtStart). */
  private readonly atStart: { name: string; data: object }[] = []
  private log: JobLogger
  /** SQL calls and handlers in flight, so stop() can wait for them before the database closes. */
  private readonly pending = new Set<Promise<unknown>>()
  private running = 0
  private starting?: Promise<void>
  private closed = false

  constructor(
    private readonly database: Database,
    private readonly options: JobsOptions = {},
  ) {
    this.log = consoleLogger(options.logLevel ?? 'info')
  }

  define<T>(name: string, handler: JobHandler<T>, options: JobOptions = {}): void {
    if (this.definitions.has(name)) throw new Error(`Job ${name} is already defined`)
    this.definitions.set(name, {
      handler,
      options: {
        retryLimit: options.retryLimit ?? 5,
        retryDelaySeconds: options.retryDelaySeconds ?? 30,
        retryBackoff: options.retryBackoff ?? true,
        expireInSeconds: options.expireInSeconds,
      },
    })
  }

  /** A cron schedule (Europe/Stockholm) for a defined job, registered by the processes that work jobs. */
  every(name: string, cron: string, data?: object): void {
    this.schedules.set(name, { cron, data })
  }

  /**
   * A job queued every time this process starts the queue, once the queues exist (e.g. demo mode's
   * first digest, so that what the schedule would do tomorrow morning is visible at once).
   */
  queueAtStart(name: string, data: object = {}): void {
    this.atStart.push({ name, data })
  }

  get names(): string[] {
    return [...this.definitions.keys()]
  }

  /** Started, or starting: a job sent now waits for the start (see `after`). */
  get started(): boolean {
    return !!this.boss || !!this.starting
  }

  /**
   * Starts pg-boss (creating or migrating its `pgboss` schema) and, with `work`, the workers and
   * schedules. With `after`, the start waits for it (the server lets its first page out first: on
   * PGlite the queue's tables hold the only connection for about a second); jobs sent meanwhile wait.
   */
  start(options: { work: boolean; logger?: JobLogger; after?: Promise<unknown> }): Promise<void> {
    if (this.boss) return Promise.resolve()
    this.starting ??= (async () => {
      await options.after
      await this.startBoss(options)
    })().finally(() => (this.starting = undefined))
    return this.starting
  }

  private async startBoss({ work, logger }: { work: boolean; logger?: JobLogger }): Promise<void> {
    if (logger) this.log = logger
    for (const name of this.schedules.keys()) {
      if (!this.definitions.has(name)) throw new Error(`Job ${name} has a schedule but is not defined`)
    }
    this.closed = false
    const cron = this.options.cronIntervalSeconds
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.executeSql(text, values) },
      schedule: true,
      supervise: true,
      migrate: true,
      ...(cron ? { cronMonitorIntervalSeconds: cron, cronWorkerIntervalSeconds: cron } : {}),
    })
    boss.on('error', (err) => this.log.error({ err: errorText(err) }, 'job queue error'))
    try {
      await boss.start()
      await this.oneProcessAtATime(async () => {
        for (const [name, d] of this.definitions) {
          const queue: PgBoss.Queue = {
            name,
            retryLimit: d.options.retryLimit,
            retryDelay: d.options.retryDelaySeconds,
            retryBackoff: d.options.retryBackoff,
            // pg-boss asserts on a present-but-undefined key, so it is added only when set.
            ...(d.options.expireInSeconds !== undefined ? { expireInSeconds: d.options.expireInSeconds } : {}),
          }
          // createQueue keeps an existing queue as it is; updateQueue makes changed settings in code count.
          await boss.createQueue(name, queue)
          await boss.updateQueue(name, queue)
        }
      })
      // Sending works from here on (the queues exist), even while the workers are still being set up.
      this.boss = boss
      if (work) await this.startWorkers(boss)
      for (const j of this.atStart) {
        if (!this.definitions.has(j.name)) throw new Error(`Job ${j.name} is queued at start but is not defined`)
        await boss.send(j.name, j.data)
      }
    } catch (err) {
      // A half-started pg-boss keeps timers running and would hold the process open.
      this.boss = undefined
      await boss.stop({ graceful: false, close: false }).catch(() => {})
      throw err
    }
  }

  /**
   * Instances starting together on one PostgreSQL server deadlock in pg-boss's create_queue (it
   * inserts the queue row, then alters the job table that references it), so queue set-up holds a
   * server-wide advisory lock on a connection of its own while it runs over the pool. PGlite has one
   * connection, so nothing can interleave there.
   */
  private async oneProcessAtATime(work: () => Promise<void>): Promise<void> {
    const pool = this.database.pool
    if (this.database.kind === 'pglite' || !pool) return work()
    const client = await pool.connect()
    try {
      await client.query(`select pg_advisory_lock(hashtext('tillsammans.jobs.queue-setup'))`)
      try {
        await work()
      } finally {
        await client.query(`select pg_advisory_unlock(hashtext('tillsammans.jobs.queue-setup'))`)
      }
    } finally {
      client.release()
    }
  }

  private async startWorkers(boss: PgBoss): Promise<void> {
    const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 2
    for (const [name, d] of this.definitions) {
      // pg-boss 10 hands a batch (an array) to the handler; batchSize 1 keeps one job's failure its own.
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await this.run(name, d, job)
      })
    }
    for (const [name, s] of this.schedules) await boss.schedule(name, s.cron, s.data, { tz: 'Europe/Stockholm' })
    // A schedule removed from the code would otherwise fire for ever.
    for (const s of await boss.getSchedules()) {
      if (!this.schedules.has(s.name)) await boss.unschedule(s.name)
    }
  }

  /**
   * Queues a job. With `within` (a Drizzle transaction), the job is inserted on that transaction's
   * connection: it exists only if the transaction commits, so a record of "sent" and the sending
   * cannot part (and on PGlite, the one connection is not asked for twice, which would hang).
   */
  async send(name: string, data: object, options: PgBoss.SendOptions & { within?: Db } = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`Job ${name} is not defined`)
    if (!this.boss && this.starting) await this.starting
    if (!this.boss) throw new Error('The job queue is not started')
    const { within, ...rest } = options
    return this.boss.send(name, data, within ? { ...rest, db: transactionExecutor(within) } : rest)
  }

  async getJob(name: string, id: string) {
    return this.boss?.getJobById(name, id, { includeArchive: true })
  }

  /** Stops polling, lets running handlers finish (up to stopTimeoutMs), then waits for pg-boss's last SQL. */
  async stop(): Promise<void> {
    const boss = this.boss
    if (!boss) return
    this.boss = undefined
    await boss.stop({ graceful: true, wait: true, close: false, timeout: this.options.stopTimeoutMs ?? 5000 })
    // pg-boss completes a job without awaiting it and a worker may be mid-poll: let that SQL land
    // before the caller closes the database (bounded, so a stuck handler cannot hold the shutdown).
    const until = Date.now() + 2000
    while ((this.running > 0 || this.pending.size > 0) && Date.now() < until) {
      await Promise.race([Promise.allSettled([...this.pending]), sleep(50)])
    }
    this.closed = true
  }

  private async run(name: string, d: Definition, job: PgBoss.Job<unknown>): Promise<void> {
    this.running++
    try {
      await d.handler(job.data, { id: job.id, name })
    } catch (err) {
      // Thrown on: pg-boss records the failure and schedules the retry.
      this.log.warn({ job: name, jobId: job.id, err: errorText(err) }, 'job failed')
      throw err
    } finally {
      this.running--
    }
  }

  /** The adapter pg-boss calls for every statement; it must resolve to `{ rows }` like pg does. */
  private executeSql(text: string, values?: unknown[]): Promise<any> {
    // After stop, behave like pg-boss's own closed pool: no result rather than a closed-database error.
    if (this.closed) return Promise.resolve(undefined)
    const promise = this.database.kind === 'pglite' ? this.pgliteSql(text, values) : this.database.pool!.query(text, values as any[])
    this.pending.add(promise)
    const forget = () => this.pending.delete(promise)
    promise.then(forget, forget)
    return promise
  }

  private async pgliteSql(text: string, values?: unknown[]) {
    const pglite = this.database.pglite!
    if (values?.length) return pglite.query(text, values as any[])
    // Without values pg-boss sends scripts ("BEGIN; …; COMMIT;" for its schema and maintenance), which
    // need the simple protocol (exec). Inside PGlite's transaction() nothing else can slip in between,
    // and a failing script is rolled back instead of leaving the app's only connection in an aborted
    // transaction (the inner BEGIN/COMMIT only raise warnings).
    const results = await pglite.transaction((tx) => tx.exec(text))
    return results.at(-1) ?? { rows: [] }
  }
}

/**
 * pg-boss's `db` option over a Drizzle transaction's own client (a pg PoolClient, or PGlite's
 * transaction object): both answer `query(text, values)` with `{ rows }`, as pg-boss expects. Drizzle
 * does not publish the client, hence the cast; jobs.test.ts proves it on both drivers.
 */
function transactionExecutor(tx: Db): PgBoss.Db {
  const client = (tx as unknown as { session?: { client?: { query?: unknown } } }).session?.client
  if (typeof client?.query !== 'function') throw new Error('send({ within }) needs a Drizzle transaction')
  return { executeSql: (text, values) => (client as { query(t: string, v?: unknown[]): Promise<any> }).query(text, values) }
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message)
  return typeof err === 'object' ? JSON.stringify(err) : String(err)
}

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity }

/** pino-shaped JSON lines until a process hands in its own logger (start({ logger })). */
function consoleLogger(level: string): JobLogger {
  const min = LEVELS[level] ?? 30
  const write = (n: number) => (obj: object, msg: string) => {
    if (n >= min) console.error(JSON.stringify({ level: n, time: Date.now(), ...obj, msg }))
  }
  return { info: write(30), warn: write(40), error: write(50) }
}
