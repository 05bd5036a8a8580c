import { formatDateTime, formatNumber } from '../i18n/format.ts'
import type { Translate } from '../i18n/i18n.ts'
import { DataTable, StatusTag } from '../views/data-display.tsx'
import { Layout } from '../views/layout.tsx'
import { usePage } from '../views/page-context.ts'
import type { TaskResult, TaskSummary } from './tasks.ts'
import { problemLine } from './task-problems.ts'
import type { TaskStatus } from './tasks.tables.ts'

const TAGS: Record<TaskStatus, 'green' | 'yellow' | 'red' | 'grey'> = { queued: 'grey', running: 'yellow', done: 'green', failed: 'red' }

const crumbs = (t: Translate) => [{ href: '/tasks', label: t('tasks.listTitle') }]

/** A task's progress while it runs (the page reloads itself every 2 s, no JavaScript), then its outcome. */
export function TaskPage({ task, auto }: { task: TaskSummary; auto: boolean }) {
  const { t, locale } = usePage()
  const running = task.status === 'queued' || task.status === 'running'
  const result = task.result as TaskResult | null
  const retryHref = typeof task.params.retryHref === 'string' ? task.params.retryHref : undefined
  // A task that does not work through rows (a document conversion) names its own progress and retry texts.
  const progressKey = typeof task.params.progressKey === 'string' ? task.params.progressKey : undefined
  const retryKey = typeof task.params.retryKey === 'string' ? task.params.retryKey : 'tasks.retry'
  const n = (v: number) => formatNumber(v, locale, 0)
  return (
    <Layout title={task.title} breadcrumbs={[...crumbs(t), { label: task.title }]}>
      <span class="caption">{t('tasks.caption')}</span>
      <h1 class="heading-l">{task.title}</h1>
      <p class="body">
        <StatusTag status={TAGS[task.status]} label={t(`tasks.status.${task.status}`)} />
      </p>
      {running && (
        <>
          <p class="body" id="task-progress-text">
            {task.status === 'queued'
              ? t('tasks.queued')
              : progressKey
                ? t(progressKey)
                : task.total
                  ? t('tasks.progressOf', {
                      done: n(Math.min(task.done, task.total)),
                      total: n(task.total),
                      percent: n(Math.floor((100 * Math.min(task.done, task.total)) / task.total)),
                    })
                  : t('tasks.progressCount', { done: n(task.done) })}
          </p>
          <progress
            class="task-progress"
            aria-labelledby="task-progress-text"
            max={task.total ?? undefined}
            value={task.status === 'running' && task.total ? Math.min(task.done, task.total) : undefined}
          />
          <p class="body">{t('tasks.leave')}</p>
          <p class="body">
            {auto ? (
              <>
                {t('tasks.autoOn')} <a href={`/tasks/${task.id}?auto=0`}>{t('tasks.autoStop')}</a>
              </>
            ) : (
              <>
                <a href={`/tasks/${task.id}?auto=0`}>{t('tasks.reload')}</a> · <a href={`/tasks/${task.id}`}>{t('tasks.autoStart')}</a>
              </>
            )}
          </p>
        </>
      )}
      {task.status === 'done' && result && (
        <div class="panel" role="status">
          <p class="body">{t(result.messageKey, result.params)}</p>
          {result.href && (
            <p class="body">
              <a href={result.href}>{t(result.linkKey ?? 'tasks.open')}</a>
            </p>
          )}
        </div>
      )}
      {task.status === 'failed' && (
        <section aria-labelledby="task-problems">
          <p class="warning-text">{t('tasks.failedLead')}</p>
          <h2 class="heading-m" id="task-problems">
            {t('tasks.problemsTitle', { count: task.problems.length })}
          </h2>
          <ul class="list list--bullet" id="task-problem-list">
            {task.problems.map((p) => (
              <li>{problemLine(t, p)}</li>
            ))}
          </ul>
          {retryHref && (
            <p class="body">
              <a href={retryHref}>{t(retryKey)}</a>
            </p>
          )}
        </section>
      )}
      <p class="body-s">
        {t('tasks.started', { at: formatDateTime(task.createdAt, locale) })}
        {task.finishedAt && ` ${t('tasks.finished', { at: formatDateTime(task.finishedAt, locale) })}`}
      </p>
    </Layout>
  )
}

/** The signed-in user's recent tasks. */
export function TaskListPage({ tasks }: { tasks: TaskSummary[] }) {
  const { t, locale } = usePage()
  const title = t('tasks.listTitle')
  return (
    <Layout title={title} wide>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('tasks.listLead')}</p>
      <DataTable
        caption={title}
        rows={tasks}
        empty={t('tasks.none')}
        columns={[
          { key: 'title', label: t('tasks.column.title'), render: (task) => <a href={`/tasks/${task.id}`}>{task.title}</a> },
          {
            key: 'status',
            label: t('tasks.column.status'),
            render: (task) => <StatusTag status={TAGS[task.status]} label={t(`tasks.status.${task.status}`)} />,
          },
          { key: 'started', label: t('tasks.column.started'), render: (task) => formatDateTime(task.createdAt, locale) },
          { key: 'finished', label: t('tasks.column.finished'), render: (task) => (task.finishedAt ? formatDateTime(task.finishedAt, locale) : '–') },
        ]}
      />
    </Layout>
  )
}
