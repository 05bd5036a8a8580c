import type { ChangeFeed } from '../../platform/db/change-feed.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'

/** A safety net only: the change feed evicts an entry the moment its user changes (decision 006). */
export const SESSION_CACHE_TTL_MS = 30_000
const MAX_ENTRIES = 10_000

export interface CachedSession {
  actor: Actor
  /** When the session was last marked as seen in the database (ms); touched again after a while. */
  lastSeenAt: number
  expiresAt: number
  cachedAt: number
}

/**
 * Session id (the token's sha256) → the actor with their roles, per process, so a signed-in page
 * needs no query to know who asks. Entries of a user go when the database says that user's
 * account, roles or sessions changed — on this instance or another — and everything goes when the
 * feed is not listening (and then nothing is served from here).
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>()
  private readonly inFlight = new Map<string, { generation: number; promise: Promise<Actor | undefined> }>()

  constructor(private readonly feed: ChangeFeed) {
    feed.on((change) => {
      if (change.kind === 'user') this.forgetUser(change.userId)
      // Collaboration work says nothing about sessions; the reference data does (organisation names).
      else if (change.kind !== 'work') this.entries.clear()
    })
  }

  /** The generation to pass to put(): taken before the database is read. */
  get generation(): number {
    return this.feed.generation
  }

  /**
   * The cached session, after making sure every change committed before this request has been heard
   * (ChangeFeed.sync): a logout on another instance a moment ago counts. Call it before load(), which
   * relies on that to tell a load begun before a change from one begun after.
   */
  async get(id: string, now = Date.now()): Promise<CachedSession | undefined> {
    if (!(await this.feed.sync())) return undefined
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (now - entry.cachedAt > SESSION_CACHE_TTL_MS || now >= entry.expiresAt) {
      this.entries.delete(id)
      return undefined
    }
    return entry
  }

  /** Keeps what was read unless something changed since `generation` (the read may predate it). */
  put(id: string, entry: CachedSession, generation: number): void {
    if (!this.feed.live || generation !== this.feed.generation) return
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(id, entry)
  }

  forget(id: string): void {
    this.entries.delete(id)
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(id)
  }

  /**
   * Loads once for many requests that arrive together with the same cookie; a request that comes
   * after a change (heard through get()) never joins a load that began before it.
   */
  load(id: string, loader: () => Promise<Actor | undefined>): Promise<Actor | undefined> {
    const running = this.inFlight.get(id)
    if (running && running.generation === this.feed.generation) return running.promise
    const promise = loader().finally(() => {
      if (this.inFlight.get(id)?.promise === promise) this.inFlight.delete(id)
    })
    this.inFlight.set(id, { generation: this.feed.generation, promise })
    return promise
  }
}

const caches = new WeakMap<Deps, SessionCache>()

/** The session cache of one application (each test app has its own deps, so its own cache). */
export function sessionCacheOf(deps: Deps): SessionCache {
  let cache = caches.get(deps)
  if (!cache) caches.set(deps, (cache = new SessionCache(deps.changes)))
  return cache
}

/**
 * For services that end a user's access (deactivation, role changes): forgets the user's sessions
 * in this process at once. Other instances learn it from the database's notification; this call only
 * closes the moment between the commit and that notification on the instance that made the change.
 */
export function forgetSessionsOf(deps: Deps, userId: string): void {
  sessionCacheOf(deps).forgetUser(userId)
}
