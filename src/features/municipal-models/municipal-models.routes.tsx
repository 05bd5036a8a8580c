import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { canEditMunicipalModel, canReadMunicipalModel } from './municipal-models.policy.ts'
import type { MunicipalBody } from './municipal-models.repo.ts'
import { ModelInput, MunicipalBodyInput, UpdateMunicipalBodyInput } from './municipal-models.schemas.ts'
import { addBody, getEditableModel, getModel, loadBody, removeBody, saveModel, updateBody } from './municipal-models.service.ts'
import { MunicipalBodyFormPage, municipalBodyValues } from './views/body-form-page.tsx'
import { ModelFormPage, modelValues } from './views/model-form-page.tsx'
import { ModelPage } from './views/model-page.tsx'

const READ = { config: { policy: 'municipalModels.read' } }
const EDIT = { config: { policy: 'municipalModels.edit' } }

/** The policies, explicit: everyone signed in reads; the municipality named in the URL (and the admin) edits. */
export function registerMunicipalModelPolicies(deps: Deps) {
  deps.policies.register('municipalModels.read', (a) => canReadMunicipalModel(a))
  deps.policies.register('municipalModels.edit', (a, req) => canEditMunicipalModel(a, (req.params as { id?: string }).id ?? ''))
}

const staleErrors = (req: FastifyRequest) => [{ field: '', message: req.t('platform.errors.staleVersion') }]

/** /organisations/:id/structure: a municipality's own lednings- och samordningsmodell (issue 6 D10). */
export function municipalModelsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/organisations/:id/structure', READ, async (req, reply) => {
    const ctx = await getModel(deps, req.actor, paramsOf(req).id)
    return reply.page(<ModelPage {...ctx} />)
  })

  app.get('/organisations/:id/structure/edit', EDIT, async (req, reply) => {
    const ctx = await getEditableModel(deps, req.actor, paramsOf(req).id)
    return reply.page(<ModelFormPage organisation={ctx.organisation} values={modelValues(ctx.model)} />)
  })

  app.post('/organisations/:id/structure/edit', { config: { ...EDIT.config, form: ModelInput } }, async (req, reply) => {
    const { organisation } = await getEditableModel(deps, req.actor, paramsOf(req).id)
    const form = parseForm(ModelInput, req.body, req.t)
    if (!form.ok) return reply.page(<ModelFormPage organisation={organisation} values={form.values} errors={form.errors} />, 400)
    try {
      await saveModel(deps, ctxOf(req), organisation.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as { version: number }
        const values = { ...formValues(req.body), version: String(current.version) }
        return reply.page(<ModelFormPage organisation={organisation} values={values} errors={staleErrors(req)} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ModelFormPage organisation={organisation} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'municipalModels.edit.saved', { name: organisation.name })
    return reply.seeOther(`/organisations/${organisation.id}/structure`)
  })

  app.get('/organisations/:id/structure/bodies/new', EDIT, async (req, reply) => {
    const ctx = await getEditableModel(deps, req.actor, paramsOf(req).id)
    return reply.page(<MunicipalBodyFormPage organisation={ctx.organisation} others={ctx.bodies} values={{}} />)
  })

  app.post('/organisations/:id/structure/bodies/new', { config: { ...EDIT.config, form: MunicipalBodyInput } }, async (req, reply) => {
    const ctx = await getEditableModel(deps, req.actor, paramsOf(req).id)
    const page = { organisation: ctx.organisation, others: ctx.bodies }
    const form = parseForm(MunicipalBodyInput, req.body, req.t)
    if (!form.ok) return reply.page(<MunicipalBodyFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await addBody(deps, ctxOf(req), ctx.organisation.id, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MunicipalBodyFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'municipalModels.bodies.saved', { name: form.data.name })
    return reply.seeOther(`/organisations/${ctx.organisation.id}/structure`)
  })

  app.get('/organisations/:id/structure/bodies/:bodyId/edit', EDIT, async (req, reply) => {
    const { id, bodyId } = paramsOf(req)
    const ctx = await getEditableModel(deps, req.actor, id)
    const body = await loadBody(deps, id, bodyId)
    const others = ctx.bodies.filter((b) => b.id !== body.id)
    return reply.page(<MunicipalBodyFormPage organisation={ctx.organisation} body={body} others={others} values={municipalBodyValues(body)} />)
  })

  app.post('/organisations/:id/structure/bodies/:bodyId/edit', { config: { ...EDIT.config, form: UpdateMunicipalBodyInput } }, async (req, reply) => {
    const { id, bodyId } = paramsOf(req)
    const ctx = await getEditableModel(deps, req.actor, id)
    const body = await loadBody(deps, id, bodyId)
    const page = { organisation: ctx.organisation, body, others: ctx.bodies.filter((b) => b.id !== body.id) }
    const form = parseForm(UpdateMunicipalBodyInput, req.body, req.t)
    if (!form.ok) return reply.page(<MunicipalBodyFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await updateBody(deps, ctxOf(req), id, bodyId, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as MunicipalBody
        return reply.page(
          <MunicipalBodyFormPage {...page} values={{ ...formValues(req.body), version: String(current.version) }} errors={staleErrors(req)} />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MunicipalBodyFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'municipalModels.bodies.saved', { name: form.data.name })
    return reply.seeOther(`/organisations/${id}/structure`)
  })

  app.post('/organisations/:id/structure/bodies/:bodyId/delete', EDIT, async (req, reply) => {
    const { id, bodyId } = paramsOf(req)
    const removed = await removeBody(deps, ctxOf(req), id, bodyId)
    reply.flash('success', 'municipalModels.bodies.removed', { name: removed.name })
    return reply.seeOther(`/organisations/${id}/structure`)
  })
}
