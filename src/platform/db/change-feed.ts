import pg from 'pg'
import type { Database } from './connection.ts'

/** The channel the tables' triggers notify on (db/migrations/0003_change_notify.sql). */
export const CHANGES_CHANNEL = 'tillsammans_changes'

/** How the listening connection shows in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION = 'tillsammans-change-feed'

/**
 * What changed: one user's account, roles or sessions; the reference data; the collaboration work
 * that the home page's to-do lists are made of (signatures, seats, meetings, rules …); or anything.
 */
export type Change = { kind: 'user'; userId: string } | { kind: 'reference' } | { kind: 'work' } | { kind: 'all' }

export function parseChange(payload: string | undefined): Change {
  if (payload?.startsWith('user:')) return { kind: 'user', userId: payload.slice(5) }
  if (payload === 'reference') return { kind: 'reference' }
  if (payload === 'work') return { kind: 'work' }
  return { kind: 'all' }
}

const PING_EVERY_MS = 10_000
const PING_TIMEOUT_MS = 5_000
const MAX_BACKOFF_MS = 30_000

/**
 * Tells the caches of this process what another transaction — on this instance or any other —
 * changed, once it has committed (decision 006). The database's triggers NOTIFY; here we LISTEN:
 * - PostgreSQL: on a dedicated client outside the pool, pinged, reconnected with backoff. While it
 *   does not listen, `live` is false and caches must not answer (they cannot know what they missed);
 *   every (re)connection counts as "anything may have changed".
 * - PGlite: one process per data folder (the lock file), so nobody else can write; its notifications
 *   arrive in this process before the committing statement returns.
 *
 * `generation` grows with every change and every loss of the connection. A cache notes it before
 * reading the database and keeps what it read only if it has not moved, so a read that raced with a
 * change is never kept.
 *
 * A notification reaches the listener a moment after the commit, and a request can be faster (the next
 * request of the same browser, on another instance). `sync()` closes that gap: PostgreSQL sends a
 * listening connection its pending notifications before the answer to its next query, so one round
 * trip on it, begun after the request arrived, brings every change committed before. Requests that
 * arrive together share a round trip.
 */
export class ChangeFeed {
  private readonly handlers = new Set<(change: Change) => void>()
  private stopped = true
  private listening = false
  private client?: pg.Client
  private unlisten?: () => Promise<void>
  private retry?: NodeJS.Timeout
  private ping?: NodeJS.Timeout
  private failures = 0
  private waiting: ((ok: boolean) => void)[] = []
  /** Gives up the current connection and schedules the next attempt. */
  private drop?: () => void
  private syncing = false
  generation = 0

  constructor(private readonly database: Database) {}

  get live(): boolean {
    return this.listening
  }

  /** Registers a handler for every change; returns the function that removes it. */
  on(handler: (change: Change) => void): () => void {
    this.handlers.add(handler)
    return () => this.handlers.delete(handler)
  }

  /**
   * Resolves true when every change committed before the call has been handled here; false when this
   * process is not listening (then nothing may be answered from a cache).
   */
  sync(): Promise<boolean> {
    if (!this.listening) return Promise.resolve(false)
    if (this.database.pglite) return Promise.resolve(true)
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      if (!this.syncing) void this.roundTrips()
    })
  }

  /** One round trip per batch; who arrives while one is under way waits for the next (it may have begun too early). */
  private async roundTrips(): Promise<void> {
    this.syncing = true
    while (this.waiting.length) {
      const batch = this.waiting.splice(0)
      const client = this.client
      let ok = false
      if (client && this.listening) {
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)
        })
        const answered = client.query('select 1').then(
          () => true,
          () => false,
        )
        ok = await Promise.race([answered, timeout])
        clearTimeout(timer)
        if (!ok && this.client === client) this.drop?.()
      }
      for (const resolve of batch) resolve(ok && this.listening)
    }
    this.syncing = false
  }

  async start(): Promise<void> {
    if (!this.stopped) return
    this.stopped = false
    if (this.database.pglite) {
      this.unlisten = await this.database.pglite.listen(CHANGES_CHANNEL, (payload) => this.emit(parseChange(payload)))
      this.becomeLive()
    } else await this.connect()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.retry)
    clearInterval(this.ping)
    this.lose()
    await this.unlisten?.().catch(() => {})
    this.unlisten = undefined
    const client = this.client
    this.client = undefined
    await client?.end().catch(() => {})
  }

  private emit(change: Change): void {
    this.generation++
    for (const handler of this.handlers) handler(change)
  }

  private becomeLive(): void {
    this.listening = true
    this.failures = 0
    // What was cached before may have changed while nobody listened.
    this.emit({ kind: 'all' })
  }

  private lose(): void {
    if (!this.listening) return
    this.listening = false
    this.emit({ kind: 'all' })
  }

  private async connect(): Promise<void> {
    const options = (this.database.pool as unknown as { options: pg.ClientConfig }).options
    const client = new pg.Client({ ...options, keepAlive: true, application_name: CHANGE_FEED_APPLICATION })
    this.client = client
    const fail = () => {
      if (this.client !== client) return
      this.client = undefined
      this.drop = undefined
      clearInterval(this.ping)
      this.lose()
      client.end().catch(() => {})
      if (this.stopped) return
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures++)
      this.retry = setTimeout(() => void this.connect(), delay)
      this.retry.unref()
    }
    this.drop = fail
    client.on('error', fail)
    client.on('end', fail)
    client.on('notification', (msg) => {
      if (msg.channel === CHANGES_CHANNEL) this.emit(parseChange(msg.payload))
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
    } catch {
      return fail()
    }
    if (this.client !== client) return void client.end().catch(() => {})
    this.becomeLive()
    // A connection that died without a word (a dropped network path) is found by a ping that fails.
    this.ping = setInterval(() => {
      const timeout = setTimeout(fail, PING_TIMEOUT_MS)
      client.query('select 1').then(() => clearTimeout(timeout), fail)
    }, PING_EVERY_MS)
    this.ping.unref()
  }
}
