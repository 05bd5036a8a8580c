import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { DIGEST_ROLES, hasOptedOut } from './digest.repo.ts'
import { DigestSettingInput } from './digest.schemas.ts'
import { setDigestOptOut } from './digest.service.ts'
import { RemindersPage } from './views/reminders-page.tsx'

/** Each signed-in user's own choice about the daily digest: their account, so no record check. */
export function digestRoutes(app: FastifyInstance, deps: Deps) {
  const config = { policy: 'authenticated' }
  const reports = (roles: { role: string }[]) => roles.some((r) => (DIGEST_ROLES as readonly string[]).includes(r.role))

  app.get('/account/reminders', { config }, async (req, reply) => {
    const off = await hasOptedOut(deps.db, req.actor!.userId)
    return reply.page(<RemindersPage digest={off ? 'off' : 'on'} reports={reports(req.actor!.roles)} />)
  })

  app.post('/account/reminders', { config: { ...config, form: DigestSettingInput } }, async (req, reply) => {
    const form = parseForm(DigestSettingInput, req.body, req.t)
    if (!form.ok) return reply.page(<RemindersPage digest="on" reports={reports(req.actor!.roles)} errors={form.errors} />, 400)
    await setDigestOptOut(deps, ctxOf(req), form.data.digest === 'off')
    reply.flash('success', form.data.digest === 'off' ? 'plans.digest.settings.savedOff' : 'plans.digest.settings.savedOn')
    return reply.seeOther('/account')
  })
}
