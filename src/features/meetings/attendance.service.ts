import { eq } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { isPartner } from '../collaborations/index.ts'
import { collaborationScope, isUuid } from '../collaborations/index.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { viewerOf } from '../collaborations/index.ts'
import * as repo from './attendance.repo.ts'
import { attendanceParties, canRecordAttendance, changeOpenMeeting, loadMeeting } from './meetings.access.ts'
import { meetingMinutes, stockholmParts } from './meetings.time.ts'
import type { ATTENDANCE } from './meetings.tables.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

/** The attendance form: the seats the actor sees, and which of them they may record. */
export async function attendanceForm(deps: Deps, actor: Actor | undefined, meetingId: unknown) {
  const access = await loadMeeting(deps.db, actor, meetingId)
  const { meeting } = access
  const seats = await repo.seatsOfMeeting(deps.db, { id: meeting.id, bodyId: meeting.bodyId, date: stockholmParts(meeting.startsAt).date }, viewerOf(actor))
  const parties = attendanceParties(actor, access.scope)
  const editable = seats.filter((s) => access.manage || parties.has(s.partyId))
  return { ...access, seats, editable, defaultMinutes: meetingMinutes(meeting) }
}

export interface AttendanceEntry {
  seatId: string
  status: (typeof ATTENDANCE)[number]
  substituteName?: string
  /** Typed time in minutes; undefined means the default (the meeting's length when present). */
  minutes?: number
}

/**
 * Records attendance for some seats of a meeting. Every seat must belong to the meeting and to a
 * party the actor may record for (coordinator: all; editor: their own party) — one refused seat
 * refuses the whole form, and nothing is written. @throws ForbiddenError, NotFoundError, MinutesApproved
 */
export async function recordAttendance(deps: Deps, ctx: Ctx, meetingId: unknown, entries: AttendanceEntry[]): Promise<number> {
  const access = await loadMeeting(deps.db, ctx.actor, meetingId)
  const { meeting, body } = access
  const seats = new Map(
    (await repo.seatsOfMeeting(deps.db, { id: meeting.id, bodyId: meeting.bodyId, date: stockholmParts(meeting.startsAt).date })).map((s) => [s.seatId, s]),
  )
  // A party records only its own seats: one with no seat in this body has nothing here, even with an
  // empty list (being a party of the collaboration is not a seat in every body).
  if (!access.manage && ![...seats.values()].some((s) => canRecordAttendance(ctx.actor, access, s.partyId))) throw new ForbiddenError()
  for (const e of entries) {
    const seat = seats.get(e.seatId)
    if (!seat) throw new NotFoundError()
    if (!canRecordAttendance(ctx.actor, access, seat.partyId)) throw new ForbiddenError()
  }
  // Nothing to write: the meeting (and its version, which open edit forms carry) stays as it was.
  if (!entries.length) return 0
  const fullLength = meetingMinutes(meeting)
  return changeOpenMeeting(deps, meeting.id, async (tx) => {
    const written = []
    for (const e of entries) {
      const minutesContributed = e.status === 'absent' ? 0 : (e.minutes ?? fullLength)
      const before = await repo.findAttendance(tx, meeting.id, e.seatId)
      const after = await repo.upsertAttendance(tx, {
        meetingId: meeting.id,
        seatId: e.seatId,
        status: e.status,
        substituteName: e.status === 'substitute_present' ? (e.substituteName ?? null) : null,
        minutesContributed,
        recordedBy: ctx.actor.userId,
      })
      written.push({ before, after })
    }
    if (written.length) {
      const partiesTouched = new Set(entries.map((e) => seats.get(e.seatId)!.partyId))
      await audit(tx, ctx, {
        action: 'meeting.attendance_recorded',
        entityType: 'meeting',
        entityId: meeting.id,
        organisationId: partiesTouched.size === 1 ? [...partiesTouched][0] : body.organisationId,
        before: written.map((w) => w.before ?? null),
        after: written.map((w) => w.after),
      })
    }
    return written.length
  })
}

/** Time contributed per party and year in a collaboration (partners only): the declaration's cost. */
export async function timeContributed(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  if (!isUuid(collaborationId)) throw new NotFoundError()
  const scope = await collaborationScope(deps.db, collaborationId)
  if (!scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  const [c] = await deps.db
    .select({ name: collaborations.name, shortName: collaborations.shortName })
    .from(collaborations)
    .where(eq(collaborations.id, collaborationId))
  const rows = await repo.timeByPartyAndYear(deps.db, collaborationId)
  return { collaboration: { id: collaborationId, ...c }, rows }
}
