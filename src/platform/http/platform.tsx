import compress from '@fastify/compress'
import { demoStoryLoading } from '../db/demo-story-state.ts'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { VNode } from 'preact'
import type { Deps } from '../deps.ts'
import { negotiateLocale, translator } from '../i18n/i18n.ts'
import type { Flash, PageContext } from '../views/page-context.ts'
import { installErrorHandlers } from './error-handler.tsx'
import { installInputSanity } from './input-sanity.ts'
import { paramCheckFor } from './params.ts'
import { safeReturnPath } from './return-path.ts'
import { SMALL_BODY_LIMIT, bodyKindCheck, uploads } from '../files/uploads.ts'
import { CsrfError, ForbiddenError, UnauthorizedError } from './errors.ts'
import { renderPage } from './render.tsx'
import { installSecurityHeaders } from './security-headers.ts'
import { randomToken } from './signing.ts'
import { InsufficientScope, actorMayUse, scopeFor } from './token-scopes.ts'

export const SESSION_COOKIE = 'tm_session'
const ANON_COOKIE = 'tm_anon'
const FLASH_COOKIE = 'tm_flash'
const LANG_COOKIE = 'tm_lang'
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const kReply = Symbol('reply')
const kCsrf = Symbol('csrf')
interface CsrfState {
  [kReply]?: FastifyReply
  [kCsrf]?: string
}

export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/')

/**
 * Cross-cutting HTTP behaviour: security headers, compression, body and rate limits, cookies, locale, the actor,
 * CSRF, policies on every route, page rendering, flash messages and the error pages.
 */
async function platformPlugin(app: FastifyInstance, { deps }: { deps: Deps }) {
  const { config, signer, policies } = deps

  installSecurityHeaders(app, config.secure)
  // Before any route: the plugin attaches its onSend hook to each route as it is added. Text
  // (HTML, CSS, JS, JSON, CSV, ICS) is compressed when the client asks; DOCX, PDF and images are
  // already compressed and left alone (by their media types), and streamed downloads stay streams.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 })
  await app.register(cookie)
  await app.register(formbody, { bodyLimit: SMALL_BODY_LIMIT })
  await app.register(uploads)
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: '1 minute',
    // Health probes and static files must not be throttled by a busy load balancer.
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/favicon.ico' || req.url.startsWith('/static/'),
    // Browsers have no use for the remaining-quota headers on every page; a 429 still says when to retry.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  })

  // The feed that tells the in-process caches (sessions, reference data) what changed runs with the app.
  app.addHook('onReady', async () => deps.changes.start())
  app.addHook('onClose', async () => deps.changes.stop())

  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secure }
  const translators = { sv: translator('sv'), en: translator('en') }

  // Every route declares a policy; its guard and the CSRF check run before the handler.
  app.addHook('onRoute', (route) => {
    const name = route.config?.policy
    if (!name || !policies.has(name)) throw new Error(`${route.method} ${route.url} declares no known policy (${name ?? 'none'})`)
    const policy = policies.get(name)!
    // What the enumerating tests in src/security need beyond the policy: which routes take files, and
    // which form (Zod schema) a route parses, so every field of every form can be walked.
    const meta = { ...(route.config?.uploads ? { uploads: true as const } : {}), ...(route.config?.form ? { form: route.config.form } : {}) }
    for (const method of ([] as string[]).concat(route.method)) deps.routes.push({ method, url: route.url, policy: name, ...meta })
    const guard = async (req: FastifyRequest) => {
      if (!policy(req.actor, req)) throw req.actor ? new ForbiddenError() : new UnauthorizedError()
    }
    const methods = ([] as string[]).concat(route.method)
    const checksCsrf = route.config?.csrf !== false && methods.some((m) => STATE_CHANGING.has(m))
    const csrf = async (req: FastifyRequest) => {
      // Machine clients with a bearer token carry no cookies, so they cannot be forged cross-site.
      if (req.actor?.via === 'token') return
      const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token']
      if (typeof given !== 'string' || given !== req.csrfToken) throw new CsrfError()
    }
    // An API token reads only with the read scope and changes anything only with the write scope:
    // decided here for every /api/ route by its method, so no handler can forget it.
    const scoped = async (req: FastifyRequest) => {
      if (!actorMayUse(req.actor, req.method)) throw new InsufficientScope(scopeFor(req.method))
    }
    const existing = ([] as any[]).concat(route.preHandler ?? [])
    // The guard, the token's scope, the parameters' formats and the body's kind are checked before
    // the body is read (preParsing), so a stranger cannot make the server read a 20 MB upload or
    // query a bad id. A public route needs no guard; it still gets the CSRF check when it changes
    // state (login).
    const params = paramCheckFor(route.url)
    const early = [
      ...(name === 'public' ? [] : [guard]),
      ...(route.url.startsWith('/api/') ? [scoped] : []),
      ...(params ? [params] : []),
      bodyKindCheck(route.config?.uploads === true),
    ]
    route.preParsing = [...early, ...([] as any[]).concat(route.preParsing ?? [])]
    route.bodyLimit ??= route.config?.uploads ? undefined : SMALL_BODY_LIMIT
    route.preHandler = [...(checksCsrf ? [csrf] : []), ...existing]
  })

  app.decorateRequest('actor', undefined)
  app.decorateRequest('anonymousId', undefined)
  app.decorateRequest('locale', 'sv')
  app.decorateRequest('t', undefined as any)
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      return csrfTokenOf(this as FastifyRequest & CsrfState)
    },
  })

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id)
    req.locale = negotiateLocale(req.cookies[LANG_COOKIE], req.headers['accept-language'])
    req.t = translators[req.locale]

    const auth = req.headers.authorization
    if (isApiRequest(req) && auth?.startsWith('Bearer ') && deps.auth.bearer) {
      req.actor = await deps.auth.bearer(auth.slice(7).trim(), req)
      // A token that is wrong must not silently fall back to "anonymous".
      if (!req.actor) throw new UnauthorizedError()
      return
    }
    const sessionToken = req.cookies[SESSION_COOKIE]
    if (sessionToken && deps.auth.session) {
      req.actor = await deps.auth.session(sessionToken, req)
      if (!req.actor) reply.clearCookie(SESSION_COOKIE, cookieOptions)
    }
    ;(req as CsrfState)[kReply] = reply
  })

  // The CSRF token is made when a form or a check first needs it, so health probes, static files
  // and API calls cost no HMAC and set no cookie.
  function csrfTokenOf(req: FastifyRequest & CsrfState): string {
    if (req[kCsrf] !== undefined) return req[kCsrf]
    if (req.actor?.sessionId) {
      req[kCsrf] = signer.mac('csrf', req.actor.sessionId)
    } else {
      let anon = req.cookies[ANON_COOKIE]
      if (!anon || anon.length < 20) {
        anon = randomToken(18)
        req[kReply]?.setCookie(ANON_COOKIE, anon, cookieOptions)
      }
      req.anonymousId = anon
      req[kCsrf] = signer.mac('csrf-anon', anon)
    }
    return req[kCsrf]
  }

  // A signed-in user with a one-time password must choose their own before doing anything else.
  app.addHook('preHandler', async (req, reply) => {
    const a = req.actor
    if (!a?.mustChangePassword || a.via !== 'session' || req.method !== 'GET') return
    if (['/account/password', '/logout'].includes(req.url.split('?')[0]) || req.url.startsWith('/static/')) return
    if (req.routeOptions.config?.policy === 'public' && !req.url.startsWith('/admin')) return
    return reply.redirect('/account/password', 303)
  })

  const pageContext = (req: FastifyRequest, reply: FastifyReply, csrfToken: string): PageContext => ({
    t: req.t,
    locale: req.locale,
    actor: req.actor,
    csrfToken,
    demo: config.demo,
    demoLoading: config.demo && demoStoryLoading(),
    path: req.url.split('?')[0],
    nav: deps.nav.for(req.actor),
    flash: takeFlash(req, reply),
    collaborationName: config.collaborationName,
  })
  const sendHtml = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)

  app.decorateReply('page', function (this: FastifyReply, vnode: VNode, status = 200) {
    return sendHtml(this, status, renderPage(pageContext(this.request, this, this.request.csrfToken), vnode))
  })

  // Pages that look the same to every anonymous visitor (the login page) are rendered once per
  // language and path; only the visitor's CSRF token is put in on each request.
  const CSRF_PLACEHOLDER = '__tillsammans_csrf_placeholder__'
  const anonymousPages = new Map<string, string>()
  app.decorateReply('anonymousPage', function (this: FastifyReply, key: string, render: () => VNode) {
    const req = this.request
    if (req.actor || req.cookies[FLASH_COOKIE]) return this.page(render())
    const cacheKey = `${req.locale}|${req.url.split('?')[0]}|${key}`
    let html = anonymousPages.get(cacheKey)
    if (!html) {
      html = renderPage(pageContext(req, this, CSRF_PLACEHOLDER), render())
      if (anonymousPages.size < 200) anonymousPages.set(cacheKey, html)
    }
    return sendHtml(this, 200, html.replaceAll(CSRF_PLACEHOLDER, req.csrfToken))
  })

  app.decorateReply('flash', function (this: FastifyReply, kind: Flash['kind'], messageKey: string, params?: Record<string, string | number>) {
    const message = this.request.t(messageKey, params)
    return this.setCookie(FLASH_COOKIE, signer.seal('flash', { kind, message }), { ...cookieOptions, maxAge: 60 })
  })

  app.decorateReply('seeOther', function (this: FastifyReply, url: string) {
    return this.redirect(url, 303)
  })

  function takeFlash(req: FastifyRequest, reply: FastifyReply): Flash | undefined {
    const flash = signer.unseal<Flash>('flash', req.cookies[FLASH_COOKIE])
    if (req.cookies[FLASH_COOKIE]) reply.clearCookie(FLASH_COOKIE, cookieOptions)
    return flash
  }

  // The language link sets a cookie and returns the user to the page they were on.
  app.get('/language', { config: { policy: 'public' } }, async (req, reply) => {
    const { lang, return: back } = req.query as { lang?: string; return?: string }
    const locale = negotiateLocale(lang, undefined)
    reply.setCookie(LANG_COOKIE, locale, { ...cookieOptions, maxAge: 365 * 24 * 3600 })
    return reply.seeOther(safeReturnPath(back))
  })

  installInputSanity(app)
  installErrorHandlers(app, deps)
}

export const platform = fp(platformPlugin, { name: 'tillsammans-platform' })
export { cookieOptionsFor }

function cookieOptionsFor(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure }
}
