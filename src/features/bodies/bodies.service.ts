import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { Db } from '../../platform/db/types.ts'
import { canManageCollaboration, collaborationScope, findCollaborationFor, viewerOf } from '../collaborations/index.ts'
import * as repo from './bodies.repo.ts'
import { listConvenors } from './convenors.repo.ts'
import { ParentNotInCollaboration, ReportingCycle } from './bodies.errors.ts'
import type { BodyInput, UpdateBodyInput } from './bodies.schemas.ts'

/** A body the actor may see, with its collaboration, parent and the bodies reporting to it. @throws NotFoundError */
export async function getBody(deps: Deps, actor: Actor | undefined, bodyId: string) {
  const viewer = viewerOf(actor)
  const body = await repo.findBodyRow(deps.db, viewer, bodyId)
  const collaboration = body && (await findCollaborationFor(deps.db, viewer, body.collaborationId))
  const scope = body && (await collaborationScope(deps.db, body.collaborationId))
  if (!body || !collaboration || !scope) throw new NotFoundError()
  const [visible, convenors] = await Promise.all([repo.listBodies(deps.db, viewer, body.collaborationId), listConvenors(deps.db, body.id)])
  return {
    body,
    convenors,
    collaboration,
    scope,
    canManage: canManageCollaboration(actor, scope),
    parent: visible.find((b) => b.id === body.parentBodyId),
    children: sortBySv(
      visible.filter((b) => b.parentBodyId === body.id),
      (b) => b.name,
    ),
    /** Bodies it may report to: the collaboration's others, minus itself and those below it. */
    parentOptions: sortBySv(
      visible.filter((b) => !descendantsOf(visible, body.id).has(b.id)),
      (b) => b.name,
    ),
  }
}

/** What the create form needs: the collaboration (managers only) and the bodies one may report to. @throws NotFoundError, ForbiddenError */
export async function newBodyContext(deps: Deps, actor: Actor | undefined, collaborationId: string) {
  const viewer = viewerOf(actor)
  const collaboration = await findCollaborationFor(deps.db, viewer, collaborationId)
  const scope = collaboration && (await collaborationScope(deps.db, collaborationId))
  if (!collaboration || !scope) throw new NotFoundError()
  if (!canManageCollaboration(actor, scope)) throw new ForbiddenError()
  return { collaboration, parentOptions: sortBySv(await repo.listBodies(deps.db, viewer, collaborationId), (b) => b.name) }
}

/** The body itself and every body that reports to it, directly or further down. */
function descendantsOf(all: { id: string; parentBodyId: string | null }[], id: string): Set<string> {
  const found = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const b of all) {
      if (b.parentBodyId && found.has(b.parentBodyId) && !found.has(b.id)) {
        found.add(b.id)
        grew = true
      }
    }
  }
  return found
}

async function checkParent(tx: Db, collaborationId: string, parentBodyId: string | undefined, bodyId?: string) {
  if (!parentBodyId) return
  const all = await repo.listAllBodies(tx, collaborationId)
  if (!all.some((b) => b.id === parentBodyId)) throw new ParentNotInCollaboration()
  if (bodyId && descendantsOf(all, bodyId).has(parentBodyId)) throw new ReportingCycle()
}

const values = (input: BodyInput) => ({
  kind: input.kind,
  name: input.name,
  theme: input.theme ?? null,
  mandate: input.mandate ?? '',
  parentBodyId: input.parentBodyId ?? null,
  activeFrom: input.activeFrom ?? null,
  activeTo: input.activeTo ?? null,
  visibility: input.visibility,
})

/** Creates a body in a collaboration (its managers only). @throws NotFoundError, ForbiddenError, ParentNotInCollaboration */
export async function createBody(deps: Deps, ctx: Ctx, collaborationId: string, input: BodyInput) {
  const { collaboration } = await newBodyContext(deps, ctx.actor, collaborationId)
  return deps.db.transaction(async (tx) => {
    await checkParent(tx, collaborationId, input.parentBodyId)
    // Owned by the collaboration's owner: the länsstyrelse keeps the structure's records.
    const body = await repo.insertBody(tx, { ...values(input), collaborationId, organisationId: collaboration.organisationId })
    await audit(tx, ctx, {
      action: 'body.created',
      entityType: 'body',
      entityId: body.id,
      organisationId: body.organisationId,
      after: body,
    })
    return body
  })
}

/**
 * Edits a body. @throws NotFoundError, ForbiddenError, ParentNotInCollaboration, ReportingCycle,
 * StaleVersionError (nothing is written then).
 */
export async function updateBody(deps: Deps, ctx: Ctx, bodyId: string, input: UpdateBodyInput) {
  const { canManage } = await getBody(deps, ctx.actor, bodyId)
  if (!canManage) throw new ForbiddenError()
  const { version, ...rest } = input
  return deps.db.transaction(async (tx) => {
    const before = await repo.findBody(tx, bodyId)
    if (!before) throw new NotFoundError()
    await checkParent(tx, before.collaborationId, input.parentBodyId, bodyId)
    const after = await repo.updateBody(tx, bodyId, version, values(rest))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'body.updated',
      entityType: 'body',
      entityId: bodyId,
      organisationId: after.organisationId,
      before,
      after,
    })
    return after
  })
}
