import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { findFile, insertFile, type StoredFile } from '../../platform/files/files.repo.ts'
import type { CheckedFile } from '../../platform/files/uploads.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { canEditForParty, canManageCollaboration, isPartner } from '../collaborations/index.ts'
import { collaborationScope, isUuid } from '../collaborations/index.ts'
import { NotCurrentVersion, StepNotAllowed, fieldError } from './declarations.errors.ts'
import * as declarationsRepo from './declarations.repo.ts'
import type { StepInput } from './declarations.schemas.ts'
import { loadCollaboration, todayIso } from './declarations.service.ts'
import type { SignatureStatus } from './declarations.tables.ts'
import * as repo from './signatures.repo.ts'
import { NEXT_STEPS, canStep, dateProblems } from './signatures.workflow.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import type { Db } from '../../platform/db/types.ts'
import { findEvent } from './joint-events.repo.ts'

/**
 * A party's record for a reader (any partner), with what the actor may do next. Only the newest
 * version's records move on; older ones are history.
 * @throws NotFoundError, ForbiddenError
 */
export async function loadSignature(deps: Deps, actor: Actor | undefined, signatureId: unknown) {
  const signature = isUuid(signatureId) ? await repo.findSignatureRow(deps.db, signatureId) : undefined
  const scope = signature && (await collaborationScope(deps.db, signature.collaborationId))
  if (!signature || !scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  const isCurrent = signature.versionNo === (await declarationsRepo.latestVersionNo(deps.db, signature.collaborationId))
  const canEdit = canEditForParty(actor, scope, signature.organisationId)
  const nextSteps: SignatureStatus[] = canEdit && isCurrent ? [...NEXT_STEPS[signature.status]] : []
  return { signature, scope, isCurrent, canEdit, nextSteps }
}

/** The columns a step writes; everything else on the record stays as it was. */
function stepValues(input: StepInput): Partial<repo.Signature> {
  switch (input.step) {
    case 'in_preparation':
      return { status: input.step, caseNumber: input.caseNumber ?? null, responsibleOfficial: input.responsibleOfficial, memoDate: input.memoDate ?? null }
    case 'decided':
      return {
        status: input.step,
        decisionBody: input.decisionBody,
        decisionDate: input.decisionDate,
        decisionParagraph: input.decisionParagraph ?? null,
        decisionLines: input.decisionLines,
      }
    case 'signed':
      return {
        status: input.step,
        signerName: input.signerName,
        signerTitle: input.signerTitle ?? null,
        signedOn: input.signedOn,
        signedAtEventId: input.signedAtEventId ?? null,
      }
    case 'declined':
    case 'withdrawn':
      return { status: input.step, reason: input.reason }
  }
}

const STEP_FIELDS: Record<SignatureStatus, readonly string[]> = {
  invited: [],
  in_preparation: ['memoDate'],
  decided: ['decisionDate'],
  signed: ['signedOn'],
  declined: [],
  withdrawn: [],
}

/**
 * Takes one step of the workflow (or corrects the current step), dated and audited in one
 * transaction. The record row is locked, then the version is checked, so two people sending the same
 * form one after the other: the second gets StaleVersionError and nothing of theirs is written.
 * @throws NotFoundError, ForbiddenError, NotCurrentVersion, StaleVersionError, StepNotAllowed, DomainError (dates)
 */
export async function recordStep(deps: Deps, ctx: Ctx, signatureId: string, input: StepInput): Promise<repo.Signature> {
  const { signature, scope } = await loadSignature(deps, ctx.actor, signatureId)
  if (!canEditForParty(ctx.actor, scope, signature.organisationId)) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockSignature(tx, signature.id)
    if (!before) throw new NotFoundError()
    // FOR SHARE: a decision and an edit of the declaration's text cannot interleave.
    const dv = await declarationsRepo.lockVersion(tx, before.declarationVersionId, 'share')
    if (!dv || dv.versionNo !== (await declarationsRepo.latestVersionNo(tx, dv.collaborationId))) throw new NotCurrentVersion()
    if (before.version !== input.version) throw new StaleVersionError(before)
    if (!canStep(before.status, input.step)) throw new StepNotAllowed({ from: before.status, to: input.step })
    const values = stepValues(input)
    const problems = dateProblems({ ...before, ...values } as repo.Signature, todayIso())
    const problem = problems.find((p) => STEP_FIELDS[input.step].includes(p.field)) ?? problems[0]
    if (problem) throw fieldError('date_rule', problem.key, problem.field, problem.params)
    if (input.step === 'signed' && input.signedAtEventId) await checkJointSigning(tx, dv.collaborationId, input.signedAtEventId, input.signedOn)
    const after = await repo.updateSignature(tx, before.id, input.version, values)
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'signature.step',
      entityType: 'party_signature',
      entityId: after.id,
      organisationId: after.organisationId,
      before,
      after: { ...after, step: input.step },
    })
    return after
  })
}

/**
 * A signature recorded as made at the joint signing: the event must be this collaboration's joint
 * signing, and the date the one it took place on.
 */
async function checkJointSigning(tx: Db, collaborationId: string, eventId: string, signedOn: string) {
  const event = await findEvent(tx, eventId)
  if (!event || event.collaborationId !== collaborationId || event.kind !== 'signing') {
    throw fieldError('joint_event_unknown', 'declarations.errors.eventUnknown', 'signedAtEventId')
  }
  if (event.eventDate !== signedOn) throw fieldError('date_rule', 'declarations.errors.signedOnNotEventDate', 'signedOn', { date: event.eventDate })
}

/** Attaches a checked document (the decision, the signed declaration) to a party's record. */
export async function addAttachment(deps: Deps, ctx: Ctx, signatureId: string, file: CheckedFile, description: string | undefined) {
  const { signature, scope } = await loadSignature(deps, ctx.actor, signatureId)
  if (!canEditForParty(ctx.actor, scope, signature.organisationId)) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    const stored = await insertFile(tx, file, { organisationId: signature.organisationId, uploadedBy: ctx.actor.userId })
    const attachment = await repo.insertAttachment(tx, { partySignatureId: signature.id, fileId: stored.id, description: description ?? null })
    await audit(tx, ctx, {
      action: 'signature.attachment_added',
      entityType: 'party_signature',
      entityId: signature.id,
      organisationId: signature.organisationId,
      after: {
        attachmentId: attachment.id,
        description: attachment.description,
        file: { id: stored.id, filename: stored.filename, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 },
      },
    })
    return attachment
  })
}

/**
 * A stored file of this feature for a partner of its collaboration. Anyone else — and any file that
 * is not a declaration's or a signature's — gets 404, so file ids reveal nothing.
 */
export async function fileForDownload(deps: Deps, actor: Actor | undefined, fileId: unknown): Promise<StoredFile> {
  const collaborationId = isUuid(fileId) ? await declarationsRepo.collaborationOfFile(deps.db, fileId) : undefined
  const scope = collaborationId && (await collaborationScope(deps.db, collaborationId))
  if (!scope || !isPartner(actor, scope)) throw new NotFoundError()
  const file = await findFile(deps.db, fileId as string)
  if (!file) throw new NotFoundError()
  return file
}

/**
 * Invites a party that has no record on the newest version yet (it joined after the version was
 * made). Coordinators only. Returns undefined when it was already invited.
 */
export async function inviteParty(deps: Deps, ctx: Ctx, collaborationId: string, organisationId: string) {
  const { collaboration, scope } = await loadCollaboration(deps, ctx.actor, collaborationId)
  if (!canManageCollaboration(ctx.actor, scope)) throw new ForbiddenError()
  if (!scope.partyIds.includes(organisationId)) throw new NotFoundError()
  return deps.db.transaction(async (tx) => {
    const latest = await declarationsRepo.latestVersion(tx, collaboration.id)
    if (!latest) throw new NotFoundError()
    const created = await repo.insertSignature(tx, { declarationVersionId: latest.id, organisationId, invitedOn: todayIso() })
    if (created) {
      await audit(tx, ctx, { action: 'signature.invited', entityType: 'party_signature', entityId: created.id, organisationId, after: created })
    }
    return created
  })
}
