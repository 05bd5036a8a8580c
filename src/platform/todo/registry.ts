import type { ChangeFeed } from '../db/change-feed.ts'
import type { Actor } from '../http/actor.ts'

/** One thing the signed-in user should do or look at, with the page where it is done. */
export interface TodoItem {
  /** The section of the home page it belongs to. */
  group: TodoGroup
  /** i18n key and parameters of the sentence. */
  textKey: string
  params?: Record<string, string | number>
  /** Names of params whose value is itself an i18n key (e.g. a rule's name), translated when shown. */
  translateParams?: string[]
  /** Params that are whole messages with their own params (e.g. a period's name), translated when shown. */
  messageParams?: Record<string, { key: string; params: Record<string, string | number> }>
  href: string
  /** Colour and text together: red overdue/unmet past deadline, yellow due or not yet met, grey information. */
  status?: 'red' | 'yellow' | 'green' | 'grey'
  statusKey?: string
  /** ISO date or date-time used to order items inside a group (earliest first). */
  sortKey?: string
}

export const TODO_GROUPS = ['signature', 'justering', 'follow_up', 'meetings', 'commitments', 'county'] as const
export type TodoGroup = (typeof TODO_GROUPS)[number]

export type TodoProvider = (actor: Actor) => Promise<TodoItem[]>

/**
 * A list is kept at most this long even when nothing is written: what is due depends on the clock too
 * (a meeting begins, a deadline passes).
 */
const MAX_AGE_MS = 60_000
const MAX_ENTRIES = 5_000

/**
 * Features add what their users have to do (issue 6 E11); the home page asks every provider for the
 * signed-in actor. A provider that fails does not take the home page with it: its section is left
 * out and the error logged.
 *
 * The lists are kept per user and roles (decision 010) until the database says the collaboration work
 * changed (`work`, from triggers on the tables the lists are made of), the reference data changed, or
 * a minute has passed. Nothing is kept or served while the change feed is not listening, and a list
 * whose load raced with a change is not kept.
 */
export class TodoRegistry {
  private readonly providers: { name: string; provide: TodoProvider }[] = []
  private readonly cache = new Map<string, { at: number; items: TodoItem[] }>()

  constructor(private readonly feed?: ChangeFeed) {
    feed?.on((change) => {
      if (change.kind !== 'user') this.cache.clear()
    })
  }

  add(name: string, provide: TodoProvider): void {
    this.providers.push({ name, provide })
    this.cache.clear()
  }

  async for(actor: Actor, onError: (name: string, err: unknown) => void): Promise<TodoItem[]> {
    const key = `${actor.userId}|${actor.email}|${actor.roles.map((r) => `${r.role}@${r.organisationId}`).join(',')}`
    const live = this.feed ? await this.feed.sync() : false
    if (live) {
      const hit = this.cache.get(key)
      if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.items
    }
    const generation = this.feed?.generation
    let failed = false
    const results = await Promise.all(
      this.providers.map(async (p) => {
        try {
          return await p.provide(actor)
        } catch (err) {
          failed = true
          onError(p.name, err)
          return []
        }
      }),
    )
    const items = results.flat().sort((a, b) => TODO_GROUPS.indexOf(a.group) - TODO_GROUPS.indexOf(b.group) || (a.sortKey ?? '').localeCompare(b.sortKey ?? ''))
    // A list with a failed section is not kept; one read while a change arrived may be stale.
    if (live && !failed && this.feed?.generation === generation) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear()
      this.cache.set(key, { at: Date.now(), items })
    }
    return items
  }
}
