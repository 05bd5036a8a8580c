import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { listParties } from '../collaborations/index.ts'
import { ConvenorNotAParty, ConvenorPeriodOverlaps } from './bodies.errors.ts'
import type { ConvenorInput, UpdateConvenorInput } from './bodies.schemas.ts'
import { getBody } from './bodies.service.ts'
import * as repo from './convenors.repo.ts'
import { firstOverlap } from './convenors.rules.ts'

/**
 * A body's convenors over time (issue 6 B7). Those who edit the body (the collaboration's managers)
 * edit its convenors; everyone who sees the body sees them.
 */

/** The body for a convenor form: its managers only. @throws NotFoundError, ForbiddenError */
export async function convenorFormContext(deps: Deps, actor: Actor | undefined, bodyId: string) {
  const ctx = await getBody(deps, actor, bodyId)
  if (!ctx.canManage) throw new ForbiddenError()
  // Former parties too: a convenor of earlier years may since have left the collaboration.
  const parties = sortBySv(await listParties(deps.db, ctx.body.collaborationId, { former: true }), (p) => p.name)
  return { ...ctx, partyOptions: parties.map((p) => ({ value: p.organisationId, label: p.name })) }
}

/** One period of the body. @throws NotFoundError */
export async function loadConvenor(deps: Deps, bodyId: string, convenorId: string): Promise<repo.Convenor> {
  const c = await repo.findConvenor(deps.db, bodyId, convenorId)
  if (!c) throw new NotFoundError()
  return c
}

async function checkPeriod(tx: Db, collaborationId: string, bodyId: string, input: ConvenorInput, ignoreId?: string) {
  const parties = await listParties(tx, collaborationId, { former: true })
  if (!parties.some((p) => p.organisationId === input.organisationId)) throw new ConvenorNotAParty()
  const clash = firstOverlap({ validFrom: input.validFrom, validTo: input.validTo ?? null }, await repo.listConvenors(tx, bodyId), ignoreId)
  if (clash) throw new ConvenorPeriodOverlaps(clash.organisationName, clash.validFrom, clash.validTo)
}

const values = (input: ConvenorInput) => ({ organisationId: input.organisationId, validFrom: input.validFrom, validTo: input.validTo ?? null })

/** @throws NotFoundError, ForbiddenError, ConvenorNotAParty, ConvenorPeriodOverlaps */
export async function addConvenor(deps: Deps, ctx: Ctx, bodyId: string, input: ConvenorInput) {
  const { body } = await convenorFormContext(deps, ctx.actor, bodyId)
  return deps.db.transaction(async (tx) => {
    await repo.lockBody(tx, bodyId)
    await checkPeriod(tx, body.collaborationId, bodyId, input)
    const convenor = await repo.insertConvenor(tx, { ...values(input), bodyId })
    await audit(tx, ctx, {
      action: 'body.convenor_added',
      entityType: 'body_convenor',
      entityId: convenor.id,
      organisationId: body.organisationId,
      after: { ...convenor, bodyName: body.name },
    })
    return convenor
  })
}

/** @throws NotFoundError, ForbiddenError, ConvenorNotAParty, ConvenorPeriodOverlaps, StaleVersionError */
export async function updateConvenor(deps: Deps, ctx: Ctx, bodyId: string, convenorId: string, input: UpdateConvenorInput) {
  const { body } = await convenorFormContext(deps, ctx.actor, bodyId)
  return deps.db.transaction(async (tx) => {
    await repo.lockBody(tx, bodyId)
    const before = await repo.findConvenor(tx, bodyId, convenorId)
    if (!before) throw new NotFoundError()
    await checkPeriod(tx, body.collaborationId, bodyId, input, convenorId)
    const after = await repo.updateConvenor(tx, convenorId, input.version, values(input))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'body.convenor_updated',
      entityType: 'body_convenor',
      entityId: convenorId,
      organisationId: body.organisationId,
      before,
      after,
    })
    return after
  })
}

/** @throws NotFoundError, ForbiddenError */
export async function removeConvenor(deps: Deps, ctx: Ctx, bodyId: string, convenorId: string) {
  const { body } = await convenorFormContext(deps, ctx.actor, bodyId)
  return deps.db.transaction(async (tx) => {
    await repo.lockBody(tx, bodyId)
    const before = await repo.findConvenor(tx, bodyId, convenorId)
    if (!before) throw new NotFoundError()
    await repo.deleteConvenor(tx, convenorId)
    await audit(tx, ctx, {
      action: 'body.convenor_removed',
      entityType: 'body_convenor',
      entityId: convenorId,
      organisationId: body.organisationId,
      before,
    })
  })
}
