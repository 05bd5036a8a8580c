import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { readablePlanItem } from '../plans/index.ts'
import { MethodAlreadyLinked, MethodNotLinkable, MethodNotLinked } from './methods.errors.ts'
import { canReadMethod } from './methods.policy.ts'
import * as repo from './methods.repo.ts'
import { scopeOf } from './methods.service.ts'

const collator = new Intl.Collator('sv')
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name)

/**
 * A measure seen from its åtgärdsplan (issue 10 §3): the methods it applies that the actor may see,
 * and — for those who may edit the plan — the curated methods they may link. Anything but a measure
 * of a plan the actor may read is a 404. @throws NotFoundError
 */
export async function measureMethods(deps: Deps, actor: Actor | undefined, itemId: string) {
  const ctx = await readablePlanItem(deps, actor, itemId)
  if (ctx.item.kind !== 'measure') throw new NotFoundError()
  const scope = await scopeOf(deps, actor)
  const linked = (await repo.methodsOfItems(deps.db, [itemId])).map((r) => r.method).filter((m) => canReadMethod(actor, m, scope))
  // The plan's edit rule decides (plans' canEditPlan through readablePlanItem), for browser sessions.
  const canLink = ctx.canEdit && actor?.via === 'session'
  const options = canLink ? (await repo.curatedMethods(deps.db)).filter((m) => !linked.some((l) => l.id === m.id)) : []
  return { ...ctx, linked: linked.sort(byName), options: options.sort(byName), canLink }
}
export type MeasureMethodsData = Awaited<ReturnType<typeof measureMethods>>

/** The same for someone about to change the links: refused unless they may edit the plan. @throws NotFoundError, ForbiddenError */
export async function editableMeasureMethods(deps: Deps, actor: Actor | undefined, itemId: string) {
  const d = await measureMethods(deps, actor, itemId)
  if (!d.canLink) throw new ForbiddenError()
  return d
}

/** Links a curated method to the measure. @throws NotFoundError, ForbiddenError, MethodNotLinkable, MethodAlreadyLinked */
export async function linkMethod(deps: Deps, ctx: Ctx, itemId: string, methodId: string) {
  const d = await editableMeasureMethods(deps, ctx.actor, itemId)
  if (d.linked.some((m) => m.id === methodId)) throw new MethodAlreadyLinked()
  const method = d.options.find((m) => m.id === methodId)
  if (!method) throw new MethodNotLinkable()
  await deps.db.transaction(async (tx) => {
    if (!(await repo.insertLink(tx, methodId, itemId))) throw new MethodAlreadyLinked()
    // The same audit record as linking from the method's page: one history whichever side it was done from.
    await audit(tx, ctx, {
      action: 'method.measure_linked',
      entityType: 'method',
      entityId: methodId,
      organisationId: d.plan.organisationId,
      after: { planItemId: itemId, planId: d.plan.id, title: d.item.title },
    })
  })
  return method
}

/** Removes a method from the measure (any linked one the actor sees). @throws NotFoundError, ForbiddenError, MethodNotLinked */
export async function unlinkMethod(deps: Deps, ctx: Ctx, itemId: string, methodId: string) {
  const d = await editableMeasureMethods(deps, ctx.actor, itemId)
  const method = d.linked.find((m) => m.id === methodId)
  if (!method) throw new MethodNotLinked()
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteLink(tx, methodId, itemId))) throw new MethodNotLinked()
    await audit(tx, ctx, {
      action: 'method.measure_unlinked',
      entityType: 'method',
      entityId: methodId,
      organisationId: d.plan.organisationId,
      before: { planItemId: itemId, planId: d.plan.id, title: d.item.title },
    })
  })
  return method
}

/** The methods each of these measures applies, as the actor may see them (the plan page's rows). */
export async function methodsByMeasure(deps: Deps, actor: Actor | undefined, itemIds: readonly string[]) {
  const rows = await repo.methodsOfItems(deps.db, itemIds)
  const scope = await scopeOf(deps, actor)
  const out = new Map<string, repo.Method[]>()
  for (const r of rows) if (canReadMethod(actor, r.method, scope)) out.set(r.planItemId, [...(out.get(r.planItemId) ?? []), r.method])
  for (const list of out.values()) list.sort(byName)
  return out
}
