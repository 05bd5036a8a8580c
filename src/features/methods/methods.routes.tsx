import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { Method } from './methods.repo.ts'
import { CreateMethodInput, CurateInput, UpdateMethodInput, filtersOf } from './methods.schemas.ts'
import {
  checkPropose,
  createMethod,
  curateMethod,
  listLibrary,
  loadCuratable,
  loadEditableMethod,
  methodPage,
  scopeOf,
  updateMethod,
} from './methods.service.ts'
import { isCurator } from './methods.policy.ts'
import { CuratePage } from './views/curate-page.tsx'
import { MethodFormPage, methodValues } from './views/form-page.tsx'
import { ListPage } from './views/list-page.tsx'
import { MethodPage } from './views/method-page.tsx'

/** Curated methods are public knowledge: the library and a method's page are read without signing in. */
export const READ = { config: { policy: 'public' } }
export const WRITE = { config: { policy: 'methods.write' } }

/** Signed-in users; who may change which method is decided per method in the service. */
export function registerMethodPolicies(deps: Deps) {
  deps.policies.register('methods.write', (a) => a?.via === 'session')
}

export function methodRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/methods', READ, async (req, reply) => {
    const filters = filtersOf(req.query)
    const lib = await listLibrary(deps, req.actor, filters)
    const curator = isCurator(req.actor, await scopeOf(deps, req.actor))
    return reply.page(<ListPage {...lib} filters={filters} curator={curator} />)
  })

  app.get('/methods/new', WRITE, async (req, reply) => {
    const { curator } = await checkPropose(deps, req.actor)
    return reply.page(<MethodFormPage curator={curator} values={{ effectLevel: 'unknown' }} />)
  })

  app.post('/methods/new', { config: { ...WRITE.config, form: CreateMethodInput } }, async (req, reply) => {
    // Who may propose is decided before the form is read.
    const { curator } = await checkPropose(deps, req.actor)
    const form = parseForm(CreateMethodInput, req.body, req.t)
    if (!form.ok) return reply.page(<MethodFormPage curator={curator} values={form.values} errors={form.errors} />, 400)
    try {
      const method = await createMethod(deps, ctxOf(req), form.data)
      reply.flash('success', method.status === 'curated' ? 'methods.flash.created' : 'methods.flash.proposed', { name: method.name })
      return reply.seeOther(`/methods/${method.id}`)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MethodFormPage curator={curator} values={formValues(req.body)} errors={errors} />, status)
    }
  })

  app.get('/methods/:methodId', READ, async (req, reply) => {
    const d = await methodPage(deps, req.actor, paramsOf(req).methodId)
    return reply.page(<MethodPage d={d} />)
  })

  app.get('/methods/:methodId/edit', WRITE, async (req, reply) => {
    const { method, canCurate } = await loadEditableMethod(deps, req.actor, paramsOf(req).methodId)
    return reply.page(<MethodFormPage method={method} curator={canCurate} values={methodValues(method)} />)
  })

  app.post('/methods/:methodId/edit', { config: { ...WRITE.config, form: UpdateMethodInput } }, async (req, reply) => {
    const { method, canCurate } = await loadEditableMethod(deps, req.actor, paramsOf(req).methodId)
    const body = formValues(req.body)
    const form = parseForm(UpdateMethodInput, req.body, req.t)
    if (!form.ok) return reply.page(<MethodFormPage method={method} curator={canCurate} values={form.values} errors={form.errors} />, 400)
    try {
      const saved = await updateMethod(deps, ctxOf(req), method.id, form.data)
      reply.flash('success', 'methods.flash.saved', { name: saved.name })
      return reply.seeOther(`/methods/${method.id}`)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: the stored method is shown beside what the user wrote, which stays in the form, now aimed at the stored version.
        const current = err.current as Method
        return reply.page(
          <MethodFormPage
            method={current}
            curator={canCurate}
            conflict={current}
            values={{ ...body, version: String(current.version) }}
            errors={[{ field: '', message: req.t('methods.form.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MethodFormPage method={method} curator={canCurate} values={body} errors={errors} />, status)
    }
  })

  app.get('/methods/:methodId/curate', WRITE, async (req, reply) => {
    const { method } = await loadCuratable(deps, req.actor, paramsOf(req).methodId)
    return reply.page(<CuratePage method={method} values={{ version: String(method.version) }} />)
  })

  app.post('/methods/:methodId/curate', { config: { ...WRITE.config, form: CurateInput } }, async (req, reply) => {
    const { method } = await loadCuratable(deps, req.actor, paramsOf(req).methodId)
    const form = parseForm(CurateInput, req.body, req.t)
    if (!form.ok) return reply.page(<CuratePage method={method} values={form.values} errors={form.errors} />, 400)
    try {
      const saved = await curateMethod(deps, ctxOf(req), method.id, form.data)
      reply.flash('success', saved.status === 'curated' ? 'methods.flash.curated' : 'methods.flash.declined', { name: saved.name })
      return reply.seeOther(`/methods/${method.id}`)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as Method
        return reply.page(
          <CuratePage
            method={current}
            values={{ ...formValues(req.body), version: String(current.version) }}
            errors={[{ field: '', message: req.t('methods.curate.conflictError') }]}
          />,
          409,
        )
      }
      throw err
    }
  })
}
