import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { findOrganisation } from '../organisations/index.ts'
import { BadItemLink, BadItemParent, BadPlanPartner, ItemKindNotInPlan } from './plans.errors.ts'
import { type PlanAccess, canEditPlan, canReadPlan, canReportOn } from './plans.policy.ts'
import * as repo from './plans.repo.ts'
import { ITEM_KINDS_OF, LINK_TARGETS, PARENT_KINDS } from './plans.rules.ts'
import type { CreateItemInput, CreatePlanInput, UpdateItemInput, UpdatePlanInput } from './plans.schemas.ts'
import { COUNTY_PLAN_KINDS, type PlanKind, type PlanSignatory } from './plans.tables.ts'

/** Everything the access rules of one plan need, loaded once. */
export async function planAccess(db: Db, plan: repo.Plan): Promise<PlanAccess> {
  return {
    kind: plan.kind,
    organisationId: plan.organisationId,
    partnerChain: plan.partnerOrganisationId ? await repo.organisationWithAncestors(db, plan.partnerOrganisationId) : [],
    collaborationOwnerId: plan.collaborationId ? ((await repo.collaborationOwner(db, plan.collaborationId)) ?? null) : null,
    visibility: plan.visibility,
  }
}

export interface PlanContext {
  plan: repo.Plan
  access: PlanAccess
  canEdit: boolean
}

/** Whether the actor works in the plan owner's county (see canReadPlan). */
export const inCountyOf = (db: Db, actor: Actor | undefined, ownerId: string) =>
  actor ? repo.sharesCounty(db, [...new Set(actor.roles.map((r) => r.organisationId))], ownerId) : Promise.resolve(false)

/** A plan the actor may read; one they may not is a 404, like one that does not exist. @throws NotFoundError */
export async function loadPlan(deps: Deps, actor: Actor | undefined, planId: string): Promise<PlanContext> {
  const plan = await repo.findPlan(deps.db, planId)
  if (!plan) throw new NotFoundError()
  const access = await planAccess(deps.db, plan)
  if (!canReadPlan(actor, access, await inCountyOf(deps.db, actor, plan.organisationId))) throw new NotFoundError()
  return { plan, access, canEdit: canEditPlan(actor, access) }
}

/** @throws NotFoundError, ForbiddenError */
export async function loadEditablePlan(deps: Deps, actor: Actor | undefined, planId: string): Promise<PlanContext> {
  const ctx = await loadPlan(deps, actor, planId)
  if (!ctx.canEdit) throw new ForbiddenError()
  return ctx
}

/** The plan page: the plan, its rows and their links, with names of the parties they mention. */
export async function getPlanPage(deps: Deps, actor: Actor | undefined, planId: string) {
  const ctx = await loadPlan(deps, actor, planId)
  const items = await repo.listItems(deps.db, planId)
  const links = await repo.listLinks(
    deps.db,
    items.map((i) => i.id),
  )
  const linkedIds = links.flatMap((l) => [l.itemId, l.linkedItemId]).filter((id) => !items.some((i) => i.id === id))
  const outside = (await Promise.all([...new Set(linkedIds)].map((id) => repo.findItem(deps.db, id)))).filter((i): i is repo.PlanItem => !!i)
  const names = await repo.organisationNames(deps.db, [
    ctx.plan.organisationId,
    ...(ctx.plan.partnerOrganisationId ? [ctx.plan.partnerOrganisationId] : []),
    ...items.flatMap((i) => (i.responsibleOrganisationId ? [i.responsibleOrganisationId] : [])),
  ])
  return { ...ctx, items, links, outside, names }
}

/** One item with its plan, and whether the actor may write its follow-up. @throws NotFoundError */
export async function loadItem(deps: Deps, actor: Actor | undefined, itemId: string) {
  const item = await repo.findItem(deps.db, itemId)
  if (!item) throw new NotFoundError()
  const ctx = await loadPlan(deps, actor, item.planId)
  const assigned = await repo.organisationWithAncestors(deps.db, item.responsibleOrganisationId ?? ctx.plan.organisationId)
  return { ...ctx, item, canReport: canReportOn(actor, ctx.access, assigned) }
}

/** The plans a party owns or shares (as the police area, or a unit above it). @throws NotFoundError */
export async function getPartyPlans(deps: Deps, actor: Actor | undefined, organisationId: string) {
  const organisation = await findOrganisation(deps.db, organisationId)
  if (!organisation) throw new NotFoundError()
  const ids = await repo.organisationWithDescendants(deps.db, [organisationId])
  const all = await repo.listPlansOfParty(deps.db, ids)
  const visible: (repo.Plan & { canEdit: boolean })[] = []
  const inCounty = new Map<string, boolean>()
  for (const plan of all) {
    const access = await planAccess(deps.db, plan)
    if (!inCounty.has(plan.organisationId)) inCounty.set(plan.organisationId, await inCountyOf(deps.db, actor, plan.organisationId))
    if (canReadPlan(actor, access, inCounty.get(plan.organisationId) ?? false)) visible.push({ ...plan, canEdit: canEditPlan(actor, access) })
  }
  const names = await repo.organisationNames(deps.db, [
    organisationId,
    ...visible.flatMap((p) => [p.organisationId, p.partnerOrganisationId ?? organisationId]),
  ])
  const canCreate =
    organisation.kind === 'municipality' &&
    canEditPlan(actor, { kind: 'citizen_promise', organisationId, partnerChain: [], collaborationOwnerId: null, visibility: 'partners' })
  return { organisation, plans: visible, names, canCreate }
}

/** A collaboration's county plans the actor may read, and whether they may start one. */
export async function getCollaborationPlans(deps: Deps, actor: Actor | undefined, collaborationId: string) {
  const ownerId = await repo.collaborationOwner(deps.db, collaborationId)
  if (!ownerId) throw new NotFoundError()
  const inCounty = await inCountyOf(deps.db, actor, ownerId)
  const plans: repo.Plan[] = []
  for (const plan of await repo.listPlansOfCollaboration(deps.db, collaborationId)) {
    if (canReadPlan(actor, await planAccess(deps.db, plan), inCounty)) plans.push(plan)
  }
  const canCreate = canEditPlan(actor, {
    kind: 'county_strategy',
    organisationId: ownerId,
    partnerChain: [],
    collaborationOwnerId: ownerId,
    visibility: 'partners',
  })
  return { plans, canCreate }
}

const signatoriesOf = (input: UpdatePlanInput | CreatePlanInput): PlanSignatory[] =>
  (
    [
      [input.signatory1Role, input.signatory1Name, input.signatory1Date],
      [input.signatory2Role, input.signatory2Name, input.signatory2Date],
    ] as const
  ).flatMap(([role, name, signedOn]) => (role || name ? [{ role: role ?? '', name: name ?? '', ...(signedOn ? { signedOn } : {}) }] : []))

const planValues = (input: UpdatePlanInput | CreatePlanInput) => ({
  title: input.title,
  summary: input.summary ?? '',
  periodStart: input.periodStart,
  periodEnd: input.periodEnd,
  partnerOrganisationId: input.partnerOrganisationId ?? null,
  basis: input.basis ?? '',
  status: input.status,
  adoptedBy: input.adoptedBy ?? null,
  adoptedOn: input.adoptedOn ?? null,
  adoptedParagraph: input.adoptedParagraph ?? null,
  signatories: signatoriesOf(input),
  visibility: input.visibility,
  dueDays: input.dueDays,
})

/** The partner must be a police unit (an LPO, or the polisområde). */
async function checkPartner(db: Db, partnerId: string | undefined) {
  if (!partnerId) return
  const partner = await findOrganisation(db, partnerId)
  if (partner?.kind !== 'police') throw new BadPlanPartner()
}

/**
 * Who may start a plan of a kind for an owner: county plans belong to a collaboration and are started
 * by its owner's coordinators; local plans belong to a municipality. Checked before the form is read.
 * @throws NotFoundError (no such owner or collaboration), ForbiddenError
 */
export async function checkCreatePlan(deps: Deps, actor: Actor | undefined, kind: PlanKind, organisationId: string, collaborationId: string | undefined) {
  const owner = await findOrganisation(deps.db, organisationId)
  if (!owner) throw new NotFoundError()
  const county = COUNTY_PLAN_KINDS.includes(kind)
  const collaborationOwnerId = county && collaborationId ? await repo.collaborationOwner(deps.db, collaborationId) : undefined
  if (county ? collaborationOwnerId !== owner.id : owner.kind !== 'municipality') throw new NotFoundError()
  const access: PlanAccess = { kind, organisationId: owner.id, partnerChain: [], collaborationOwnerId: collaborationOwnerId ?? null, visibility: 'partners' }
  if (!canEditPlan(actor, access)) throw new ForbiddenError()
  return { owner, collaborationId: county ? collaborationId : undefined }
}

/** @throws NotFoundError, ForbiddenError, BadPlanPartner */
export async function createPlan(deps: Deps, ctx: Ctx, input: CreatePlanInput): Promise<repo.Plan> {
  const { owner, collaborationId } = await checkCreatePlan(deps, ctx.actor, input.kind, input.organisationId, input.collaborationId)
  await checkPartner(deps.db, input.partnerOrganisationId)
  return deps.db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, { ...planValues(input), kind: input.kind, organisationId: owner.id, collaborationId: collaborationId ?? null })
    await audit(tx, ctx, { action: 'plan.created', entityType: 'plan', entityId: plan.id, organisationId: owner.id, after: plan })
    return plan
  })
}

/** @throws NotFoundError, ForbiddenError, BadPlanPartner, StaleVersionError */
export async function updatePlan(deps: Deps, ctx: Ctx, planId: string, input: UpdatePlanInput): Promise<repo.Plan> {
  const { plan: before } = await loadEditablePlan(deps, ctx.actor, planId)
  await checkPartner(deps.db, input.partnerOrganisationId)
  return deps.db.transaction(async (tx) => {
    const values = planValues(input)
    const publishedAt = values.status === 'published' ? (before.publishedAt ?? new Date()) : null
    const after = await repo.updatePlan(tx, planId, input.version, { ...values, publishedAt })
    if (!after) throw new StaleVersionError(await repo.findPlan(tx, planId))
    await audit(tx, ctx, { action: 'plan.updated', entityType: 'plan', entityId: planId, organisationId: before.organisationId, before, after })
    return after
  })
}

/** Parent and links must be rows of the right kind, in this plan or another plan of the same party or collaboration. */
async function checkRelations(db: Db, plan: repo.Plan, kind: repo.PlanItem['kind'], input: { parentId?: string; linkedIds: string[] }, selfId?: string) {
  const related = async (id: string) => {
    const item = await repo.findItem(db, id)
    if (!item || item.id === selfId) return undefined
    if (item.planId === plan.id) return item
    const other = await repo.findPlan(db, item.planId)
    const sameParty = other && other.organisationId === plan.organisationId
    const sameCollaboration = other?.collaborationId && other.collaborationId === plan.collaborationId
    return sameParty || sameCollaboration ? item : undefined
  }
  if (input.parentId) {
    const parent = await related(input.parentId)
    if (!parent || parent.planId !== plan.id || !PARENT_KINDS[kind].includes(parent.kind)) throw new BadItemParent()
  }
  for (const id of input.linkedIds) {
    const linked = await related(id)
    if (!linked || !LINK_TARGETS[kind].includes(linked.kind)) throw new BadItemLink()
  }
}

const itemValues = (input: CreateItemInput | UpdateItemInput) => ({
  title: input.title,
  description: input.description ?? '',
  parentId: input.parentId ?? null,
  promisor: input.promisor ?? null,
  places: input.places ?? null,
  operativeGoal: input.operativeGoal ?? null,
  startsOn: input.startsOn ?? null,
  endsOn: input.endsOn ?? null,
  responsibleOrganisationId: input.responsibleOrganisationId ?? null,
  responsiblePerson: input.responsiblePerson ?? null,
  followUpMethod: input.followUpMethod ?? null,
  measureType: input.measureType ?? null,
  measureNature: input.measureNature ?? null,
  targetComparator: input.targetValue === undefined ? null : (input.targetComparator ?? 'at_least'),
  targetValue: input.targetValue ?? null,
  targetUnit: input.targetUnit ?? null,
  cadence: input.cadence,
  weight: input.weight,
})

/** @throws NotFoundError, ForbiddenError, ItemKindNotInPlan, BadItemParent, BadItemLink */
export async function addItem(deps: Deps, ctx: Ctx, planId: string, input: CreateItemInput): Promise<repo.PlanItem> {
  const { plan } = await loadEditablePlan(deps, ctx.actor, planId)
  if (!ITEM_KINDS_OF[plan.kind].includes(input.kind)) throw new ItemKindNotInPlan()
  if (input.responsibleOrganisationId && !(await findOrganisation(deps.db, input.responsibleOrganisationId))) throw new BadItemLink()
  return deps.db.transaction(async (tx) => {
    await checkRelations(tx, plan, input.kind, input)
    const position = await repo.nextPosition(tx, planId, input.kind)
    const item = await repo.insertItem(tx, { ...itemValues(input), kind: input.kind, planId, position })
    await repo.replaceLinks(tx, item.id, input.linkedIds)
    await audit(tx, ctx, {
      action: 'plan_item.created',
      entityType: 'plan_item',
      entityId: item.id,
      organisationId: plan.organisationId,
      after: { ...item, linkedIds: input.linkedIds },
    })
    return item
  })
}

/** @throws NotFoundError, ForbiddenError, BadItemParent, BadItemLink, StaleVersionError */
export async function updateItem(deps: Deps, ctx: Ctx, itemId: string, input: UpdateItemInput): Promise<repo.PlanItem> {
  const { item: before, plan, canEdit } = await loadItem(deps, ctx.actor, itemId)
  if (!canEdit) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    await checkRelations(tx, plan, before.kind, input, itemId)
    const after = await repo.updateItem(tx, itemId, input.version, itemValues(input))
    if (!after) throw new StaleVersionError(await repo.findItem(tx, itemId))
    const beforeLinks = (await repo.listLinks(tx, [itemId])).filter((l) => l.itemId === itemId).map((l) => l.linkedItemId)
    await repo.replaceLinks(tx, itemId, input.linkedIds)
    await audit(tx, ctx, {
      action: 'plan_item.updated',
      entityType: 'plan_item',
      entityId: itemId,
      organisationId: plan.organisationId,
      before: { ...before, linkedIds: beforeLinks },
      after: { ...after, linkedIds: input.linkedIds },
    })
    return after
  })
}
