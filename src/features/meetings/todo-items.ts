import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { formatDateTime } from '../../platform/i18n/format.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import { meetingTodos } from './todos.service.ts'

/** The meetings' part of the home page's to-do list: minutes to justera first, then coming meetings. */
export async function meetingTodoItems(deps: Deps, actor: Actor): Promise<TodoItem[]> {
  const { upcoming, toJustera } = await meetingTodos(deps, actor)
  // Dates as Swedish officials write them (ÅÅÅÅ-MM-DD hh:mm, Swedish time) read the same in both languages.
  const when = (d: Date) => formatDateTime(d, 'sv')
  return [
    ...toJustera.map(
      (m): TodoItem => ({
        group: 'justering',
        textKey: 'meetings.todo.justera',
        params: { title: m.title, body: m.bodyName, when: when(m.startsAt) },
        href: m.href,
        status: 'yellow',
        statusKey: 'meetings.todo.justeraStatus',
        sortKey: m.startsAt.toISOString(),
      }),
    ),
    ...upcoming.map(
      (m): TodoItem => ({
        group: 'meetings',
        textKey: m.place ? 'meetings.todo.upcomingAt' : 'meetings.todo.upcoming',
        params: { title: m.title, body: m.bodyName, when: when(m.startsAt), place: m.place },
        href: m.href,
        sortKey: m.startsAt.toISOString(),
      }),
    ),
  ]
}
