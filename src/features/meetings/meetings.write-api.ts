import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { recordAttendance } from './attendance.service.ts'
import type { Meeting } from './meetings.repo.ts'
import { MeetingInput, MeetingSummary } from './meetings.schemas.ts'
import { createMeeting } from './meetings.service.ts'
import { ATTENDANCE } from './meetings.tables.ts'
import { MAX_CONTRIBUTED_MINUTES } from './meetings.time.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { noDuplicates } from '../../platform/forms/batch.ts'

const summary = (m: Meeting): z.infer<typeof MeetingSummary> => ({
  id: m.id,
  bodyId: m.bodyId,
  title: m.title,
  kind: m.kind,
  status: m.status,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  place: m.place,
  minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
})

/** One seat's attendance; the same rules as the page's form (a substitute is named, time within a day). */
const AttendanceEntry = z
  .object({
    seatId: z.uuid({ error: 'platform.errors.badRequest' }),
    status: z.enum(ATTENDANCE, { error: 'meetings.errors.attendanceStatusInvalid' }),
    substituteName: z.string().trim().max(200, { error: 'meetings.errors.tooLong' }).optional(),
    minutes: z
      .number({ error: 'meetings.errors.durationInvalid' })
      .int({ error: 'meetings.errors.durationInvalid' })
      .min(0, { error: 'meetings.errors.durationInvalid' })
      .max(MAX_CONTRIBUTED_MINUTES, { error: 'meetings.errors.durationInvalid' })
      .optional()
      .describe('Time contributed in minutes; left out = the meeting’s length (0 when absent).'),
  })
  .refine((e) => e.status !== 'substitute_present' || !!e.substituteName, { path: ['substituteName'], error: 'meetings.errors.substituteRequired' })

const AttendanceBody = z.object({
  entries: z
    .array(AttendanceEntry)
    .max(500)
    .superRefine(noDuplicates((e) => e.seatId, 'seatId')),
})
type AttendanceBody = z.output<typeof AttendanceBody>

/** Meeting writes over JSON for coordinators and (attendance) editors; the same services as the pages. */
export function meetingsWriteApi(app: FastifyInstance, deps: Deps) {
  // Any authenticated client (session or token) reaches the handlers; the services decide per record.
  deps.policies.register('meetings.api.write', (a) => !!a)

  deps.api.route<unknown, MeetingInput>(
    app,
    {
      method: 'POST',
      url: '/api/v1/bodies/:bodyId/meetings',
      policy: 'meetings.api.write',
      summary: 'Schedule a meeting of a body',
      description: 'Coordinators of the collaboration only. `date` is ÅÅÅÅ-MM-DD and the times HH:MM in Swedish time; the end must be after the start.',
      tags: ['meetings'],
      body: MeetingInput,
      response: MeetingSummary,
    },
    async (req, { body }) => summary(await createMeeting(deps, ctxOf(req), paramsOf(req).bodyId, body)),
  )

  deps.api.route<unknown, AttendanceBody>(
    app,
    {
      method: 'PUT',
      url: '/api/v1/meetings/:meetingId/attendance',
      policy: 'meetings.api.write',
      summary: 'Record attendance for seats of a meeting',
      description:
        'Coordinators record any seat; an editor records the seats of their own party. One refused seat refuses the whole request (403) and nothing is written; a seat not in the meeting gives 404; after justering 409.',
      tags: ['meetings'],
      body: AttendanceBody,
      response: z.object({ recorded: z.number().int().describe('Number of seats written') }),
    },
    async (req, { body }) => ({ recorded: await recordAttendance(deps, ctxOf(req), paramsOf(req).meetingId, body.entries) }),
  )
}
