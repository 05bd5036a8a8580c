import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { ForbiddenError } from '../../platform/http/errors.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { isUuid } from '../collaborations/index.ts'
import { type AttendanceEntry, attendanceForm, recordAttendance, timeContributed } from './attendance.service.ts'
import { assertNotApproved } from './meetings.access.ts'
import { AttendanceRow } from './meetings.schemas.ts'
import { MAX_CONTRIBUTED_MINUTES, parseDuration } from './meetings.time.ts'
import { AttendancePage, attendanceValues } from './views/attendance-page.tsx'
import { TimePage } from './views/time-page.tsx'
import { ctxOf } from '../../platform/http/ctx.ts'
import { formValues, controlCharacterErrors } from '../../platform/forms/parse-form.ts'
import { paramsOf } from '../../platform/http/params.ts'

const read = { config: { policy: 'meetings.read' } }
const write = { config: { policy: 'meetings.write' } }

/**
 * The attendance form posts `status_<seatId>`, `substitute_<seatId>` and `time_<seatId>` for each
 * seat; a seat left without a status is not touched. Time is "2:30" or "2,5" hours; empty = default.
 */
export function parseAttendance(body: unknown, t: FastifyRequest['t']): { entries: AttendanceEntry[]; errors: FieldError[] } {
  const values = formValues(body)
  const entries: AttendanceEntry[] = []
  const errors: FieldError[] = controlCharacterErrors(values, t)
  for (const key of Object.keys(values)) {
    const seatId = /^status_(.+)$/.exec(key)?.[1]
    if (!seatId || !isUuid(seatId) || !values[key]) continue
    const row = AttendanceRow.safeParse({ status: values[key], substituteName: values[`substitute_${seatId}`], time: values[`time_${seatId}`] })
    if (!row.success) {
      errors.push({ field: key, message: t('meetings.errors.attendanceStatusInvalid') })
      continue
    }
    const { status, substituteName, time } = row.data
    if (status === 'substitute_present' && !substituteName) errors.push({ field: `substitute_${seatId}`, message: t('meetings.errors.substituteRequired') })
    const minutes = time && status !== 'absent' ? parseDuration(time) : undefined
    if (time && status !== 'absent' && (minutes === undefined || minutes > MAX_CONTRIBUTED_MINUTES)) {
      errors.push({ field: `time_${seatId}`, message: t('meetings.errors.durationInvalid') })
    }
    entries.push({ seatId, status, substituteName, minutes })
  }
  return { entries, errors }
}

export function attendanceRoutes(app: FastifyInstance, deps: Deps) {
  const load = async (req: FastifyRequest) => {
    const form = await attendanceForm(deps, req.actor, paramsOf(req).meetingId)
    if (!form.manage && form.editable.length === 0) throw new ForbiddenError()
    assertNotApproved(form.meeting)
    return form
  }
  const page = (f: Awaited<ReturnType<typeof load>>, values: Record<string, string | string[]>, errors?: FieldError[]) => (
    <AttendancePage
      body={f.body}
      meeting={f.meeting}
      editable={f.editable}
      others={f.seats.length - f.editable.length}
      defaultMinutes={f.defaultMinutes}
      values={values}
      errors={errors}
    />
  )

  app.get('/meetings/:meetingId/attendance', write, async (req, reply) => {
    const f = await load(req)
    return reply.page(page(f, attendanceValues(f.editable)))
  })

  app.post('/meetings/:meetingId/attendance', write, async (req, reply) => {
    const id = paramsOf(req).meetingId
    // Who may record is decided before the form is read: a stranger gets 403, not its field errors.
    const f = await load(req)
    const { entries, errors } = parseAttendance(req.body, req.t)
    if (errors.length) return reply.page(page(f, formValues(req.body), errors), 400)
    const count = await recordAttendance(deps, ctxOf(req), id, entries)
    reply.flash('success', 'meetings.flash.attendanceRecorded', { count })
    return reply.seeOther(`/meetings/${id}#attendance-heading`)
  })

  app.get('/collaborations/:collaborationId/time', read, async (req, reply) => {
    const r = await timeContributed(deps, req.actor, paramsOf(req).collaborationId)
    return reply.page(<TimePage collaboration={r.collaboration} rows={r.rows} />)
  })
}
