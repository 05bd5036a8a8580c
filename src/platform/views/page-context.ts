import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Actor } from '../http/actor.ts'
import type { Locale, Translate } from '../i18n/i18n.ts'
import type { NavItem } from '../nav/registry.ts'

export interface Flash {
  kind: 'success' | 'info'
  message: string
}

/** What every page needs from the request, handed to components through context (not props). */
export interface PageContext {
  t: Translate
  locale: Locale
  actor?: Actor
  csrfToken: string
  demo: boolean
  /** The demo's example history is still being written (the first minute of a new demo). */
  demoLoading?: boolean
  path: string
  nav: readonly NavItem[]
  flash?: Flash
  collaborationName: string
}

export const PageCtx = createContext<PageContext | null>(null)

export function usePage(): PageContext {
  const ctx = useContext(PageCtx)
  if (!ctx) throw new Error('usePage() outside a rendered page')
  return ctx
}
