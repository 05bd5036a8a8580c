import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { SESSION_COOKIE } from '../../platform/http/platform.tsx'
import { FLOW_TTL_MS, type OidcClient, type OidcFlow, OidcUnavailableError, signInWithEmail } from './oidc.service.ts'
import { OidcProblemPage } from './views/oidc-problem-page.tsx'
import { safeReturnPath } from '../../platform/http/return-path.ts'

export const OIDC_COOKIE = 'tm_oidc'
// The same 7-day absolute limit the accounts feature puts on every session.
const SESSION_MAX_AGE_S = 7 * 24 * 3600

/** Every way an OIDC login can stop short, with its page and status. Literal keys, so the i18n test sees them. */
const PROBLEMS = {
  cancelled: { titleKey: 'oidc.cancelled.title', bodyKey: 'oidc.cancelled.body', status: 400 },
  failed: { titleKey: 'oidc.failed.title', bodyKey: 'oidc.failed.body', status: 400 },
  expired: { titleKey: 'oidc.expired.title', bodyKey: 'oidc.expired.body', status: 400 },
  unavailable: { titleKey: 'oidc.unavailable.title', bodyKey: 'oidc.unavailable.body', status: 503 },
  noEmail: { titleKey: 'oidc.noEmail.title', bodyKey: 'oidc.noEmail.body', status: 400 },
  unverified: { titleKey: 'oidc.unverified.title', bodyKey: 'oidc.unverified.body', status: 403 },
  noAccount: { titleKey: 'oidc.noAccount.title', bodyKey: 'oidc.noAccount.body', status: 403 },
} as const

export function oidcRoutes(app: FastifyInstance, deps: Deps, oidc: OidcClient) {
  // The flow cookie is only ever needed by these two URLs, so it is not sent anywhere else.
  const flowCookie = { path: '/login/oidc', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secure }
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secure }

  const problem = (reply: FastifyReply, kind: keyof typeof PROBLEMS, params?: Record<string, string>) => {
    const p = PROBLEMS[kind]
    return reply.page(<OidcProblemPage titleKey={p.titleKey} bodyKey={p.bodyKey} params={params} />, p.status)
  }

  /** The flow from the signed cookie; a forged, foreign or stale cookie counts as none. */
  const readFlow = (req: FastifyRequest): OidcFlow | undefined => {
    const flow = deps.signer.unseal<OidcFlow>('oidc', req.cookies[OIDC_COOKIE])
    return flow && typeof flow.expiresAt === 'number' && flow.expiresAt > Date.now() ? flow : undefined
  }

  app.get('/login/oidc', { config: { policy: 'public' } }, async (req, reply) => {
    const returnTo = safeReturnPath((req.query as { return?: string }).return)
    if (req.actor) return reply.seeOther(returnTo)
    try {
      const { url, flow } = await oidc.start(returnTo)
      reply.setCookie(OIDC_COOKIE, deps.signer.seal('oidc', flow), { ...flowCookie, maxAge: FLOW_TTL_MS / 1000 })
      return reply.seeOther(url.href)
    } catch (err) {
      if (err instanceof OidcUnavailableError) return problem(reply, 'unavailable')
      throw err
    }
  })

  app.get('/login/oidc/callback', { config: { policy: 'public' } }, async (req, reply) => {
    const flow = readFlow(req)
    // One attempt per flow: whatever happens next, the verifier and nonce are not reused.
    if (req.cookies[OIDC_COOKIE]) reply.clearCookie(OIDC_COOKIE, flowCookie)
    const query = req.query as Record<string, string | undefined>
    if (query.error) {
      req.log.info({ error: query.error }, 'OIDC login refused by the identity provider')
      return problem(reply, query.error === 'access_denied' ? 'cancelled' : 'failed')
    }
    if (!flow) return problem(reply, 'expired')

    let identity
    try {
      const q = req.url.indexOf('?')
      identity = await oidc.finish(q >= 0 ? req.url.slice(q) : '', flow)
    } catch (err) {
      if (err instanceof OidcUnavailableError) return problem(reply, 'unavailable')
      // Bad state, reused code, wrong PKCE verifier, bad signature…: logged for the operator, not shown.
      req.log.warn({ err }, 'OIDC callback failed')
      return problem(reply, 'failed')
    }
    if (!identity.email) return problem(reply, 'noEmail')
    if (identity.emailVerified === false) return problem(reply, 'unverified', { email: identity.email })

    const result = await signInWithEmail(deps, identity.email, { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id })
    if (!result.ok) return problem(reply, 'noAccount', { email: identity.email })
    reply.setCookie(SESSION_COOKIE, result.token, { ...sessionCookie, maxAge: SESSION_MAX_AGE_S })
    return reply.seeOther(flow.returnTo)
  })
}
