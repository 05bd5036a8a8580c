import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type PageContext, PageCtx } from '../views/page-context.ts'

export function renderPage(ctx: PageContext, vnode: VNode): string {
  return `<!doctype html>${renderToString(<PageCtx.Provider value={ctx}>{vnode}</PageCtx.Provider>)}`
}
