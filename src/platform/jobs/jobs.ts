import PgBoss from 'pg-boss'
import type { Config } from '../../config.ts'
import type { Database } from '../db/connection.ts'

export type JobHandler<T = Record<string, unknown>> = (data: T, job: { id: string; name: string }) => Promise<void>

interface Definition {
  handler: JobHandler<any>
  retryLimit: number
  retryDelay: number
}

/**
 * Background jobs on our own database with pg-boss (retries with exponential backoff, cron schedules).
 * Features `define` their jobs at registration; the web process works them by default and a separate
 * `npm run worker` process can do it instead (TILLSAMMANS_WORKERS=false on the web instances).
 */
export class Jobs {
  private boss?: PgBoss
  private readonly definitions = new Map<string, Definition>()
  private readonly schedules: { name: string; cron: string; data?: object }[] = []

  constructor(
    private readonly database: Database,
    private readonly config: Pick<Config, 'databaseUrl'>,
  ) {}

  define<T>(name: string, handler: JobHandler<T>, options: { retryLimit?: number; retryDelaySeconds?: number } = {}): void {
    if (this.definitions.has(name)) throw new Error(`Job ${name} is already defined`)
    this.definitions.set(name, { handler, retryLimit: options.retryLimit ?? 5, retryDelay: options.retryDelaySeconds ?? 30 })
  }

  /** A cron schedule (Europe/Stockholm) for a defined job. */
  every(name: string, cron: string, data?: object): void {
    this.schedules.push({ name, cron, data })
  }

  get started(): boolean {
    return !!this.boss
  }

  async start({ work }: { work: boolean }): Promise<void> {
    if (this.boss) return
    const boss = new PgBoss(this.bossOptions())
    boss.on('error', (err) => console.error(JSON.stringify({ level: 50, msg: 'job queue error', err: String(err) })))
    await boss.start()
    for (const [name, d] of this.definitions) {
      await boss.createQueue(name, { name, retryLimit: d.retryLimit, retryDelay: d.retryDelay, retryBackoff: true })
    }
    if (work) {
      for (const [name, d] of this.definitions) {
        await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
          for (const job of jobs) await d.handler(job.data as any, { id: job.id, name })
        })
      }
      for (const s of this.schedules) await boss.schedule(s.name, s.cron, s.data, { tz: 'Europe/Stockholm' })
    }
    this.boss = boss
  }

  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`Job ${name} is not defined`)
    if (!this.boss) throw new Error('The job queue is not started')
    return this.boss.send(name, data, options)
  }

  async getJob(name: string, id: string) {
    return this.boss?.getJobById(name, id)
  }

  async stop(): Promise<void> {
    const boss = this.boss
    this.boss = undefined
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 5000 })
  }

  private bossOptions(): PgBoss.ConstructorOptions {
    const common = { schedule: true, supervise: true, migrate: true }
    if (this.database.kind === 'postgres') return { ...common, connectionString: this.config.databaseUrl, max: 4 }
    // PGlite has one connection: pg-boss shares it through this adapter (multi-statement SQL uses exec).
    const pglite = this.database.pglite!
    return {
      ...common,
      db: {
        executeSql: async (text: string, values?: unknown[]) =>
          values?.length ? pglite.query(text, values as any[]) : ((await pglite.exec(text)).at(-1) ?? { rows: [] }),
      },
    }
  }
}
