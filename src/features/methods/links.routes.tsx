import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { AddContactInput, LinkMeasureInput, RemoveContactInput } from './methods.schemas.ts'
import { WRITE } from './methods.routes.tsx'
import { addContact, contactsPage, linkMeasure, measuresPage, removeContact, unlinkMeasure } from './methods.service.ts'
import { ContactsPage } from './views/contacts-page.tsx'
import { MeasuresPage } from './views/measures-page.tsx'

/** Who uses a method (contacts) and which measures apply it (links to åtgärdsplaner). */
export function methodLinkRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/methods/:methodId/contacts', WRITE, async (req, reply) => {
    const d = await contactsPage(deps, req.actor, paramsOf(req).methodId)
    return reply.page(<ContactsPage d={d} values={{}} />)
  })

  app.post('/methods/:methodId/contacts', { config: { ...WRITE.config, form: AddContactInput } }, async (req, reply) => {
    // The method and the actor's right to name users of it are checked before the form is read.
    const d = await contactsPage(deps, req.actor, paramsOf(req).methodId)
    const form = parseForm(AddContactInput, req.body, req.t)
    if (!form.ok) return reply.page(<ContactsPage d={d} values={form.values} errors={form.errors} />, 400)
    try {
      await addContact(deps, ctxOf(req), d.method.id, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ContactsPage d={d} values={formValues(req.body)} errors={errors} />, status)
    }
    const name = d.options.find((o) => o.id === form.data.organisationId)?.name ?? ''
    reply.flash('success', 'methods.flash.contactAdded', { name })
    return reply.seeOther(`/methods/${d.method.id}/contacts`)
  })

  app.post('/methods/:methodId/contacts/remove', { config: { ...WRITE.config, form: RemoveContactInput } }, async (req, reply) => {
    const d = await contactsPage(deps, req.actor, paramsOf(req).methodId)
    const form = parseForm(RemoveContactInput, req.body, req.t)
    if (!form.ok) return reply.page(<ContactsPage d={d} values={{}} errors={form.errors} />, 400)
    await removeContact(deps, ctxOf(req), d.method.id, form.data.organisationId)
    const name = d.contacts.find((c) => c.organisationId === form.data.organisationId)?.organisationName ?? ''
    reply.flash('success', 'methods.flash.contactRemoved', { name })
    return reply.seeOther(`/methods/${d.method.id}/contacts`)
  })

  app.get('/methods/:methodId/measures', WRITE, async (req, reply) => {
    const d = await measuresPage(deps, req.actor, paramsOf(req).methodId)
    return reply.page(<MeasuresPage d={d} values={{}} />)
  })

  app.post('/methods/:methodId/measures', { config: { ...WRITE.config, form: LinkMeasureInput } }, async (req, reply) => {
    const d = await measuresPage(deps, req.actor, paramsOf(req).methodId)
    const form = parseForm(LinkMeasureInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeasuresPage d={d} values={form.values} errors={form.errors} />, 400)
    try {
      const measure = await linkMeasure(deps, ctxOf(req), d.method.id, form.data.planItemId)
      reply.flash('success', 'methods.flash.measureLinked', { title: measure.title })
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<MeasuresPage d={d} values={formValues(req.body)} errors={errors} />, status)
    }
    return reply.seeOther(`/methods/${d.method.id}/measures`)
  })

  app.post('/methods/:methodId/measures/remove', { config: { ...WRITE.config, form: LinkMeasureInput } }, async (req, reply) => {
    const d = await measuresPage(deps, req.actor, paramsOf(req).methodId)
    const form = parseForm(LinkMeasureInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeasuresPage d={d} values={{}} errors={form.errors} />, 400)
    const measure = await unlinkMeasure(deps, ctxOf(req), d.method.id, form.data.planItemId)
    reply.flash('success', 'methods.flash.measureUnlinked', { title: measure.title })
    return reply.seeOther(`/methods/${d.method.id}/measures`)
  })
}
