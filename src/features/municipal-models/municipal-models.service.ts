import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { findOrganisation } from '../organisations/index.ts'
import { canEditMunicipalModel } from './municipal-models.policy.ts'
import * as repo from './municipal-models.repo.ts'
import type { ModelInput, MunicipalBodyInput, UpdateMunicipalBodyInput } from './municipal-models.schemas.ts'

/** The chosen body to report to is not in this model, or is the body itself or one below it. */
export class BadReportingLine extends DomainError {
  constructor() {
    super('bad_reporting_line', 'municipalModels.errors.parentInvalid', 400, 'parentId')
  }
}

/**
 * A municipality's model as its page shows it. Only municipalities have one: any other organisation
 * id is a 404, like an id that does not exist. @throws NotFoundError
 */
export async function getModel(deps: Deps, actor: Actor | undefined, organisationId: string) {
  const organisation = await findOrganisation(deps.db, organisationId)
  if (organisation?.kind !== 'municipality') throw new NotFoundError()
  const model = await repo.findModel(deps.db, organisationId)
  const bodies = model ? await repo.listBodies(deps.db, model.id) : []
  return { organisation, model, bodies, canEdit: canEditMunicipalModel(actor, organisationId) }
}

/** As getModel, for the municipality's own editors (and the admin). @throws NotFoundError, ForbiddenError */
export async function getEditableModel(deps: Deps, actor: Actor | undefined, organisationId: string) {
  const ctx = await getModel(deps, actor, organisationId)
  if (!ctx.canEdit) throw new ForbiddenError()
  return ctx
}

/** Saves the description and the samordningsfunktion; creates the model on first save. @throws ForbiddenError, StaleVersionError */
export async function saveModel(deps: Deps, ctx: Ctx, organisationId: string, input: ModelInput) {
  await getEditableModel(deps, ctx.actor, organisationId)
  return deps.db.transaction(async (tx) => {
    const { model: before, created } = await repo.ensureModel(tx, organisationId)
    // A model someone else created meanwhile, or changed since the form was opened: not overwritten.
    if (!created && input.version !== before.version) throw new StaleVersionError(before)
    const after = await repo.updateModel(tx, before.id, before.version, {
      description: input.description ?? '',
      coordinationRole: input.coordinationRole ?? null,
      coordinationPerson: input.coordinationPerson ?? null,
      coordinationSince: input.coordinationSince ?? null,
      showSketch: input.showSketch,
    })
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: created ? 'municipal_model.created' : 'municipal_model.updated',
      entityType: 'municipal_model',
      entityId: after.id,
      organisationId,
      before: created ? undefined : before,
      after,
    })
    return after
  })
}

async function checkParent(tx: Db, modelId: string, parentId: string | undefined, bodyId?: string) {
  if (!parentId) return
  const all = await repo.listBodies(tx, modelId)
  if (!all.some((b) => b.id === parentId)) throw new BadReportingLine()
  // Walk up from the chosen parent: meeting the body itself would close a loop.
  let at: string | null = parentId
  for (let i = 0; at && i <= all.length; i++) {
    if (at === bodyId) throw new BadReportingLine()
    at = all.find((b) => b.id === at)?.parentId ?? null
  }
}

const bodyValues = (input: MunicipalBodyInput) => ({
  kind: input.kind,
  name: input.name,
  purpose: input.purpose ?? '',
  chair: input.chair ?? null,
  members: input.members ?? null,
  meetingRhythm: input.meetingRhythm ?? null,
  parentId: input.parentId ?? null,
})

/** @throws ForbiddenError, BadReportingLine */
export async function addBody(deps: Deps, ctx: Ctx, organisationId: string, input: MunicipalBodyInput) {
  await getEditableModel(deps, ctx.actor, organisationId)
  return deps.db.transaction(async (tx) => {
    const { model } = await repo.ensureModel(tx, organisationId)
    await checkParent(tx, model.id, input.parentId)
    const body = await repo.insertBody(tx, { ...bodyValues(input), modelId: model.id })
    await audit(tx, ctx, { action: 'municipal_body.created', entityType: 'municipal_body', entityId: body.id, organisationId, after: body })
    return body
  })
}

/** One body of the municipality's model. @throws NotFoundError */
export async function loadBody(deps: Deps, organisationId: string, bodyId: string) {
  const model = await repo.findModel(deps.db, organisationId)
  const body = model && (await repo.findBody(deps.db, model.id, bodyId))
  if (!body) throw new NotFoundError()
  return body
}

/** @throws ForbiddenError, NotFoundError, BadReportingLine, StaleVersionError */
export async function updateBody(deps: Deps, ctx: Ctx, organisationId: string, bodyId: string, input: UpdateMunicipalBodyInput) {
  await getEditableModel(deps, ctx.actor, organisationId)
  return deps.db.transaction(async (tx) => {
    const model = await repo.findModel(tx, organisationId)
    const before = model && (await repo.findBody(tx, model.id, bodyId))
    if (!model || !before) throw new NotFoundError()
    await checkParent(tx, model.id, input.parentId, bodyId)
    const after = await repo.updateBody(tx, bodyId, input.version, bodyValues(input))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, { action: 'municipal_body.updated', entityType: 'municipal_body', entityId: bodyId, organisationId, before, after })
    return after
  })
}

/** @throws ForbiddenError, NotFoundError */
export async function removeBody(deps: Deps, ctx: Ctx, organisationId: string, bodyId: string) {
  await getEditableModel(deps, ctx.actor, organisationId)
  return deps.db.transaction(async (tx) => {
    const model = await repo.findModel(tx, organisationId)
    const before = model && (await repo.findBody(tx, model.id, bodyId))
    if (!model || !before) throw new NotFoundError()
    await repo.deleteBody(tx, bodyId)
    await audit(tx, ctx, { action: 'municipal_body.removed', entityType: 'municipal_body', entityId: bodyId, organisationId, before })
    return before
  })
}
