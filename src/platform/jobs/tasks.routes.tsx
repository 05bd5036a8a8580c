import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'
import { paramsOf } from '../http/params.ts'
import { TaskListPage, TaskPage } from './task-pages.tsx'
import { listMyTasks, loadTask } from './tasks.ts'

/** Seconds between reloads of a running task's page. */
export const REFRESH_SECONDS = 2

/**
 * A task's page (its creator and the admin; anyone else gets 404) and the user's own list. While the
 * task runs, the page asks the browser to load it again every 2 s with a `Refresh` header — the HTTP
 * form of a meta refresh: no JavaScript, and it can be turned off (`?auto=0`, WCAG 2.2.1).
 */
export async function taskRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get('/tasks', { config: { policy: 'authenticated' } }, async (req, reply) => {
    return reply.page(<TaskListPage tasks={await listMyTasks(deps, req.actor!)} />)
  })

  app.get('/tasks/:taskId', { config: { policy: 'authenticated' } }, async (req, reply) => {
    const task = await loadTask(deps, req.actor, paramsOf(req).taskId)
    const auto = (req.query as Record<string, unknown>).auto !== '0'
    if (auto && (task.status === 'queued' || task.status === 'running')) reply.header('refresh', String(REFRESH_SECONDS))
    reply.header('cache-control', 'no-store')
    return reply.page(<TaskPage task={task} auto={auto} />)
  })
}
