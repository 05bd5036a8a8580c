import type { Change } from '../platform/db/change-feed.ts'

/**
 * A change feed the test drives: `change()` is a committed change heard, `live` whether it listens.
 * For the caches' own rules (what is kept, what is forgotten) without a database.
 */
export function fakeFeed() {
  const handlers: ((c: Change) => void)[] = []
  return {
    live: true,
    generation: 0,
    on(h: (c: Change) => void) {
      handlers.push(h)
      return () => {}
    },
    async sync() {
      return this.live
    },
    change(c: Change) {
      this.generation++
      for (const h of handlers) h(c)
    },
  }
}
