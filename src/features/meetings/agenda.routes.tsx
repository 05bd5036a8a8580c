import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendStoredFile } from '../../platform/files/files.repo.ts'
import { checkUpload, isUploadedFile } from '../../platform/files/uploads.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { DomainError } from '../../platform/http/errors.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { addAgendaItem, agendaAttachment, moveAgendaItem, removeAgendaItem } from './agenda.service.ts'
import { assertNotApproved, loadMeeting, requireManage } from './meetings.access.ts'
import { AgendaItemInput, MoveInput } from './meetings.schemas.ts'
import { AgendaItemPage } from './views/agenda-item-page.tsx'
import { ctxOf } from '../../platform/http/ctx.ts'
import { paramsOf } from '../../platform/http/params.ts'

const read = { config: { policy: 'meetings.read' } }
const write = { config: { policy: 'meetings.write' } }

/** Agenda items: add (with an optional PDF/DOCX attachment), reorder, remove, download the attachment. */
export function agendaRoutes(app: FastifyInstance, deps: Deps) {
  const openMeeting = async (req: Parameters<typeof ctxOf>[0]) => {
    const access = requireManage(await loadMeeting(deps.db, req.actor, paramsOf(req).meetingId))
    assertNotApproved(access.meeting)
    return access
  }

  app.get('/meetings/:meetingId/agenda/new', write, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    return reply.page(<AgendaItemPage body={body} meeting={meeting} />)
  })

  app.post('/meetings/:meetingId/agenda/new', { config: { ...write.config, uploads: true, form: AgendaItemInput } }, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    const form = parseForm(AgendaItemInput, formValues(req.body), req.t)
    const errors: FieldError[] = form.ok ? [] : form.errors
    // The file is judged by its content (PDF or DOCX, at most 20 MB), never by its name.
    const upload = (req.body as Record<string, unknown> | undefined)?.file
    let file
    if (isUploadedFile(upload)) {
      const checked = await checkUpload(upload)
      if (checked.ok) file = checked.file
      else errors.push({ field: 'file', message: req.t(checked.errorKey) })
    }
    if (!form.ok || errors.length) return reply.page(<AgendaItemPage body={body} meeting={meeting} values={formValues(req.body)} errors={errors} />, 400)
    await addAgendaItem(deps, ctxOf(req), meeting.id, form.data, file)
    reply.flash('success', 'meetings.flash.agendaItemAdded', { title: form.data.title })
    return reply.seeOther(`/meetings/${meeting.id}#agenda-heading`)
  })

  app.post('/meetings/:meetingId/agenda/:itemId/move', { config: { ...write.config, form: MoveInput } }, async (req, reply) => {
    const { meetingId, itemId } = paramsOf(req)
    // Who may manage the meeting is decided before the form is read: a stranger gets 403, not 400.
    requireManage(await loadMeeting(deps.db, req.actor, meetingId))
    const form = parseForm(MoveInput, req.body, req.t)
    if (!form.ok) throw new DomainError('bad_request', 'platform.errors.badRequest', 400)
    await moveAgendaItem(deps, ctxOf(req), meetingId, itemId, form.data.direction)
    return reply.seeOther(`/meetings/${meetingId}#agenda-heading`)
  })

  app.post('/meetings/:meetingId/agenda/:itemId/delete', write, async (req, reply) => {
    const { meetingId, itemId } = paramsOf(req)
    await removeAgendaItem(deps, ctxOf(req), meetingId, itemId)
    reply.flash('success', 'meetings.flash.agendaItemRemoved')
    return reply.seeOther(`/meetings/${meetingId}#agenda-heading`)
  })

  app.get('/meetings/:meetingId/agenda/:itemId/file', read, async (req, reply) => {
    const { meetingId, itemId } = paramsOf(req)
    return sendStoredFile(reply, await agendaAttachment(deps, req.actor, meetingId, itemId))
  })
}
