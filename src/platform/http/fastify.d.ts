import type { VNode } from 'preact'
import type { ZodType } from 'zod'
import type { Actor } from './actor.ts'
import type { Locale, Translate } from '../i18n/i18n.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Name of the access policy this route requires; routes without one refuse to register. */
    policy?: string
    /** Forms posted without a session (login) still need a CSRF token; APIs with bearer tokens skip it. */
    csrf?: boolean
    /** The route takes multipart forms with files (20 MB); every other route refuses multipart and has a small body limit. */
    uploads?: boolean
    /** A larger file limit for an upload route than the 20 MB default (survey microdata: 50 MB). */
    uploadLimit?: number
    /** The Zod schema of the form this route parses; metadata only (the handler still calls parseForm), read by the security tests. */
    form?: ZodType
  }
  interface FastifyRequest {
    actor?: Actor
    locale: Locale
    t: Translate
    csrfToken: string
    /** Identifies an anonymous browser for CSRF before login. */
    anonymousId?: string
  }
  interface FastifyReply {
    page(vnode: VNode, status?: number): FastifyReply
    /** A page identical for every anonymous visitor (given the language, path and key), rendered once. */
    anonymousPage(key: string, render: () => VNode): FastifyReply
    flash(kind: 'success' | 'info', messageKey: string, params?: Record<string, string | number>): FastifyReply
    /** 303 See Other: the answer to every successful form POST. */
    seeOther(url: string): FastifyReply
  }
}
