import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { sendInvitations } from './calendar.service.ts'
import { assertNotApproved, loadBody, loadMeeting, requireManage } from './meetings.access.ts'
import { MeetingInput, UpdateMeetingInput } from './meetings.schemas.ts'
import { createMeeting, listBodyMeetings, meetingDetail, updateMeeting } from './meetings.service.ts'
import { MeetingFormPage, meetingValues } from './views/meeting-form-page.tsx'
import { MeetingPage } from './views/meeting-page.tsx'
import { MeetingsListPage } from './views/meetings-list-page.tsx'
import { ctxOf } from '../../platform/http/ctx.ts'
import { formErrorOf } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

const read = { config: { policy: 'meetings.read' } }
const write = { config: { policy: 'meetings.write' } }

/** A body's meetings, one meeting's page, editing it, justering and invitations. */
export function meetingsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/bodies/:bodyId/meetings', read, async (req, reply) => {
    const r = await listBodyMeetings(deps, req.actor, paramsOf(req).bodyId)
    return reply.page(<MeetingsListPage body={r.body} upcoming={r.upcoming} past={r.past} manage={r.manage} />)
  })

  app.get('/bodies/:bodyId/meetings/new', write, async (req, reply) => {
    const { body } = requireManage(await loadBody(deps.db, req.actor, paramsOf(req).bodyId))
    return reply.page(<MeetingFormPage body={body} values={{ kind: 'ordinary' }} />)
  })

  app.post('/bodies/:bodyId/meetings/new', { config: { ...write.config, form: MeetingInput } }, async (req, reply) => {
    const { body } = requireManage(await loadBody(deps.db, req.actor, paramsOf(req).bodyId))
    const form = parseForm(MeetingInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeetingFormPage body={body} values={form.values} errors={form.errors} />, 400)
    const meeting = await createMeeting(deps, ctxOf(req), body.id, form.data)
    reply.flash('success', 'meetings.flash.created', { title: meeting.title })
    return reply.seeOther(`/meetings/${meeting.id}`)
  })

  app.get('/meetings/:meetingId', read, async (req, reply) => {
    const detail = await meetingDetail(deps, req.actor, paramsOf(req).meetingId)
    return reply.page(<MeetingPage detail={detail} jobsRunning={deps.jobs.started} />)
  })

  app.get('/meetings/:meetingId/edit', write, async (req, reply) => {
    const { body, meeting } = requireManage(await loadMeeting(deps.db, req.actor, paramsOf(req).meetingId))
    assertNotApproved(meeting)
    return reply.page(<MeetingFormPage body={body} meeting={meeting} values={meetingValues(meeting)} />)
  })

  app.post('/meetings/:meetingId/edit', { config: { ...write.config, form: UpdateMeetingInput } }, async (req, reply) => {
    const { body, meeting } = requireManage(await loadMeeting(deps.db, req.actor, paramsOf(req).meetingId))
    const form = parseForm(UpdateMeetingInput, req.body, req.t)
    if (!form.ok) return reply.page(<MeetingFormPage body={body} meeting={meeting} values={form.values} errors={form.errors} />, 400)
    try {
      await updateMeeting(deps, ctxOf(req), meeting.id, form.data)
    } catch (err) {
      const f = formErrorOf(err, req.t)
      if (f) return reply.page(<MeetingFormPage body={body} meeting={meeting} values={formValues(req.body)} errors={f.errors} />, f.status)
      if (!(err instanceof StaleVersionError)) throw err
      // Keep what the user typed, show what is stored now, and let a new save replace it knowingly.
      const { meeting: current } = await loadMeeting(deps.db, req.actor, meeting.id)
      assertNotApproved(current)
      const values = { ...formValues(req.body), version: String(current.version) }
      return reply.page(
        <MeetingFormPage body={body} meeting={current} values={values} current={current} errors={[{ field: '', message: req.t('meetings.stale.body') }]} />,
        409,
      )
    }
    reply.flash('success', 'meetings.flash.updated')
    return reply.seeOther(`/meetings/${meeting.id}`)
  })

  app.post('/meetings/:meetingId/invitations', write, async (req, reply) => {
    const id = paramsOf(req).meetingId
    const r = await sendInvitations(deps, ctxOf(req), id)
    if (r.queued) reply.flash('success', 'meetings.flash.invitationsSent', { count: r.invited, missing: r.withoutEmail })
    else reply.flash('info', 'meetings.flash.invitationsRecorded', { count: r.invited, missing: r.withoutEmail })
    return reply.seeOther(`/meetings/${id}`)
  })
}
