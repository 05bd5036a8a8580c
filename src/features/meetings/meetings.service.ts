import { inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { viewerOf } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { type AgendaRow, type FollowUp, listAgenda, openFollowUps } from './agenda.repo.ts'
import { type SeatAttendance, seatsOfMeeting } from './attendance.repo.ts'
import { MeetingFieldError } from './meetings.errors.ts'
import { type MeetingAccess, attendanceParties, changeOpenMeeting, loadBody, loadMeeting, requireManage } from './meetings.access.ts'
import * as repo from './meetings.repo.ts'
import type { MeetingInput, UpdateMeetingInput } from './meetings.schemas.ts'
import { stockholmInstant, stockholmParts } from './meetings.time.ts'
import * as minutes from './minutes.repo.ts'
import { type JusterareRow, listJusterare } from './justering.repo.ts'
import { justeringBlockers } from './justering.service.ts'
import { isJusterareAccount } from './meetings.policy.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

const times = (input: MeetingInput) => ({
  startsAt: stockholmInstant(input.date, input.startTime),
  endsAt: stockholmInstant(input.date, input.endTime),
})

/** The body's meetings split at now: upcoming (soonest first) and past (latest first). */
export async function listBodyMeetings(deps: Deps, actor: Actor | undefined, bodyId: unknown) {
  const access = await loadBody(deps.db, actor, bodyId)
  const all = await repo.listMeetingsOfBody(deps.db, access.body.id)
  const now = Date.now()
  const upcoming = all.filter((m) => m.endsAt.getTime() >= now).reverse()
  const past = all.filter((m) => m.endsAt.getTime() < now)
  return { ...access, upcoming, past }
}

/** Creates a meeting of a body. @throws ForbiddenError unless coordinator of the collaboration. */
export async function createMeeting(deps: Deps, ctx: Ctx, bodyId: unknown, input: MeetingInput): Promise<repo.Meeting> {
  const { body } = requireManage(await loadBody(deps.db, ctx.actor, bodyId))
  return deps.db.transaction(async (tx) => {
    const meeting = await repo.insertMeeting(tx, { bodyId: body.id, title: input.title, kind: input.kind, place: input.place ?? '', ...times(input) })
    await audit(tx, ctx, { action: 'meeting.created', entityType: 'meeting', entityId: meeting.id, organisationId: body.organisationId, after: meeting })
    return meeting
  })
}

/** Changes title, kind, time, place or status. @throws StaleVersionError, MinutesApproved */
export async function updateMeeting(deps: Deps, ctx: Ctx, meetingId: unknown, input: UpdateMeetingInput): Promise<repo.Meeting> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  return changeOpenMeeting(
    deps,
    meeting.id,
    async (tx, _touched, before) => {
      // Decisions are numbered within the meeting's year: moving the meeting to another year would orphan their §.
      const decided = await minutes.listDecisions(tx, meeting.id)
      if (decided.length && stockholmParts(before.startsAt).year !== Number(input.date.slice(0, 4)))
        throw new MeetingFieldError('date', 'meetings.errors.yearHasDecisions')
      const after = await repo.setMeeting(tx, meeting.id, {
        title: input.title,
        kind: input.kind,
        place: input.place ?? '',
        status: input.status,
        ...times(input),
      })
      await audit(tx, ctx, { action: 'meeting.updated', entityType: 'meeting', entityId: meeting.id, organisationId: body.organisationId, before, after })
      return after
    },
    input.version,
  )
}

export interface MeetingDetail extends MeetingAccess {
  agenda: AgendaRow[]
  /** Open action items from earlier meetings (listed live until justering, then stored in the agenda). */
  followUps: FollowUp[]
  attendance: SeatAttendance[]
  decisions: minutes.Decision[]
  actionItems: minutes.ActionItemRow[]
  distribution: minutes.DistributionEntry[]
  invitations: minutes.Invitation[]
  parties: { id: string; name: string }[]
  /** Parties whose seats the actor may record attendance for. */
  recordableParties: string[]
  date: string
  justerare: JusterareRow[]
  /** The actor is a justerare who has not yet confirmed (with their own account). */
  mayJustera: boolean
  /** Why the minutes cannot be sent for justering yet (message keys). */
  justeringBlockers: string[]
}

export async function meetingDetail(deps: Deps, actor: Actor | undefined, meetingId: unknown): Promise<MeetingDetail> {
  const access = await loadMeeting(deps.db, actor, meetingId)
  const { meeting, scope } = access
  const date = stockholmParts(meeting.startsAt).date
  const db = deps.db
  const [agenda, followUps, attendance, decisions, actionItems, distribution, invitations, parties, justerare, blockers] = await Promise.all([
    listAgenda(db, meeting.id),
    meeting.minutesApprovedAt ? [] : openFollowUps(db, meeting.bodyId, meeting.startsAt),
    seatsOfMeeting(db, { id: meeting.id, bodyId: meeting.bodyId, date }, viewerOf(actor)),
    minutes.listDecisions(db, meeting.id),
    minutes.listActionItems(db, meeting.id),
    minutes.listDistribution(db, meeting.id),
    minutes.listInvitations(db, meeting.id),
    partyNames(db, scope.partyIds),
    listJusterare(db, meeting.id),
    justeringBlockers(db, meeting),
  ])
  return {
    ...access,
    agenda,
    followUps,
    attendance,
    decisions,
    actionItems,
    distribution,
    invitations,
    parties,
    recordableParties: [...attendanceParties(actor, scope)],
    date,
    justerare,
    mayJustera: !!meeting.justeringRequestedAt && !meeting.minutesApprovedAt && justerare.some((j) => !j.confirmedAt && isJusterareAccount(actor, j)),
    justeringBlockers: blockers.map((b) => b.key),
  }
}

export async function partyNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return []
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
  return sortBySv(rows, (p) => p.name)
}
