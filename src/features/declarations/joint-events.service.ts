import { type AuditContext, audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { type FileInfo, insertFile } from '../../platform/files/files.repo.ts'
import type { CheckedFile } from '../../platform/files/uploads.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { isUuid } from '../collaborations/index.ts'
import { fieldError } from './declarations.errors.ts'
import * as declarationsRepo from './declarations.repo.ts'
import { loadCollaboration, todayIso } from './declarations.service.ts'
import type { JointEventAnswer, JointEventKind } from './declarations.tables.ts'
import { canManageJointEvents, canReadJointEvents } from './joint-events.policy.ts'
import * as repo from './joint-events.repo.ts'
import type { AnswerInput, JointEventInput, UpdateJointEventInput } from './joint-events.schemas.ts'

const auditedEvent = (e: repo.JointEvent, file?: FileInfo | null) => ({
  ...e,
  invitationFile: file ? { id: file.id, filename: file.filename, sha256: file.sha256, size: file.size } : undefined,
})

/** The events of a collaboration for a partner, and whether the actor may arrange them. */
export async function loadEvents(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  const { collaboration, scope } = await loadCollaboration(deps, actor, collaborationId)
  if (!canReadJointEvents(actor, scope)) throw new ForbiddenError()
  const events = await repo.listEvents(deps.db, collaboration.id)
  return { collaboration, scope, events, canManage: canManageJointEvents(actor, scope) }
}

/** The collaboration for the new-event form; only its coordinators (and the admin) get it. */
export async function loadForNewEvent(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  const { collaboration, scope } = await loadCollaboration(deps, actor, collaborationId)
  if (!canManageJointEvents(actor, scope)) throw new ForbiddenError()
  return collaboration
}

/**
 * One event with every party's invitation, answer, joining date and signature. Unknown id → 404;
 * not a partner → 403.
 */
export async function loadEvent(deps: Deps, actor: Actor | undefined, eventId: unknown) {
  const event = isUuid(eventId) ? await repo.findEvent(deps.db, eventId) : undefined
  if (!event) throw new NotFoundError()
  const { collaboration, scope } = await loadCollaboration(deps, actor, event.collaborationId)
  if (!canReadJointEvents(actor, scope)) throw new ForbiddenError()
  const parties = await repo.listEventParties(deps.db, event, await repo.latestVersionId(deps.db, collaboration.id))
  return { collaboration, scope, event, parties, canManage: canManageJointEvents(actor, scope) }
}

/** As loadEvent, for the forms that change it. */
export async function loadEventForEdit(deps: Deps, actor: Actor | undefined, eventId: unknown) {
  const loaded = await loadEvent(deps, actor, eventId)
  if (!loaded.canManage) throw new ForbiddenError()
  return loaded
}

const duplicate = () => fieldError('joint_event_exists', 'declarations.errors.eventExists', 'eventDate')

/**
 * Creates a joint event and invites every current party to it, each at the event's level.
 * @throws NotFoundError, ForbiddenError, DomainError (an event of the kind on that day exists)
 */
export async function createEvent(deps: Deps, ctx: Ctx, collaborationId: string, input: JointEventInput, file?: CheckedFile) {
  const collaboration = await loadForNewEvent(deps, ctx.actor, collaborationId)
  return deps.db.transaction(async (tx) => {
    const stored = file ? await insertFile(tx, file, { organisationId: collaboration.organisationId, uploadedBy: ctx.actor.userId }) : null
    const event = await repo.insertEvent(tx, {
      collaborationId: collaboration.id,
      kind: input.kind,
      eventDate: input.eventDate,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      place: input.place,
      invitedLevel: input.invitedLevel ?? '',
      note: input.note ?? '',
      invitationFileId: stored?.id ?? null,
      organisationId: collaboration.organisationId,
    })
    // The unique key refused it: roll back, so the uploaded file is not kept either.
    if (!event) throw duplicate()
    const parties = await declarationsRepo.listCurrentParties(tx, collaboration.id)
    const invited = await repo.insertEventParties(
      tx,
      event.id,
      parties.map((p) => p.organisationId),
    )
    await audit(tx, ctx, {
      action: 'joint_event.created',
      entityType: 'joint_event',
      entityId: event.id,
      organisationId: collaboration.organisationId,
      after: { ...auditedEvent(event, stored), invitedParties: invited.map((p) => p.organisationId) },
    })
    return event
  })
}

/**
 * Changes an event (date, time, place, level, invitation). A stale form is refused and nothing is
 * stored, not even the uploaded file.
 * @throws NotFoundError, ForbiddenError, StaleVersionError, DomainError
 */
export async function updateEvent(deps: Deps, ctx: Ctx, eventId: string, input: UpdateJointEventInput, file?: CheckedFile) {
  const { event: found, collaboration } = await loadEventForEdit(deps, ctx.actor, eventId)
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockEvent(tx, found.id)
    if (!before) throw new NotFoundError()
    if (before.version !== input.version) throw new StaleVersionError(before)
    const clash = await repo.findEventByKey(tx, before.collaborationId, input.kind, input.eventDate)
    if (clash && clash.id !== before.id) throw duplicate()
    const stored = file ? await insertFile(tx, file, { organisationId: collaboration.organisationId, uploadedBy: ctx.actor.userId }) : null
    const after = await repo.updateEvent(tx, before.id, input.version, {
      kind: input.kind,
      eventDate: input.eventDate,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      place: input.place,
      invitedLevel: input.invitedLevel ?? '',
      note: input.note ?? '',
      invitationFileId: stored?.id ?? (input.removeFile ? null : before.invitationFileId),
    })
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'joint_event.updated',
      entityType: 'joint_event',
      entityId: after.id,
      organisationId: collaboration.organisationId,
      before,
      after: auditedEvent(after, stored),
    })
    return after
  })
}

/**
 * Records a party's answer to the invitation (attends, declines, no answer yet) and who attends.
 * A party that joined after the event was created is invited now.
 * @throws NotFoundError, ForbiddenError, StaleVersionError
 */
export async function recordAnswer(deps: Deps, ctx: Ctx, eventId: string, input: AnswerInput) {
  const { event, scope } = await loadEventForEdit(deps, ctx.actor, eventId)
  if (!scope.partyIds.includes(input.organisationId)) throw new NotFoundError()
  return deps.db.transaction(async (tx) => {
    await repo.insertEventParties(tx, event.id, [input.organisationId])
    const before = await repo.lockEventParty(tx, event.id, input.organisationId)
    if (!before) throw new NotFoundError()
    if (before.version !== input.version) throw new StaleVersionError(before)
    const after = await repo.updateEventParty(tx, before.id, input.version, answerValues(input.answer, input))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'joint_event.answer_recorded',
      entityType: 'joint_event',
      entityId: event.id,
      organisationId: input.organisationId,
      before,
      after,
    })
    return after
  })
}

/** "No answer" keeps no attendees or answer date: there is nothing to keep yet. */
function answerValues(answer: JointEventAnswer, input: { attendees?: string; invitedLevel?: string; answeredOn?: string }) {
  return {
    answer,
    attendees: answer === 'attends' ? (input.attendees ?? '') : '',
    invitedLevel: input.invitedLevel || null,
    answeredOn: answer === 'no_answer' ? null : (input.answeredOn ?? todayIso()),
  }
}

// ---- For the seed (demo data), which acts as the system, not as a user ----

export interface JointEventSeed {
  collaborationId: string
  kind: JointEventKind
  eventDate: string
  startTime?: string
  endTime?: string
  place: string
  invitedLevel?: string
  note?: string
  /** The invitation document, already checked (checkUpload). */
  invitation?: CheckedFile
  /** Per party (organisation id): its own invited level, its answer and who attends. */
  answers?: { organisationId: string; invitedLevel?: string; answer: JointEventAnswer; attendees?: string; answeredOn?: string }[]
}

/**
 * Records a joint event with the parties' answers, idempotently: an event of the kind on that day
 * that exists is left as it is (a coordinator's later changes survive a restart) and nothing is
 * written or audited. Returns the event's id, for linking signatures to it (party_signatures.signed_at_event_id).
 */
export async function recordJointEvent(deps: Deps, seed: JointEventSeed, ctx: AuditContext = { actor: { label: 'system:demo' } }) {
  const existing = await repo.findEventByKey(deps.db, seed.collaborationId, seed.kind, seed.eventDate)
  if (existing) return { id: existing.id, created: false }
  return deps.db.transaction(async (tx) => {
    const collaboration = await declarationsRepo.findCollaborationInfo(tx, seed.collaborationId)
    if (!collaboration) throw new NotFoundError()
    const stored = seed.invitation ? await insertFile(tx, seed.invitation, { organisationId: collaboration.organisationId }) : null
    const event = await repo.insertEvent(tx, {
      collaborationId: seed.collaborationId,
      kind: seed.kind,
      eventDate: seed.eventDate,
      startTime: seed.startTime ?? null,
      endTime: seed.endTime ?? null,
      place: seed.place,
      invitedLevel: seed.invitedLevel ?? '',
      note: seed.note ?? '',
      invitationFileId: stored?.id ?? null,
      organisationId: collaboration.organisationId,
    })
    // Another instance seeding at the same moment made it first.
    if (!event) return { id: (await repo.findEventByKey(tx, seed.collaborationId, seed.kind, seed.eventDate))!.id, created: false }
    const parties = await declarationsRepo.listCurrentParties(tx, seed.collaborationId)
    await repo.insertEventParties(
      tx,
      event.id,
      parties.map((p) => p.organisationId),
    )
    for (const a of seed.answers ?? []) {
      const row = await repo.lockEventParty(tx, event.id, a.organisationId)
      if (row) await repo.updateEventParty(tx, row.id, row.version, answerValues(a.answer, a))
    }
    await audit(tx, ctx, {
      action: 'joint_event.created',
      entityType: 'joint_event',
      entityId: event.id,
      organisationId: collaboration.organisationId,
      after: { ...auditedEvent(event, stored), answers: seed.answers ?? [] },
    })
    return { id: event.id, created: true }
  })
}
