import { TODO_GROUPS, type TodoItem } from '../../../platform/todo/registry.ts'
import { CachedFragment } from '../../../platform/views/cached-fragment.tsx'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The signed-in user's to-do list (issue 6 E11), grouped, each item with its status in words and colour. */
function TodoList({ todos }: { todos: TodoItem[] }) {
  const { t } = usePage()
  if (todos.length === 0) return <p class="inset">{t('pages.home.todoEmpty')}</p>
  const text = (i: TodoItem) => {
    const params = { ...i.params }
    for (const name of i.translateParams ?? []) params[name] = t(String(params[name]))
    for (const [name, m] of Object.entries(i.messageParams ?? {})) params[name] = t(m.key, m.params)
    return t(i.textKey, params)
  }
  return (
    <>
      {TODO_GROUPS.filter((g) => todos.some((i) => i.group === g)).map((g) => (
        <section class="todo-group" aria-labelledby={`todo-${g}`}>
          <h3 class="heading-s" id={`todo-${g}`}>
            {t(`pages.home.groups.${g}`)}
          </h3>
          <ul class="todo-list">
            {todos
              .filter((i) => i.group === g)
              .map((i) => (
                <li class="todo-list__item">
                  {i.status && i.statusKey && <StatusTag status={i.status} label={t(i.statusKey)} />} <a href={i.href}>{text(i)}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  )
}

/** Start page: for a signed-in user what they have to do, then a tile for each thing they may do. */
export function HomePage({ todos }: { todos?: TodoItem[] }) {
  const { t, actor, nav, collaborationName } = usePage()
  const tiles = nav.filter((i) => i.descriptionKey)
  return (
    <Layout title={t('pages.home.title')}>
      <h1 class="heading-xl">{actor ? t('pages.home.welcome', { name: actor.name }) : collaborationName}</h1>
      <p class="lead">{t('pages.home.lead')}</p>
      {actor ? (
        <>
          <h2 class="heading-l">{t('pages.home.todoHeading')}</h2>
          {todos && todos.length > 0 && <p class="body-s">{t('pages.home.todoCount', { count: todos.length })}</p>}
          {/* The registry hands out the same array until the list changes: render it once per array. */}
          <CachedFragment owner={todos ?? []} cacheKey="todos" class="todos" render={() => <TodoList todos={todos ?? []} />} />
          <h2 class="heading-l">{t('pages.home.servicesHeading')}</h2>
          <CachedFragment
            owner={nav}
            cacheKey="tiles"
            as="ul"
            class="card-grid"
            render={() =>
              tiles.map((i) => (
                <li class="card">
                  <h3 class="heading-s">
                    <a href={i.href}>{t(i.labelKey)}</a>
                  </h3>
                  <p class="body-s">{t(i.descriptionKey!)}</p>
                </li>
              ))
            }
          />
        </>
      ) : (
        <>
          <p class="body">{t('pages.home.anonymous')}</p>
          <p class="body">
            <a class="button button--primary" href="/login">
              {t('platform.layout.login')}
            </a>
          </p>
        </>
      )}
    </Layout>
  )
}
