import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import type { Body } from './bodies.repo.ts'
import { BodyInput, UpdateBodyInput } from './bodies.schemas.ts'
import { createBody, getBody, newBodyContext, updateBody } from './bodies.service.ts'
import { BodyFormPage, bodyValues } from './views/body-form-page.tsx'
import { BodyPage } from './views/body-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

// Registered by the collaborations feature (any signed-in user); the services decide per collaboration.
const READ = { config: { policy: 'collaboration.read' } }

/** Create, show and edit the bodies of a collaboration. */
export function bodiesRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/collaborations/:id/bodies/new', READ, async (req, reply) => {
    const ctx = await newBodyContext(deps, req.actor, paramsOf(req).id)
    return reply.page(<BodyFormPage {...ctx} values={{ visibility: 'public' }} />)
  })

  app.post('/collaborations/:id/bodies', { config: { ...READ.config, form: BodyInput } }, async (req, reply) => {
    const id = paramsOf(req).id
    const ctx = await newBodyContext(deps, req.actor, id) // the policy check, before validation
    const form = parseForm(BodyInput, req.body, req.t)
    if (!form.ok) return reply.page(<BodyFormPage {...ctx} values={form.values} errors={form.errors} />, 400)
    let body: Body
    try {
      body = await createBody(deps, ctxOf(req), id, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<BodyFormPage {...ctx} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'bodies.new.created', { name: body.name })
    return reply.seeOther(`/bodies/${body.id}`)
  })

  app.get('/bodies/:bodyId', READ, async (req, reply) => {
    const ctx = await getBody(deps, req.actor, paramsOf(req).bodyId)
    return reply.page(<BodyPage {...ctx} />)
  })

  app.get('/bodies/:bodyId/edit', READ, async (req, reply) => {
    const ctx = await getBody(deps, req.actor, paramsOf(req).bodyId)
    if (!ctx.canManage) throw new ForbiddenError()
    return reply.page(<BodyFormPage collaboration={ctx.collaboration} body={ctx.body} parentOptions={ctx.parentOptions} values={bodyValues(ctx.body)} />)
  })

  app.post('/bodies/:bodyId/edit', { config: { ...READ.config, form: UpdateBodyInput } }, async (req, reply) => {
    const ctx = await getBody(deps, req.actor, paramsOf(req).bodyId)
    if (!ctx.canManage) throw new ForbiddenError()
    const page = { collaboration: ctx.collaboration, body: ctx.body, parentOptions: ctx.parentOptions }
    const form = parseForm(UpdateBodyInput, req.body, req.t)
    if (!form.ok) return reply.page(<BodyFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await updateBody(deps, ctxOf(req), ctx.body.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as Body
        return reply.page(<BodyFormPage {...page} values={{ ...formValues(req.body), version: String(current.version) }} current={current} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<BodyFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'bodies.edit.saved', { name: form.data.name })
    return reply.seeOther(`/bodies/${ctx.body.id}`)
  })
}
