import type { ChangeFeed } from '../../platform/db/change-feed.ts'
import type { Deps } from '../../platform/deps.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'

const MAX_ENTRIES = 500

/**
 * Reference data (organisations, counties) and what is made from it, per process, until the database
 * says the reference tables changed (decision 006) or the day turns: a read of the organisation list
 * costs a lookup instead of a query, a Swedish sort and a render of some 350 rows. Nothing is kept
 * while the change feed is not listening.
 */
export class ReferenceCache {
  private readonly values = new Map<string, Promise<unknown>>()

  constructor(private readonly feed: ChangeFeed) {
    feed.on((change) => {
      if (change.kind === 'reference' || change.kind === 'all') this.values.clear()
    })
  }

  /**
   * The value under `key`, loaded once; requests arriving meanwhile share the load. A change committed
   * before the call is heard first (ChangeFeed.sync), so the next request after it sees it.
   */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!(await this.feed.sync())) return load()
    const cached = this.values.get(key) as Promise<T> | undefined
    if (cached) return cached
    if (this.values.size >= MAX_ENTRIES) this.values.clear()
    const promise = load()
    this.values.set(key, promise)
    // A failed load is not kept; the next request tries again.
    promise.catch(() => {
      if (this.values.get(key) === promise) this.values.delete(key)
    })
    return promise
  }
}

const caches = new WeakMap<Deps, ReferenceCache>()

export function referenceCacheOf(deps: Deps): ReferenceCache {
  let cache = caches.get(deps)
  if (!cache) caches.set(deps, (cache = new ReferenceCache(deps.changes)))
  return cache
}

/** Today's date in Sweden: which organisations are valid, and part of every cache key (the list changes at midnight). */
export const todayInSweden = () => formatIsoDate(new Date())
