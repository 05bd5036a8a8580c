import type { FastifyInstance, FastifyReply } from 'fastify'
import { type VNode, h } from 'preact'
import type { Deps } from '../../platform/deps.ts'
import { bodyFeed, calendarPage, meetingFeed, userFeed } from './calendar.service.ts'
import { CalendarPage } from './views/calendar-page.tsx'
import { paramsOf } from '../../platform/http/params.ts'

const sendCalendar = (reply: FastifyReply, ics: string, filename: string, disposition: 'attachment' | 'inline') =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `${disposition}; filename="${filename.replace(/[^\w.-]+/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(ics)

/** Calendar files: one meeting and per body (partners, signed in), and per user (a secret address for calendar apps). */
export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/bodies/:bodyId/calendar.ics', { config: { policy: 'meetings.read' } }, async (req, reply) => {
    const feed = await bodyFeed(deps, req.actor, paramsOf(req).bodyId)
    return sendCalendar(reply, feed.ics, `${feed.name}.ics`, 'attachment')
  })

  app.get('/meetings/:meetingId/meeting.ics', { config: { policy: 'meetings.read' } }, async (req, reply) => {
    const feed = await meetingFeed(deps, req.actor, paramsOf(req).meetingId)
    return sendCalendar(reply, feed.ics, `${feed.name}.ics`, 'attachment')
  })

  // Public by policy because calendar apps cannot sign in; the MAC in the address is the key (404 otherwise).
  app.get('/calendar/:userId/:mac.ics', { config: { policy: 'public' } }, async (req, reply) => {
    const { userId, mac } = paramsOf(req)
    return sendCalendar(reply, await userFeed(deps, userId, mac), 'tillsammans.ics', 'inline')
  })

  app.get('/calendar', { config: { policy: 'authenticated' } }, async (req, reply) => {
    return reply.page(h(CalendarPage, await calendarPage(deps, req.actor!)) as VNode)
  })
}
