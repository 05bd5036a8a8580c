import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { AnswerInput, JointEventInput, UpdateJointEventInput } from './joint-events.schemas.ts'
import { createEvent, loadEvent, loadEventForEdit, loadEvents, loadForNewEvent, recordAnswer, updateEvent } from './joint-events.service.ts'
import { checkFileField, splitUpload } from './routes-support.ts'
import { AnswerFormPage, JointEventFormPage } from './views/joint-event-forms.tsx'
import { JointEventPage, JointEventsPage } from './views/joint-event-pages.tsx'

/**
 * The joint decision meeting and the joint signing: listed and read by every partner; created,
 * changed and answered for by the owner's coordinators (the services check, with
 * joint-events.policy.ts). Route policies require a browser session, as in the rest of the feature.
 */
export function jointEventsRoutes(app: FastifyInstance, deps: Deps) {
  const read = { policy: 'declarations.read' }
  const write = { policy: 'declarations.write' }

  app.get('/collaborations/:id/joint-events', { config: read }, async (req, reply) => {
    const l = await loadEvents(deps, req.actor, paramsOf(req).id)
    return reply.page(<JointEventsPage collaboration={l.collaboration} events={l.events} canManage={l.canManage} />)
  })

  app.get('/collaborations/:id/joint-events/new', { config: read }, async (req, reply) => {
    const collaboration = await loadForNewEvent(deps, req.actor, paramsOf(req).id)
    return reply.page(<JointEventFormPage collaboration={collaboration} />)
  })

  app.post('/collaborations/:id/joint-events', { config: { ...write, uploads: true, form: JointEventInput } }, async (req, reply) => {
    const collaboration = await loadForNewEvent(deps, req.actor, paramsOf(req).id)
    const { fields, file } = splitUpload(req.body)
    const form = parseForm(JointEventInput, fields, req.t)
    const upload = await checkFileField(file, req.t)
    const errors = [...(form.ok ? [] : form.errors), ...upload.errors]
    const again = (status: number, list = errors) =>
      reply.page(<JointEventFormPage collaboration={collaboration} values={formValues(fields)} errors={list} />, status)
    if (!form.ok || errors.length) return again(400)
    try {
      const event = await createEvent(deps, ctxOf(req), collaboration.id, form.data, upload.file)
      reply.flash('success', 'declarations.jointEvents.created')
      return reply.seeOther(`/joint-events/${event.id}`)
    } catch (err) {
      const mapped = formErrorOrThrow(err, req.t)
      return again(mapped.status, mapped.errors)
    }
  })

  app.get('/joint-events/:eventId', { config: read }, async (req, reply) => {
    const l = await loadEvent(deps, req.actor, paramsOf(req).eventId)
    return reply.page(<JointEventPage collaboration={l.collaboration} event={l.event} parties={l.parties} canManage={l.canManage} />)
  })

  app.get('/joint-events/:eventId/edit', { config: read }, async (req, reply) => {
    const l = await loadEventForEdit(deps, req.actor, paramsOf(req).eventId)
    return reply.page(<JointEventFormPage collaboration={l.collaboration} event={l.event} />)
  })

  app.post('/joint-events/:eventId', { config: { ...write, uploads: true, form: UpdateJointEventInput } }, async (req, reply) => {
    const l = await loadEventForEdit(deps, req.actor, paramsOf(req).eventId)
    const { fields, file } = splitUpload(req.body)
    const form = parseForm(UpdateJointEventInput, fields, req.t)
    const upload = await checkFileField(file, req.t)
    const errors = [...(form.ok ? [] : form.errors), ...upload.errors]
    const again = (status: number, list = errors) =>
      reply.page(<JointEventFormPage collaboration={l.collaboration} event={l.event} values={formValues(fields)} errors={list} />, status)
    if (!form.ok || errors.length) return again(400)
    try {
      await updateEvent(deps, ctxOf(req), l.event.id, form.data, upload.file)
    } catch (err) {
      if (err instanceof StaleVersionError) return again(409, [{ field: '', message: req.t('declarations.errors.staleEvent') }])
      const mapped = formErrorOrThrow(err, req.t)
      return again(mapped.status, mapped.errors)
    }
    reply.flash('success', 'declarations.jointEvents.updated')
    return reply.seeOther(`/joint-events/${l.event.id}`)
  })

  /** The answer form of one party: the party must be one of the collaboration's (else 404). */
  async function loadAnswer(req: FastifyRequest) {
    const l = await loadEventForEdit(deps, req.actor, paramsOf(req).eventId)
    const party = l.parties.find((p) => p.organisationId === paramsOf(req).organisationId)
    if (!party) throw new NotFoundError()
    return { ...l, party }
  }

  app.get('/joint-events/:eventId/parties/:organisationId', { config: read }, async (req, reply) => {
    const l = await loadAnswer(req)
    return reply.page(<AnswerFormPage collaboration={l.collaboration} event={l.event} party={l.party} />)
  })

  app.post('/joint-events/:eventId/parties/:organisationId', { config: { ...write, form: AnswerInput } }, async (req, reply) => {
    const l = await loadAnswer(req)
    const body = { ...((req.body ?? {}) as Record<string, unknown>), organisationId: l.party.organisationId }
    const form = parseForm(AnswerInput, body, req.t)
    const again = (status: number, errors: { field: string; message: string }[]) =>
      reply.page(<AnswerFormPage collaboration={l.collaboration} event={l.event} party={l.party} values={formValues(body)} errors={errors} />, status)
    if (!form.ok) return again(400, form.errors)
    try {
      await recordAnswer(deps, ctxOf(req), l.event.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) return again(409, [{ field: '', message: req.t('declarations.errors.staleEvent') }])
      throw err
    }
    reply.flash('success', 'declarations.jointEvents.answerSaved', { party: l.party.name })
    return reply.seeOther(`/joint-events/${l.event.id}`)
  })
}
