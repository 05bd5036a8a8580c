import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import type { Meeting } from './meetings.repo.ts'
import { MeetingDetail, MeetingList } from './meetings.schemas.ts'
import { listBodyMeetings, meetingDetail } from './meetings.service.ts'
import { paramsOf } from '../../platform/http/params.ts'

const summary = (m: Meeting) => ({
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

/** Read access for partners (viewers included); the same services, and visibility, as the pages. */
export function meetingsApi(app: FastifyInstance, deps: Deps) {
  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/bodies/:bodyId/meetings',
      policy: 'api.read',
      summary: 'Meetings of a body',
      description: 'Partners of the collaboration only; newest first.',
      tags: ['meetings'],
      response: MeetingList,
    },
    async (req) => {
      const r = await listBodyMeetings(deps, req.actor, paramsOf(req).bodyId)
      return { items: [...r.upcoming].reverse().concat(r.past).map(summary) }
    },
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/meetings/:meetingId',
      policy: 'api.read',
      summary: 'A meeting with agenda, attendance, decisions, action items and distribution',
      tags: ['meetings'],
      response: MeetingDetail,
    },
    async (req) => {
      const d = await meetingDetail(deps, req.actor, paramsOf(req).meetingId)
      return {
        ...summary(d.meeting),
        minutesText: d.meeting.minutesText,
        agenda: [
          ...d.agenda.map((a) => ({
            position: a.position,
            title: a.title,
            presenter: a.presenter,
            plannedMinutes: a.plannedMinutes,
            actionItemId: a.actionItemId,
          })),
          ...d.followUps.map((f, i) => ({
            position: d.agenda.length + i + 1,
            title: f.title,
            presenter: null,
            plannedMinutes: null,
            actionItemId: f.actionItemId,
          })),
        ].map((a, i) => ({ ...a, position: i + 1 })),
        attendance: d.attendance.map((s) => ({
          seatId: s.seatId,
          personName: s.personName,
          partyId: s.partyId,
          partyName: s.partyName,
          status: s.status,
          substituteName: s.substituteName,
          minutesContributed: s.status ? s.minutesContributed : null,
        })),
        decisions: d.decisions.map((x) => ({ id: x.id, year: x.year, paragraph: x.paragraph, title: x.title, decisionText: x.decisionText })),
        actionItems: d.actionItems.map((a) => ({ id: a.id, title: a.title, owner: a.ownerPersonName ?? a.ownerName, dueOn: a.dueOn, status: a.status })),
        distribution: d.distribution.map((x) => ({ organisationId: x.organisationId, recipient: x.recipient })),
      }
    },
  )
}
