import type { Change, ChangeFeed } from './change-feed.ts'

const MAX_ENTRIES = 1000

/**
 * Values read from the database, per process, kept until the change feed says a change that `forgets`
 * them has committed (decision 006) — the same mechanism as the reference cache, for reads that are
 * per viewer or per user. A value read while a change was under way is not kept (the feed's
 * `generation` moved), and nothing is answered from memory while the feed is not listening.
 */
export class ChangeCache {
  private readonly values = new Map<string, Promise<unknown>>()

  constructor(
    private readonly feed: ChangeFeed,
    /** Whether `change` may have changed the value under `key`. */
    private readonly forgets: (change: Change, key: string) => boolean,
  ) {
    feed.on((change) => {
      for (const key of [...this.values.keys()]) if (this.forgets(change, key)) this.values.delete(key)
    })
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!(await this.feed.sync())) return load()
    const cached = this.values.get(key) as Promise<T> | undefined
    if (cached) return cached
    if (this.values.size >= MAX_ENTRIES) this.values.clear()
    const generation = this.feed.generation
    const promise = load()
    this.values.set(key, promise)
    promise.then(
      () => {
        // A change heard while loading may have come after the read: keep nothing that might be stale.
        if (this.feed.generation !== generation && this.values.get(key) === promise) this.values.delete(key)
      },
      () => {
        if (this.values.get(key) === promise) this.values.delete(key)
      },
    )
    return promise
  }
}

const caches = new WeakMap<object, Map<string, ChangeCache>>()

/** One cache per name and per app (deps), made on first use. */
export function changeCacheOf(deps: { changes: ChangeFeed }, name: string, forgets: (change: Change, key: string) => boolean): ChangeCache {
  let byName = caches.get(deps)
  if (!byName) caches.set(deps, (byName = new Map()))
  let cache = byName.get(name)
  if (!cache) byName.set(name, (cache = new ChangeCache(deps.changes, forgets)))
  return cache
}
