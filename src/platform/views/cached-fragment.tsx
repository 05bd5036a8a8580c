import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { PageCtx, usePage } from './page-context.ts'

/** Rendered HTML per owner object, then per key (locale and whatever else the markup depends on). */
const rendered = new WeakMap<object, Map<string, string>>()

/**
 * Markup rendered once and reused while `owner` is the same object: e.g. the home page's to-do list,
 * whose items the to-do registry keeps as one array until something changes (issue 7 D18 — the home
 * page is the most requested signed-in page). `cacheKey` must name everything else the markup depends
 * on besides `owner`; the locale is added here. `render` gives the children of one element, `as`
 * (a `div` unless told), which carries `class`.
 */
export function CachedFragment({
  owner,
  cacheKey,
  as: Tag = 'div',
  class: className,
  render,
}: {
  owner: object
  cacheKey: string
  as?: 'div' | 'ul'
  class?: string
  render: () => ComponentChildren
}) {
  const page = usePage()
  let byKey = rendered.get(owner)
  if (!byKey) rendered.set(owner, (byKey = new Map()))
  const key = `${page.locale}|${cacheKey}`
  let html = byKey.get(key)
  if (html === undefined) {
    html = renderToString(<PageCtx.Provider value={page}>{render()}</PageCtx.Provider>)
    byKey.set(key, html)
  }
  return <Tag class={className} dangerouslySetInnerHTML={{ __html: html }} />
}
