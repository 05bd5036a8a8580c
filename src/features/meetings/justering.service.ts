/**
 * Justering (issue 6 E12): after the meeting, with the minutes written and the decisions numbered,
 * the secretary (a convenor) sends the minutes for justering to one or two of those present. Each
 * justerare confirms with their own account, or the secretary records that they have justerat on
 * paper and when. When the last justerare has confirmed, the minutes lock: the meeting, minutes,
 * decisions and attendance are the record from then on (the services and a database trigger refuse
 * every change).
 */
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { insertAgendaItem, openFollowUps } from './agenda.repo.ts'
import { type SeatAttendance, seatsOfMeeting } from './attendance.repo.ts'
import * as repo from './justering.repo.ts'
import { type MeetingAccess, changeOpenMeeting, loadMeeting, requireManage } from './meetings.access.ts'
import { JusteringRefused, MinutesApproved } from './meetings.errors.ts'
import { isJusterareAccount } from './meetings.policy.ts'
import { type Meeting, lockMeeting, setMeeting } from './meetings.repo.ts'
import { stockholmParts } from './meetings.time.ts'
import { listDecisions } from './minutes.repo.ts'

const audited = (meetingId: string, organisationId: string) => ({ entityType: 'meeting', entityId: meetingId, organisationId })

/** Those present at the meeting: the only ones who can be justerare. A substitute stands under their own name. */
export const presentAtMeeting = (seats: SeatAttendance[]) =>
  seats
    .filter((s) => s.status === 'present' || s.status === 'substitute_present')
    .map((s) => ({ ...s, name: s.status === 'substitute_present' ? (s.substituteName ?? s.personName) : s.personName }))

/** What stops a justering now; empty when the minutes may be sent. */
export async function justeringBlockers(db: Db, meeting: Meeting, now = new Date()): Promise<{ field: string; key: string }[]> {
  const blockers: { field: string; key: string }[] = []
  if (meeting.status === 'cancelled') blockers.push({ field: 'justerare', key: 'meetings.errors.justeringCancelled' })
  else if (meeting.endsAt.getTime() > now.getTime()) blockers.push({ field: 'justerare', key: 'meetings.errors.justeringBeforeMeeting' })
  if (!meeting.minutesText.trim()) blockers.push({ field: 'justerare', key: 'meetings.errors.justeringNoMinutes' })
  if (!(await listDecisions(db, meeting.id)).length) blockers.push({ field: 'justerare', key: 'meetings.errors.justeringNoDecisions' })
  return blockers
}

export interface JusteringState extends MeetingAccess {
  justerare: repo.JusterareRow[]
  present: ReturnType<typeof presentAtMeeting>
  blockers: { field: string; key: string }[]
  /** The actor's own unconfirmed justerare entry: they may justera with their account. */
  mine?: repo.JusterareRow
  /** Whether the actor's confirmation (or the secretary's record) would lock the minutes. */
  locksNext: boolean
}

export async function justeringState(deps: Deps, actor: Actor | undefined, meetingId: unknown): Promise<JusteringState> {
  const access = await loadMeeting(deps.db, actor, meetingId)
  const { meeting } = access
  const [justerare, seats] = await Promise.all([
    repo.listJusterare(deps.db, meeting.id),
    seatsOfMeeting(deps.db, { id: meeting.id, bodyId: meeting.bodyId, date: stockholmParts(meeting.startsAt).date }),
  ])
  const pending = justerare.filter((j) => !j.confirmedAt)
  const mine = meeting.justeringRequestedAt && !meeting.minutesApprovedAt ? pending.find((j) => isJusterareAccount(actor, j)) : undefined
  return {
    ...access,
    justerare,
    present: presentAtMeeting(seats),
    blockers: await justeringBlockers(deps.db, meeting),
    mine,
    locksNext: pending.length <= 1,
  }
}

/**
 * Sends the minutes for justering to one or two of those present. Refused before the meeting has
 * ended, without minutes text, without a numbered decision, or with a justerare who was not present.
 * @throws JusteringRefused (400), StaleVersionError, MinutesApproved, UnderJustering
 */
export async function requestJustering(deps: Deps, ctx: Ctx, meetingId: unknown, input: { seatIds: string[]; version: number }) {
  const state = requireManage(await justeringState(deps, ctx.actor, meetingId))
  const { meeting, body } = state
  const blocker = state.blockers[0]
  if (blocker) throw new JusteringRefused(blocker.field, blocker.key)
  const seatIds = [...new Set(input.seatIds)]
  if (seatIds.length < 1 || seatIds.length > 2) throw new JusteringRefused('justerare', 'meetings.errors.justerareCount')
  const chosen = seatIds.map((id) => state.present.find((p) => p.seatId === id))
  if (chosen.some((c) => !c)) throw new JusteringRefused('justerare', 'meetings.errors.justerareNotPresent')
  return changeOpenMeeting(
    deps,
    meeting.id,
    async (tx) => {
      // Re-checked under the row lock: a late edit to the minutes cannot slip past the blockers.
      const locked = (await lockMeeting(tx, meeting.id))!
      const late = await justeringBlockers(tx, locked)
      if (late[0]) throw new JusteringRefused(late[0].field, late[0].key)
      await repo.insertJusterare(
        tx,
        chosen.map((c, i) => ({ meetingId: meeting.id, seatId: c!.seatId, personId: c!.personId, name: c!.name, position: i + 1 })),
      )
      const after = await setMeeting(tx, meeting.id, { justeringRequestedAt: new Date() })
      await audit(tx, ctx, {
        action: 'meeting.justering_requested',
        ...audited(meeting.id, body.organisationId),
        after: { justerare: chosen.map((c) => c!.name) },
      })
      return after
    },
    input.version,
  )
}

/** Takes the minutes back from justering (to correct them or choose other justerare); confirmations so far lapse. */
export async function withdrawJustering(deps: Deps, ctx: Ctx, meetingId: unknown) {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  await deps.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, meeting.id)
    if (!current) throw new NotFoundError()
    if (current.minutesApprovedAt) throw new MinutesApproved()
    if (!current.justeringRequestedAt) return
    const before = await repo.listJusterare(tx, meeting.id)
    await repo.deleteJusterare(tx, meeting.id)
    await setMeeting(tx, meeting.id, { justeringRequestedAt: null, version: current.version + 1 })
    await audit(tx, ctx, {
      action: 'meeting.justering_withdrawn',
      ...audited(meeting.id, body.organisationId),
      before: { justerare: before.map((j) => ({ name: j.name, confirmed: !!j.confirmedAt })) },
    })
  })
}

/**
 * One justering step under the meeting's row lock: still waiting for justering, the page's version
 * (a withdrawal and a new request change it), then `work`; the minutes lock when nobody is left.
 */
async function justeringStep(
  deps: Deps,
  ctx: Ctx,
  access: MeetingAccess,
  version: number,
  work: (tx: Db, pending: repo.JusterareRow[]) => Promise<{ action: string; names: string[] }>,
): Promise<{ locked: boolean }> {
  const { meeting, body } = access
  return deps.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, meeting.id)
    if (!current) throw new NotFoundError()
    if (current.minutesApprovedAt) throw new MinutesApproved()
    if (!current.justeringRequestedAt) throw new JusteringRefused('', 'meetings.errors.justeringNotRequested')
    if (current.version !== version) throw new StaleVersionError(current)
    const pending = (await repo.listJusterare(tx, meeting.id)).filter((j) => !j.confirmedAt)
    const { action, names } = await work(tx, pending)
    await audit(tx, ctx, { action, ...audited(meeting.id, body.organisationId), after: { justerare: names } })
    const all = await repo.listJusterare(tx, meeting.id)
    if (all.some((j) => !j.confirmedAt)) return { locked: false }
    await lockMinutes(tx, ctx, current, body.organisationId, all)
    return { locked: true }
  })
}

/**
 * The meeting, when the actor is one of its justerare; anyone else is refused before anything about
 * the justering (its state, the page's version, the form) is looked at or told. @throws ForbiddenError
 */
export async function requireJusterare(deps: Deps, actor: Actor | undefined, meetingId: unknown): Promise<MeetingAccess> {
  const access = await loadMeeting(deps.db, actor, meetingId)
  const justerare = await repo.listJusterare(deps.db, access.meeting.id)
  if (!justerare.some((j) => isJusterareAccount(actor, j))) throw new ForbiddenError()
  return access
}

/** A justerare confirms with their own account. @throws ForbiddenError unless the actor is a pending justerare */
export async function confirmJustering(deps: Deps, ctx: Ctx, meetingId: unknown, version: number) {
  const access = await requireJusterare(deps, ctx.actor, meetingId)
  return justeringStep(deps, ctx, access, version, async (tx, pending) => {
    const mine = pending.find((j) => isJusterareAccount(ctx.actor, j))
    if (!mine) throw new ForbiddenError()
    await repo.confirmJusterare(tx, [mine.id], { method: 'account', userId: ctx.actor.userId, justeradOn: formatIsoDate(new Date()) })
    return { action: 'meeting.justering_confirmed', names: [mine.name] }
  })
}

/**
 * The secretary records that the remaining justerare have justerat (on paper), and on which day:
 * not before the meeting and not in the future. @throws JusteringRefused, ForbiddenError
 */
export async function recordJustering(deps: Deps, ctx: Ctx, meetingId: unknown, input: { justeradOn: string; version: number }) {
  const access = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  const meetingDay = stockholmParts(access.meeting.startsAt).date
  if (input.justeradOn < meetingDay || input.justeradOn > formatIsoDate(new Date())) throw new JusteringRefused('justeradOn', 'meetings.errors.justeradOnRange')
  return justeringStep(deps, ctx, access, input.version, async (tx, pending) => {
    await repo.confirmJusterare(
      tx,
      pending.map((j) => j.id),
      { method: 'recorded', recordedBy: ctx.actor.userId, justeradOn: input.justeradOn },
    )
    return { action: 'meeting.justering_recorded', names: pending.map((j) => j.name) }
  })
}

/**
 * Locks the minutes. The follow-ups shown on the agenda are written down now, so a later "done" does
 * not rewrite it; the meeting counts as held.
 */
async function lockMinutes(tx: Db, ctx: Ctx, before: Meeting, organisationId: string, justerare: repo.JusterareRow[]) {
  for (const f of await openFollowUps(tx, before.bodyId, before.startsAt)) {
    await insertAgendaItem(tx, { meetingId: before.id, title: f.title, actionItemId: f.actionItemId })
  }
  const after = await setMeeting(tx, before.id, {
    minutesApprovedAt: new Date(),
    minutesApprovedBy: justerare.map((j) => j.name).join(', '),
    status: 'held',
    version: before.version + 1,
  })
  await audit(tx, ctx, { action: 'meeting.minutes_approved', ...audited(before.id, organisationId), before, after })
}
