import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ConvenorInput, UpdateConvenorInput } from './bodies.schemas.ts'
import type { Convenor } from './convenors.repo.ts'
import { addConvenor, convenorFormContext, loadConvenor, removeConvenor, updateConvenor } from './convenors.service.ts'
import { ConvenorFormPage, convenorValues } from './views/convenor-form-page.tsx'

// Any signed-in user reaches these routes; the service lets only the body's managers through.
const READ = { config: { policy: 'collaboration.read' } }

/** Add, change and remove the convenor periods of a body (issue 6 B7). */
export function convenorsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/bodies/:bodyId/convenors/new', READ, async (req, reply) => {
    const ctx = await convenorFormContext(deps, req.actor, paramsOf(req).bodyId)
    return reply.page(<ConvenorFormPage {...ctx} values={{}} />)
  })

  app.post('/bodies/:bodyId/convenors/new', { config: { ...READ.config, form: ConvenorInput } }, async (req, reply) => {
    const ctx = await convenorFormContext(deps, req.actor, paramsOf(req).bodyId) // the policy check, before validation
    const form = parseForm(ConvenorInput, req.body, req.t)
    if (!form.ok) return reply.page(<ConvenorFormPage {...ctx} values={form.values} errors={form.errors} />, 400)
    try {
      await addConvenor(deps, ctxOf(req), ctx.body.id, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ConvenorFormPage {...ctx} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'bodies.convenors.saved', { name: ctx.body.name })
    return reply.seeOther(`/bodies/${ctx.body.id}#convenors`)
  })

  app.get('/bodies/:bodyId/convenors/:convenorId/edit', READ, async (req, reply) => {
    const { bodyId, convenorId } = paramsOf(req)
    const ctx = await convenorFormContext(deps, req.actor, bodyId)
    const convenor = await loadConvenor(deps, bodyId, convenorId)
    return reply.page(<ConvenorFormPage {...ctx} convenor={convenor} values={convenorValues(convenor)} />)
  })

  app.post('/bodies/:bodyId/convenors/:convenorId/edit', { config: { ...READ.config, form: UpdateConvenorInput } }, async (req, reply) => {
    const { bodyId, convenorId } = paramsOf(req)
    const ctx = await convenorFormContext(deps, req.actor, bodyId)
    const convenor = await loadConvenor(deps, bodyId, convenorId)
    const form = parseForm(UpdateConvenorInput, req.body, req.t)
    if (!form.ok) return reply.page(<ConvenorFormPage {...ctx} convenor={convenor} values={form.values} errors={form.errors} />, 400)
    try {
      await updateConvenor(deps, ctxOf(req), bodyId, convenorId, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Someone saved first: the form keeps what was typed, with the current version, so saving again is deliberate.
        const current = err.current as Convenor
        const errors = [{ field: '', message: req.t('platform.errors.staleVersion') }]
        return reply.page(
          <ConvenorFormPage {...ctx} convenor={current} values={{ ...formValues(req.body), version: String(current.version) }} errors={errors} />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ConvenorFormPage {...ctx} convenor={convenor} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'bodies.convenors.saved', { name: ctx.body.name })
    return reply.seeOther(`/bodies/${bodyId}#convenors`)
  })

  app.post('/bodies/:bodyId/convenors/:convenorId/delete', READ, async (req, reply) => {
    const { bodyId, convenorId } = paramsOf(req)
    await removeConvenor(deps, ctxOf(req), bodyId, convenorId)
    reply.flash('success', 'bodies.convenors.removed')
    return reply.seeOther(`/bodies/${bodyId}#convenors`)
  })
}
