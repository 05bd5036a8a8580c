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
  href: string
  /** Colour and text together: red overdue/unmet past deadline, yellow due or not yet met, grey information. */
  status?: 'red' | 'yellow' | 'green' | 'grey'
  statusKey?: string
  /** ISO date or date-time used to order items inside a group (earliest first). */
  sortKey?: string
}

export const TODO_GROUPS = ['signature', 'justering', 'meetings', 'commitments', 'county'] as const
export type TodoGroup = (typeof TODO_GROUPS)[number]

export type TodoProvider = (actor: Actor) => Promise<TodoItem[]>

/**
 * Features add what their users have to do (issue 6 E11); the home page asks every provider for the
 * signed-in actor. A provider that fails does not take the home page with it: its section is left
 * out and the error logged.
 */
export class TodoRegistry {
  private readonly providers: { name: string; provide: TodoProvider }[] = []

  add(name: string, provide: TodoProvider): void {
    this.providers.push({ name, provide })
  }

  async for(actor: Actor, onError: (name: string, err: unknown) => void): Promise<TodoItem[]> {
    const results = await Promise.all(
      this.providers.map(async (p) => {
        try {
          return await p.provide(actor)
        } catch (err) {
          onError(p.name, err)
          return []
        }
      }),
    )
    return results.flat().sort((a, b) => TODO_GROUPS.indexOf(a.group) - TODO_GROUPS.indexOf(b.group) || (a.sortKey ?? '').localeCompare(b.sortKey ?? ''))
  }
}
