import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError, StaleVersionError, uniqueViolation } from '../../platform/http/errors.ts'
import { isUuid } from '../collaborations/index.ts'
import { seatsOfMeeting } from './attendance.repo.ts'
import { changeOpenMeeting, loadMeeting, requireManage } from './meetings.access.ts'
import { ActionItemDone, MeetingFieldError, ParagraphTaken } from './meetings.errors.ts'
import type { ActionItemInput, DecisionInput, DistributionInput, MinutesInput, UpdateActionItemInput, UpdateDecisionInput } from './meetings.schemas.ts'
import { stockholmParts } from './meetings.time.ts'
import * as repo from './minutes.repo.ts'
import { setMeeting } from './meetings.repo.ts'
import { partyNames } from './meetings.service.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

const audited = (meetingId: string, organisationId: string) => ({ entityType: 'meeting', entityId: meetingId, organisationId })

/** The minutes text; the form carries the meeting's version. @throws StaleVersionError, MinutesApproved */
export async function saveMinutesText(deps: Deps, ctx: Ctx, meetingId: unknown, input: MinutesInput) {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  return changeOpenMeeting(
    deps,
    meeting.id,
    async (tx, _m, before) => {
      const after = await setMeeting(tx, meeting.id, { minutesText: input.minutesText })
      await audit(tx, ctx, {
        action: 'meeting.minutes_saved',
        ...audited(meeting.id, body.organisationId),
        before: { minutesText: before.minutesText },
        after: { minutesText: after.minutesText },
      })
      return after
    },
    input.version,
  )
}

/**
 * Adds a decision with the next § of the body in the meeting's year (Stockholm). The number is
 * computed inside the transaction; when a concurrent decision took it (unique index), the whole
 * transaction is retried with a fresh number.
 */
export async function addDecision(deps: Deps, ctx: Ctx, meetingId: unknown, input: DecisionInput): Promise<repo.Decision> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  const year = stockholmParts(meeting.startsAt).year
  for (let attempt = 0; ; attempt++) {
    try {
      return await changeOpenMeeting(deps, meeting.id, async (tx) => {
        const d = await repo.insertDecision(tx, { meetingId: meeting.id, bodyId: body.id, year, title: input.title, decisionText: input.decisionText })
        await audit(tx, ctx, { action: 'meeting.decision_added', ...audited(meeting.id, body.organisationId), after: d })
        return d
      })
    } catch (err) {
      if (!uniqueViolation(err, 'meeting_decisions_paragraph_key')) throw err
      if (attempt >= 4) throw new ParagraphTaken()
    }
  }
}

/** Corrects a decision's title or text before justering; its § stays. */
export async function updateDecision(deps: Deps, ctx: Ctx, meetingId: unknown, decisionId: unknown, input: UpdateDecisionInput): Promise<repo.Decision> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  if (!isUuid(decisionId)) throw new NotFoundError()
  return changeOpenMeeting(
    deps,
    meeting.id,
    async (tx) => {
      const before = await repo.findDecision(tx, meeting.id, decisionId)
      if (!before) throw new NotFoundError()
      const after = await repo.updateDecision(tx, before.id, { title: input.title, decisionText: input.decisionText })
      await audit(tx, ctx, { action: 'meeting.decision_updated', ...audited(meeting.id, body.organisationId), before, after })
      return after
    },
    input.version,
  )
}

export async function findDecisionFor(deps: Deps, actor: Actor | undefined, meetingId: unknown, decisionId: unknown) {
  const access = requireManage(await loadMeeting(deps.db, actor, meetingId))
  const decision = isUuid(decisionId) ? await repo.findDecision(deps.db, access.meeting.id, decisionId) : undefined
  if (!decision) throw new NotFoundError()
  return { ...access, decision }
}

// ---- Action items ----

/** People who may own an action item: holders of the meeting's seats (or a free-text name instead). */
export async function ownerOptions(deps: Deps, meeting: { id: string; bodyId: string; startsAt: Date }) {
  const seats = await seatsOfMeeting(deps.db, { id: meeting.id, bodyId: meeting.bodyId, date: stockholmParts(meeting.startsAt).date })
  return [...new Map(seats.map((s) => [s.personId, { value: s.personId, label: `${s.personName} (${s.partyName})` }])).values()]
}

async function checkOwner(deps: Deps, meeting: { id: string; bodyId: string; startsAt: Date }, personId: string | undefined, current?: string | null) {
  if (!personId || personId === current) return
  if (!(await ownerOptions(deps, meeting)).some((o) => o.value === personId)) throw new MeetingFieldError('ownerPersonId', 'meetings.errors.ownerInvalid')
}

const actionValues = (input: ActionItemInput, wasDone = false) => ({
  title: input.title,
  ownerPersonId: input.ownerPersonId ?? null,
  ownerName: input.ownerPersonId ? null : (input.ownerName ?? null),
  dueOn: input.dueOn ?? null,
  status: input.status,
  doneAt: input.status === 'done' && !wasDone ? new Date() : null,
})

/** Adds an action item to the minutes (before justering; it is part of what is approved). */
export async function addActionItem(deps: Deps, ctx: Ctx, meetingId: unknown, input: ActionItemInput): Promise<repo.ActionItem> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  await checkOwner(deps, meeting, input.ownerPersonId)
  return changeOpenMeeting(deps, meeting.id, async (tx) => {
    const item = await repo.insertActionItem(tx, { meetingId: meeting.id, bodyId: body.id, ...actionValues(input) })
    await audit(tx, ctx, {
      action: 'meeting.action_item_added',
      entityType: 'action_item',
      entityId: item.id,
      organisationId: body.organisationId,
      after: item,
    })
    return item
  })
}

export async function loadActionItem(deps: Deps, actor: Actor | undefined, itemId: unknown) {
  const item = isUuid(itemId) ? await repo.findActionItem(deps.db, itemId) : undefined
  if (!item) throw new NotFoundError()
  const access = requireManage(await loadMeeting(deps.db, actor, item.meetingId))
  return { ...access, item }
}

/**
 * Changes an action item — also after justering (follow-up continues) — until it is done; a done
 * item is closed. @throws ActionItemDone, StaleVersionError
 */
export async function updateActionItem(deps: Deps, ctx: Ctx, itemId: unknown, input: UpdateActionItemInput): Promise<repo.ActionItem> {
  const { item, meeting, body } = await loadActionItem(deps, ctx.actor, itemId)
  await checkOwner(deps, meeting, input.ownerPersonId, item.ownerPersonId)
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockActionItem(tx, item.id)
    if (!before) throw new NotFoundError()
    if (before.status === 'done') throw new ActionItemDone()
    const after = await repo.updateActionItem(tx, item.id, input.version, actionValues(input))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'meeting.action_item_updated',
      entityType: 'action_item',
      entityId: item.id,
      organisationId: body.organisationId,
      before,
      after,
    })
    return after
  })
}

// ---- Distribution ----

/** Adds a party (by its name) or a free-text recipient to "Beslutet skickas till". */
export async function addDistribution(deps: Deps, ctx: Ctx, meetingId: unknown, input: DistributionInput) {
  const { meeting, body, scope } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  let recipient = input.recipient
  if (input.organisationId) {
    const party = (await partyNames(deps.db, scope.partyIds)).find((p) => p.id === input.organisationId)
    if (!party) throw new MeetingFieldError('organisationId', 'meetings.errors.recipientRequired')
    recipient = party.name
  }
  return changeOpenMeeting(deps, meeting.id, async (tx) => {
    const entry = await repo.insertDistribution(tx, { meetingId: meeting.id, organisationId: input.organisationId ?? null, recipient: recipient! })
    await audit(tx, ctx, { action: 'meeting.distribution_added', ...audited(meeting.id, body.organisationId), after: entry })
    return entry
  })
}

export async function removeDistribution(deps: Deps, ctx: Ctx, meetingId: unknown, entryId: unknown) {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  if (!isUuid(entryId)) throw new NotFoundError()
  await changeOpenMeeting(deps, meeting.id, async (tx) => {
    const removed = await repo.deleteDistribution(tx, meeting.id, entryId)
    if (!removed) throw new NotFoundError()
    await audit(tx, ctx, { action: 'meeting.distribution_removed', ...audited(meeting.id, body.organisationId), before: removed })
  })
}
