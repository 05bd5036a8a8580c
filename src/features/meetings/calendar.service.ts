/** Invitations by e-mail (each with an .ics) and the calendar feeds per body and per user. */
import type { Deps } from '../../platform/deps.ts'
import { DomainError } from '../../platform/http/errors.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type Translate, translator } from '../../platform/i18n/i18n.ts'
import { findUserById } from '../accounts/index.ts'
import { isUuid } from '../collaborations/index.ts'
import { sendMail } from '../mail/index.ts'
import { type AgendaRow, type FollowUp, listAgenda, openFollowUps } from './agenda.repo.ts'
import { seatsOfMeeting } from './attendance.repo.ts'
import { loadBody, loadMeeting, requireManage } from './meetings.access.ts'
import { meetingsCalendar, parseMailbox } from './meetings.ics.ts'
import { bodiesSeatedByEmail, meetingsOfBodies } from './meetings.repo.ts'
import { stockholmParts } from './meetings.time.ts'
import { upsertInvitation } from './minutes.repo.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

/** Feeds reach a year back: enough for "what did we decide last spring", small enough to poll. */
const FEED_HISTORY_MS = 365 * 24 * 3600 * 1000

/** The agenda as plain text for the invitation and the calendar event. */
export function agendaText(t: Translate, agenda: AgendaRow[], followUps: FollowUp[]): string {
  const lines = [
    ...agenda.map((a) => (a.actionItemId ? t('meetings.agenda.followUp', { title: a.title }) : a.title) + (a.presenter ? ` (${a.presenter})` : '')),
    ...followUps.map((f) => t('meetings.agenda.followUp', { title: f.title })),
  ]
  if (!lines.length) return ''
  return `${t('meetings.agenda.title')}:\n${lines.map((l, i) => `${i + 1}. ${l}`).join('\n')}`
}

export interface InvitationResult {
  invited: number
  withoutEmail: number
  /** False when the job queue is not running: invitations are recorded, no e-mail is sent. */
  queued: boolean
}

/**
 * Invites every seat of the meeting that has an e-mail address: records one invitation per seat
 * (sending again updates it, never duplicates it) and queues one e-mail per seat with the .ics.
 * The e-mails are queued after the transaction commits: the queue shares the database connection.
 */
export async function sendInvitations(deps: Deps, ctx: Ctx, meetingId: unknown): Promise<InvitationResult> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  // A notice for a meeting that has begun tells nobody anything they can still act on (issue 6 E14).
  if (meeting.startsAt.getTime() <= Date.now()) throw new DomainError('meeting_started', 'meetings.invitations.pastMeeting', 409)
  const { date, time } = stockholmParts(meeting.startsAt)
  const seats = await seatsOfMeeting(deps.db, { id: meeting.id, bodyId: meeting.bodyId, date })
  const invitees = seats.filter((s) => s.email)
  const queued = deps.jobs.started
  await deps.db.transaction(async (tx) => {
    for (const s of invitees) await upsertInvitation(tx, { meetingId: meeting.id, seatId: s.seatId, email: s.email! })
    await audit(tx, ctx, {
      action: 'meeting.invitations_sent',
      entityType: 'meeting',
      entityId: meeting.id,
      organisationId: body.organisationId,
      after: { seats: invitees.map((s) => s.seatId), queued },
    })
  })
  if (queued) {
    const t = translator('sv')
    const description = agendaText(t, await listAgenda(deps.db, meeting.id), await openFollowUps(deps.db, meeting.bodyId, meeting.startsAt))
    const end = stockholmParts(meeting.endsAt).time
    const organizer = parseMailbox(deps.config.mailFrom)
    const link = `${deps.config.baseUrl}/meetings/${meeting.id}`
    for (const s of invitees) {
      const ics = meetingsCalendar({
        name: body.name,
        method: 'REQUEST',
        baseUrl: deps.config.baseUrl,
        organizer,
        attendee: { name: s.personName, email: s.email! },
        meetings: [{ ...meeting, bodyName: body.name, description }],
      })
      const text = [
        t('meetings.invitations.mailGreeting', { name: s.personName }),
        t('meetings.invitations.mailIntro', { body: body.name, title: meeting.title }),
        t('meetings.invitations.mailWhen', { date, start: time, end }),
        meeting.place ? t('meetings.invitations.mailWhere', { place: meeting.place }) : '',
        description,
        t('meetings.invitations.mailLink', { link }),
      ]
        .filter(Boolean)
        .join('\n\n')
      await sendMail(deps, { to: s.email!, subject: t('meetings.invitations.mailSubject', { title: meeting.title, date }), text, ics })
    }
  }
  return { invited: invitees.length, withoutEmail: seats.length - invitees.length, queued }
}

/** The body's meetings as a feed (partners; a signed-in download). */
export async function bodyFeed(deps: Deps, actor: Actor | undefined, bodyId: unknown): Promise<{ name: string; ics: string }> {
  const { body } = await loadBody(deps.db, actor, bodyId)
  const meetings = await meetingsOfBodies(deps.db, [body.id], new Date(Date.now() - FEED_HISTORY_MS))
  return { name: body.name, ics: meetingsCalendar({ name: body.name, method: 'PUBLISH', baseUrl: deps.config.baseUrl, meetings }) }
}

/** One meeting as a calendar file (partners), with the agenda as its description: "add to my calendar". */
export async function meetingFeed(deps: Deps, actor: Actor | undefined, meetingId: unknown): Promise<{ name: string; ics: string }> {
  const { meeting, body } = await loadMeeting(deps.db, actor, meetingId)
  const description = agendaText(translator('sv'), await listAgenda(deps.db, meeting.id), await openFollowUps(deps.db, meeting.bodyId, meeting.startsAt))
  const ics = meetingsCalendar({
    name: `${meeting.title} – ${body.name}`,
    method: 'PUBLISH',
    baseUrl: deps.config.baseUrl,
    meetings: [{ ...meeting, bodyName: body.name, description }],
  })
  return { name: `${body.name} ${stockholmParts(meeting.startsAt).date}`, ics }
}

/**
 * A calendar app cannot sign in, so a user's own feed is reached by a URL holding a MAC of their id:
 * secret, stable, and without a session. A wrong MAC, an unknown or deactivated user → 404.
 */
export const userFeedPath = (deps: Deps, userId: string) => `/calendar/${userId}/${deps.signer.mac('calendar', userId)}.ics`

export async function userFeed(deps: Deps, userId: unknown, mac: unknown): Promise<string> {
  if (!isUuid(userId) || typeof mac !== 'string' || !deps.signer.verify('calendar', userId, mac)) throw new NotFoundError()
  const user = await findUserById(deps.db, userId)
  if (user?.status !== 'active') throw new NotFoundError()
  const t = translator('sv')
  const bodies = await bodiesSeatedByEmail(deps.db, user.email, formatIsoDate(new Date()))
  const meetings = await meetingsOfBodies(
    deps.db,
    bodies.map((b) => b.id),
    new Date(Date.now() - FEED_HISTORY_MS),
  )
  return meetingsCalendar({ name: t('meetings.calendar.feedName', { name: user.name }), method: 'PUBLISH', baseUrl: deps.config.baseUrl, meetings })
}

/** What the signed-in user's calendar page shows: the feed address and the bodies it covers. */
export async function calendarPage(deps: Deps, actor: Actor) {
  const bodies = await bodiesSeatedByEmail(deps.db, actor.email, formatIsoDate(new Date()))
  return { feedUrl: `${deps.config.baseUrl}${userFeedPath(deps, actor.userId)}`, bodies }
}
