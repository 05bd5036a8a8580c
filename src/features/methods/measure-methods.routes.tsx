import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { editableMeasureMethods, linkMethod, measureMethods, unlinkMethod } from './measure-methods.service.ts'
import { MeasureMethodInput } from './methods.schemas.ts'
import { MeasureMethodsPage } from './views/measure-methods-page.tsx'

// The plan's policies: reading a measure is reading its plan, linking a method is editing the plan
// (plans.policy.ts decides per plan in the service; these only require a browser session).
const READ = { config: { policy: 'plans.read' } }
const WRITE = { config: { policy: 'plans.write', form: MeasureMethodInput } }

/** The methods a measure applies, linked and unlinked from the measure's side (issue 10 §3). */
export function measureMethodRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/measures/:measureId/methods', READ, async (req, reply) => {
    const d = await measureMethods(deps, req.actor, paramsOf(req).measureId)
    return reply.page(<MeasureMethodsPage d={d} />)
  })

  app.post('/measures/:measureId/methods', WRITE, async (req, reply) => {
    // The measure and the right to edit its plan are checked before the form is read.
    const d = await editableMeasureMethods(deps, req.actor, paramsOf(req).measureId)
    const form = parseForm(MeasureMethodInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeasureMethodsPage d={d} values={form.values} errors={form.errors} />, 400)
    try {
      const method = await linkMethod(deps, ctxOf(req), d.item.id, form.data.methodId)
      reply.flash('success', 'methods.flash.methodLinked', { name: method.name })
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MeasureMethodsPage d={d} values={formValues(req.body)} errors={errors} />, status)
    }
    return reply.seeOther(`/plan-items/${d.item.id}#measure-methods`)
  })

  app.post('/measures/:measureId/methods/remove', WRITE, async (req, reply) => {
    const d = await editableMeasureMethods(deps, req.actor, paramsOf(req).measureId)
    const form = parseForm(MeasureMethodInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeasureMethodsPage d={d} errors={form.errors} />, 400)
    try {
      const method = await unlinkMethod(deps, ctxOf(req), d.item.id, form.data.methodId)
      reply.flash('success', 'methods.flash.methodUnlinked', { name: method.name })
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MeasureMethodsPage d={d} errors={errors} />, status)
    }
    return reply.seeOther(`/plan-items/${d.item.id}#measure-methods`)
  })
}
