import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOf } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import * as svc from './justering.service.ts'
import { MinutesApproved } from './meetings.errors.ts'
import { JusteringRecordInput, JusteringRequestInput, VersionInput } from './meetings.schemas.ts'
import { listDecisions } from './minutes.repo.ts'
import { JusteringPage } from './views/justering-page.tsx'
import type { Values } from './views/parts.tsx'

const write = { config: { policy: 'meetings.write' } }

/** Justering: choosing the justerare, each one's confirmation, the secretary's record, withdrawing. */
export function justeringRoutes(app: FastifyInstance, deps: Deps) {
  /** The justering page for whoever has something to do there: a convenor or a pending justerare. */
  const load = async (req: FastifyRequest) => {
    const state = await svc.justeringState(deps, req.actor, paramsOf(req).meetingId)
    if (state.meeting.minutesApprovedAt) throw new MinutesApproved()
    if (!state.manage && !state.mine) throw new ForbiddenError()
    return state
  }
  const render = async (reply: FastifyReply, state: svc.JusteringState, values: Values, errors?: FieldError[], status = 200) =>
    reply.page(<JusteringPage state={state} decisions={await listDecisions(deps.db, state.meeting.id)} values={values} errors={errors} />, status)
  /** A refusal the form can show (400) re-renders the page; everything else goes to the error handler. */
  const refused = async (req: FastifyRequest, reply: FastifyReply, err: unknown) => {
    const f = formErrorOf(err, req.t, { formLevel: (e) => e.code === 'justering_refused' })
    if (f?.status !== 400) throw err
    return render(reply, await load(req), formValues(req.body), f.errors, 400)
  }

  app.get('/meetings/:meetingId/justering', write, async (req, reply) => {
    const state = await load(req)
    return render(reply, state, { justeradOn: formatIsoDate(new Date()) })
  })

  app.post('/meetings/:meetingId/justering', write, async (req, reply) => {
    const state = await load(req)
    // A justerare sees this page to confirm; choosing and recording justerare is the convenor's.
    if (!state.manage) throw new ForbiddenError()
    const form = parseForm(JusteringRequestInput, req.body, req.t)
    if (!form.ok) return render(reply, state, form.values, form.errors, 400)
    try {
      await svc.requestJustering(deps, ctxOf(req), state.meeting.id, { seatIds: form.data.justerare, version: form.data.version })
    } catch (err) {
      return refused(req, reply, err)
    }
    reply.flash('success', 'meetings.flash.justeringRequested', { count: form.data.justerare.length })
    return reply.seeOther(`/meetings/${state.meeting.id}`)
  })

  app.post('/meetings/:meetingId/justering/confirm', write, async (req, reply) => {
    const id = paramsOf(req).meetingId
    await svc.requireJusterare(deps, req.actor, id)
    const form = parseForm(VersionInput, req.body, req.t)
    if (!form.ok) throw new DomainError('bad_request', 'platform.errors.badRequest', 400)
    const r = await svc.confirmJustering(deps, ctxOf(req), id, form.data.version)
    reply.flash('success', r.locked ? 'meetings.flash.justeradLocked' : 'meetings.flash.justeradWaiting')
    return reply.seeOther(`/meetings/${id}`)
  })

  app.post('/meetings/:meetingId/justering/record', { config: { ...write.config, form: JusteringRecordInput } }, async (req, reply) => {
    const state = await load(req)
    // A justerare sees this page to confirm; choosing and recording justerare is the convenor's.
    if (!state.manage) throw new ForbiddenError()
    const form = parseForm(JusteringRecordInput, req.body, req.t)
    if (!form.ok) return render(reply, state, form.values, form.errors, 400)
    try {
      await svc.recordJustering(deps, ctxOf(req), state.meeting.id, form.data)
    } catch (err) {
      return refused(req, reply, err)
    }
    reply.flash('success', 'meetings.flash.justeradLocked')
    return reply.seeOther(`/meetings/${state.meeting.id}`)
  })

  app.post('/meetings/:meetingId/justering/withdraw', write, async (req, reply) => {
    const id = paramsOf(req).meetingId
    await svc.withdrawJustering(deps, ctxOf(req), id)
    reply.flash('success', 'meetings.flash.justeringWithdrawn')
    return reply.seeOther(`/meetings/${id}`)
  })
}
