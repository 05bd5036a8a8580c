import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { Locale, Translate } from '../../../platform/i18n/i18n.ts'
import { type PageContext, PageCtx } from '../../../platform/views/page-context.ts'

/**
 * Renders part of a page that looks the same to everyone reading in one language, so it can be kept
 * and put into many pages. Whatever differs per request (the actor, the CSRF token, the path) is
 * refused here rather than silently shared.
 */
export function renderSharedFragment(t: Translate, locale: Locale, vnode: VNode): string {
  const perRequest = (what: string) => () => {
    throw new Error(`${what} differs per request and cannot be used in a shared fragment`)
  }
  const ctx = Object.defineProperties({ t, locale } as PageContext, {
    actor: { get: perRequest('actor') },
    csrfToken: { get: perRequest('csrfToken') },
    path: { get: perRequest('path') },
    nav: { get: perRequest('nav') },
    flash: { get: perRequest('flash') },
    demo: { get: perRequest('demo') },
    collaborationName: { get: perRequest('collaborationName') },
  })
  return renderToString(<PageCtx.Provider value={ctx}>{vnode}</PageCtx.Provider>)
}

/** Puts HTML rendered (and escaped) by renderSharedFragment into a page. */
export function SharedFragment({ html }: { html: string }) {
  return <div class="shared-fragment" dangerouslySetInnerHTML={{ __html: html }} />
}
