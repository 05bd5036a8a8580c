import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { meetingTodoItems } from './todo-items.ts'
import { agendaRoutes } from './agenda.routes.tsx'
import { attendanceRoutes } from './attendance.routes.tsx'
import { calendarRoutes } from './calendar.routes.ts'
import { meetingsApi } from './meetings.api.ts'
import { meetingsRoutes } from './meetings.routes.tsx'
import { meetingsWriteApi } from './meetings.write-api.ts'
import { minutesRoutes } from './minutes.routes.tsx'
import { justeringRoutes } from './justering.routes.tsx'
import { protocolRoutes } from './protocol.routes.tsx'

export { userFeedPath } from './calendar.service.ts'
export { meetingTodos } from './todos.service.ts'
export type { MeetingTodo, MeetingTodos } from './todos.service.ts'
export { timeByPartyAndYear } from './attendance.repo.ts'
export type { TimeRow } from './attendance.repo.ts'
export { type BodyMeetingFact, meetingFacts } from './report-facts.read.ts'

/** The codes this feature writes as `meeting.<action>`, labelled `meetings.audit.<action>`. */
const AUDIT_ACTIONS = [
  'created',
  'updated',
  'minutes_approved',
  'minutes_saved',
  'agenda_item_added',
  'agenda_item_moved',
  'agenda_item_removed',
  'attendance_recorded',
  'decision_added',
  'decision_updated',
  'action_item_added',
  'action_item_updated',
  'distribution_added',
  'distribution_removed',
  'invitations_sent',
  'justering_requested',
  'justering_withdrawn',
  'justering_confirmed',
  'justering_recorded',
]

/**
 * Meetings of a collaboration's bodies: agenda, invitations with .ics, calendar feeds, attendance and
 * time contributed, minutes with numbered decisions, action items, justering and distribution.
 * Route policies only require a session; who may do what inside a collaboration (partner, coordinator,
 * editor for their own party) is decided by the services, on the loaded records.
 */
export async function meetings(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions(Object.fromEntries(AUDIT_ACTIONS.map((a) => [`meeting.${a}`, `meetings.audit.${a}`])))
  deps.auditLabels.entities({ meeting: 'meetings.audit.entity', action_item: 'meetings.audit.actionItemEntity' })
  deps.policies.register('meetings.read', (a) => a?.via === 'session')
  deps.policies.register('meetings.write', (a) => a?.via === 'session')
  deps.nav.add({ href: '/calendar', labelKey: 'meetings.nav.calendar', order: 70, visible: (a) => a?.via === 'session' })
  deps.todos.add('meetings', (actor) => meetingTodoItems(deps, actor))
  meetingsRoutes(app, deps)
  agendaRoutes(app, deps)
  attendanceRoutes(app, deps)
  minutesRoutes(app, deps)
  justeringRoutes(app, deps)
  protocolRoutes(app, deps)
  calendarRoutes(app, deps)
  meetingsApi(app, deps)
  meetingsWriteApi(app, deps)
}
