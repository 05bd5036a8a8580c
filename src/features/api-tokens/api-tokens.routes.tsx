import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { listActiveUsers, listTokens } from './api-tokens.repo.ts'
import { CreateTokenInput } from './api-tokens.schemas.ts'
import { createApiToken, lastValidDay, revokeApiToken, tokenStatus } from './api-tokens.service.ts'
import { NewTokenPage } from './views/new-token-page.tsx'
import { TokenCreatedPage } from './views/token-created-page.tsx'
import { TokensPage } from './views/tokens-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

/** The administrator's pages for API tokens: list, create (secret shown once), revoke. */
export function apiTokensRoutes(app: FastifyInstance, deps: Deps) {
  const config = { policy: 'system.admin' }

  const userOptions = async () => {
    const users = await listActiveUsers(deps.db)
    return users.sort((a, b) => compareSv(a.name, b.name) || compareSv(a.email, b.email))
  }

  app.get('/admin/api-tokens', { config }, async (_req, reply) => {
    const now = new Date()
    const rows = (await listTokens(deps.db)).map((r) => ({ ...r, status: tokenStatus(r, now) }))
    return reply.page(<TokensPage rows={rows} />)
  })

  app.get('/admin/api-tokens/new', { config }, async (_req, reply) => reply.page(<NewTokenPage users={await userOptions()} />))

  app.post('/admin/api-tokens', { config: { ...config, form: CreateTokenInput } }, async (req, reply) => {
    const form = parseForm(CreateTokenInput, req.body, req.t)
    if (!form.ok) return reply.page(<NewTokenPage users={await userOptions()} values={form.values} errors={form.errors} />, 400)
    try {
      const { token, secret } = await createApiToken(deps, ctxOf(req), form.data)
      const user = (await userOptions()).find((u) => u.id === token.userId)
      const actsAs = user ? `${user.name} (${user.email})` : token.userId
      return reply.page(
        <TokenCreatedPage
          name={token.name}
          secret={secret}
          actsAs={actsAs}
          validUntil={token.expiresAt ? lastValidDay(token.expiresAt) : undefined}
          scopes={token.scopes}
        />,
      )
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      const values = { name: form.data.name, userId: form.data.userId, expiresOn: form.data.expiresOn ?? '', scopes: form.data.scopes }
      return reply.page(<NewTokenPage users={await userOptions()} values={values} errors={errors} />, status)
    }
  })

  app.post('/admin/api-tokens/:id/revoke', { config }, async (req, reply) => {
    const revoked = await revokeApiToken(deps, ctxOf(req), paramsOf(req).id)
    if (revoked) reply.flash('success', 'apiTokens.revoke.done', { name: revoked.name })
    else reply.flash('info', 'apiTokens.revoke.already')
    return reply.seeOther('/admin/api-tokens')
  })
}
