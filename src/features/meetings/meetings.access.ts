/**
 * Who may do what with meetings, applied to loaded records. Partners (anyone with a role at a party,
 * and the coordinators) read; the convenors — the coordinator of the owning länsstyrelse and the
 * editors of a convening party (meetings.policy.ts) — manage meetings, agenda and minutes; an editor
 * records attendance for the seats of their own party only.
 */
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { type BodyRow, findBodyRow } from '../bodies/index.ts'
import { canEditForParty, isPartner, listParties } from '../collaborations/index.ts'
import { type LoadedScope, isUuid, scopeOfBody } from '../collaborations/index.ts'
import { viewerOf } from '../collaborations/index.ts'
import { MinutesApproved, UnderJustering } from './meetings.errors.ts'
import { canConvene } from './meetings.policy.ts'
import { type Meeting, findMeeting, lockMeeting, touchMeeting } from './meetings.repo.ts'

export interface BodyAccess {
  body: BodyRow
  scope: LoadedScope
  /** A convenor (owner's coordinator, admin, or an editor of a convening party): meetings, agenda, minutes, invitations. */
  manage: boolean
  convenorIds: string[]
}

export interface MeetingAccess extends BodyAccess {
  meeting: Meeting
}

/** A body whose meetings the actor may read; 404 when they may not see the body, 403 when not a partner. */
export async function loadBody(db: Db, actor: Actor | undefined, bodyId: unknown): Promise<BodyAccess> {
  if (!isUuid(bodyId)) throw new NotFoundError()
  const body = await findBodyRow(db, viewerOf(actor), bodyId)
  const scope = body && (await scopeOfBody(db, body.id))
  if (!body || !scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  const convenorIds = await convenorsOfBody(db, scope)
  return { body, scope, convenorIds, manage: canConvene(actor, { ...scope, convenorIds }) }
}

/**
 * The parties that convene a body. Bodies have no convenor of their own in the data model yet, so
 * a body is convened by its collaboration's convening parties (collaboration_parties.is_convenor:
 * Länsstyrelsen and the police in ÖTMB). When bodies get their own convenors, only this changes.
 */
async function convenorsOfBody(db: Db, scope: LoadedScope): Promise<string[]> {
  return (await listParties(db, scope.collaborationId)).filter((p) => p.isConvenor).map((p) => p.organisationId)
}

export async function loadMeeting(db: Db, actor: Actor | undefined, meetingId: unknown): Promise<MeetingAccess> {
  if (!isUuid(meetingId)) throw new NotFoundError()
  const meeting = await findMeeting(db, meetingId)
  if (!meeting) throw new NotFoundError()
  return { ...(await loadBody(db, actor, meeting.bodyId)), meeting }
}

export function requireManage<T extends BodyAccess>(access: T): T {
  if (!access.manage) throw new ForbiddenError()
  return access
}

/** The parties whose seats the actor may record attendance for. */
export const attendanceParties = (actor: Actor | undefined, scope: LoadedScope): Set<string> =>
  new Set(scope.partyIds.filter((id) => canEditForParty(actor, scope, id)))

export const canRecordAttendance = (actor: Actor | undefined, access: BodyAccess, partyId: string) =>
  access.manage || attendanceParties(actor, access.scope).has(partyId)

/** Justerat: nothing changes any more. Sent for justering: nothing changes until the request is withdrawn. */
export const assertNotApproved = (m: Meeting) => {
  if (m.minutesApprovedAt) throw new MinutesApproved()
  if (m.justeringRequestedAt) throw new UnderJustering()
}

/**
 * Runs a change to a meeting that is not yet approved: one transaction, the meeting row locked,
 * justering (and, for edits, the version the form was made from) checked under the lock, the
 * meeting's version bumped. After justering it throws MinutesApproved (409), while the minutes wait
 * for justering UnderJustering (409), and nothing is written.
 */
export async function changeOpenMeeting<T>(
  deps: Deps,
  meetingId: string,
  work: (tx: Db, meeting: Meeting, before: Meeting) => Promise<T>,
  expectedVersion?: number,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const before = await lockMeeting(tx, meetingId)
    if (!before) throw new NotFoundError()
    assertNotApproved(before)
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw new StaleVersionError(before)
    return work(tx, await touchMeeting(tx, meetingId), before)
  })
}
