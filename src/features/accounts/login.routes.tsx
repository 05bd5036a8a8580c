import { inArray } from 'drizzle-orm'
import { changeCacheOf } from '../../platform/db/change-cache.ts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { SESSION_COOKIE } from '../../platform/http/platform.tsx'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { LoginInput, ChangePasswordInput } from './accounts.schemas.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts'
import { changePassword, logout, ABSOLUTE_TIMEOUT_MS } from './sessions.service.ts'
import { login } from './login.service.ts'
import { TooManyAttempts } from './accounts.errors.ts'
import { type DemoAccount, LoginPage } from './views/login-page.tsx'
import { PasswordPage } from './views/password-page.tsx'
import { AccountPage } from './views/account-page.tsx'
import { findUserById, grantsOf } from './accounts.repo.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { safeReturnPath } from '../../platform/http/return-path.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

export function loginRoutes(app: FastifyInstance, deps: Deps) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secure }
  let demoAccounts: DemoAccount[] | undefined

  async function loadDemoAccounts(): Promise<DemoAccount[] | undefined> {
    if (!deps.config.demo) return undefined
    if (!demoAccounts) {
      const orgs = await deps.db
        .select({ code: organisations.code, name: organisations.name })
        .from(organisations)
        .where(
          inArray(
            organisations.code,
            DEMO_ACCOUNTS.map((a) => a.organisationCode),
          ),
        )
      const names = new Map(orgs.map((o) => [o.code, o.name]))
      demoAccounts = DEMO_ACCOUNTS.map((a) => ({
        email: a.email,
        roleKey: `platform.roles.${a.role}`,
        organisation: names.get(a.organisationCode) ?? a.organisationCode,
      }))
    }
    return demoAccounts
  }
  // Read before the server listens: the first login page then needs no query, and is not queued behind
  // the work a first start does once it listens (the demo's example history, the job queue's tables).
  app.addHook('onReady', async () => {
    await loadDemoAccounts()
  })

  const renderLogin = async (_req: FastifyRequest, props: { values?: Record<string, string | string[]>; errors?: any[]; returnTo?: string }) => (
    <LoginPage {...props} demoAccounts={await loadDemoAccounts()} demoPassword={DEMO_PASSWORD} oidc={!!deps.config.oidc} />
  )

  app.get('/login', { config: { policy: 'public' } }, async (req, reply) => {
    const { return: back } = req.query as { return?: string }
    if (req.actor) return reply.seeOther(safeReturnPath(back))
    const returnTo = back ? safeReturnPath(back) : undefined
    if (returnTo) return reply.page(await renderLogin(req, { returnTo }))
    const demo = await loadDemoAccounts()
    return reply.anonymousPage('login', () => <LoginPage demoAccounts={demo} demoPassword={DEMO_PASSWORD} oidc={!!deps.config.oidc} />)
  })

  app.post('/login', { config: { policy: 'public', form: LoginInput } }, async (req, reply) => {
    const form = parseForm(LoginInput, req.body, req.t)
    const returnTo = safeReturnPath((req.body as Record<string, unknown>)?.return)
    if (!form.ok) return reply.page(await renderLogin(req, { values: form.values, errors: form.errors, returnTo }), 400)
    try {
      const { token } = await login(deps, {
        email: form.data.email,
        password: form.data.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        previousToken: req.cookies[SESSION_COOKIE],
        requestId: req.id,
      })
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 })
      return reply.seeOther(returnTo)
    } catch (err) {
      if (err instanceof TooManyAttempts) reply.header('retry-after', String(Math.max(err.retryAfterSeconds, 1)))
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(await renderLogin(req, { values: { email: form.data.email }, errors, returnTo }), status)
    }
  })

  app.post('/logout', { config: { policy: 'public' } }, async (req, reply) => {
    if (req.actor) await logout(deps, ctxOf(req))
    reply.clearCookie(SESSION_COOKIE, cookieOptions)
    reply.flash('info', 'accounts.logout.done')
    return reply.seeOther('/')
  })

  // The account page's roles and last login change only with the user's own rows (or an organisation's name).
  const accounts = changeCacheOf(deps, 'account-page', (change, key) => change.kind !== 'user' || key === change.userId)
  app.get('/account', { config: { policy: 'authenticated' } }, async (req, reply) => {
    const userId = req.actor!.userId
    const [grants, user] = await accounts.get(userId, () => Promise.all([grantsOf(deps.db, userId), findUserById(deps.db, userId)]))
    return reply.page(<AccountPage grants={grants} lastLoginAt={user?.lastLoginAt ?? null} />)
  })

  app.get('/account/password', { config: { policy: 'authenticated' } }, async (req, reply) =>
    reply.page(<PasswordPage forced={!!req.actor?.mustChangePassword} />),
  )

  app.post('/account/password', { config: { policy: 'authenticated', form: ChangePasswordInput } }, async (req, reply) => {
    const form = parseForm(ChangePasswordInput, req.body, req.t)
    if (!form.ok) return reply.page(<PasswordPage errors={form.errors} forced={!!req.actor?.mustChangePassword} />, 400)
    try {
      await changePassword(deps, ctxOf(req), form.data.currentPassword, form.data.newPassword)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<PasswordPage errors={errors} forced={!!req.actor?.mustChangePassword} />, status)
    }
    reply.flash('success', 'accounts.password.changed')
    return reply.seeOther('/')
  })
}
