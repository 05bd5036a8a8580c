import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { type MeasureSummary, editableMeasures, readableMeasures } from '../plans/index.ts'
import { ContactExists, ContactNotAllowed, MeasureAlreadyLinked, MeasureNotEditable, MethodDeclined } from './methods.errors.ts'
import { type MethodScope, canEditMethod, canManageContact, canPropose, canReadMethod, isCurator } from './methods.policy.ts'
import * as repo from './methods.repo.ts'
import {
  type AddContactInput,
  type CreateMethodInput,
  type CurateInput,
  type MethodFilters,
  type UpdateMethodInput,
  problemTypesOf,
} from './methods.schemas.ts'

const NO_SCOPE: MethodScope = { coordinatorOf: [], municipalities: [] }

/** The counties the actor coordinates for and the municipalities where they edit. */
export async function scopeOf(deps: Deps, actor: Actor | undefined): Promise<MethodScope> {
  if (!actor) return NO_SCOPE
  const coordinating = [...new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))]
  const editing = [...new Set(actor.roles.filter((r) => r.role === 'editor' || r.role === 'coordinator').map((r) => r.organisationId))]
  return repo.actorScope(deps.db, coordinating, editing)
}

const collator = new Intl.Collator('sv')

/** The library as the actor sees it, filtered, in Swedish order; and the problem types one may filter by. */
export async function listLibrary(deps: Deps, actor: Actor | undefined, filters: MethodFilters) {
  const scope = await scopeOf(deps, actor)
  const curator = !!actor && (isAdmin(actor) || scope.coordinatorOf.length > 0)
  const all = await repo.listMethods(deps.db, {
    allNonCurated: curator,
    ownOrganisations: actor ? [...new Set(actor.roles.map((r) => r.organisationId))] : [],
  })
  const visible = all.filter((m) => canReadMethod(actor, m, scope))
  const problemTypes = [...new Set(visible.flatMap((m) => m.problemTypes))].sort(collator.compare)
  const lower = filters.problemType?.toLocaleLowerCase('sv')
  const methods = visible
    .filter((m) => !lower || m.problemTypes.some((p) => p.toLocaleLowerCase('sv') === lower))
    .filter((m) => !filters.side || m.causeSides.includes(filters.side))
    .filter((m) => !filters.effect || m.effectLevel === filters.effect)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'curated' ? -1 : 1) || collator.compare(a.name, b.name))
  return { methods, problemTypes, canPropose: canPropose(actor, scope), total: visible.length }
}

export interface MethodContext {
  method: repo.Method
  scope: MethodScope
  canEdit: boolean
  canCurate: boolean
}

/** A method the actor may read; any other is a 404, like one that does not exist. @throws NotFoundError */
export async function loadMethod(deps: Deps, actor: Actor | undefined, methodId: string): Promise<MethodContext> {
  const method = await repo.findMethod(deps.db, methodId)
  if (!method) throw new NotFoundError()
  const scope = await scopeOf(deps, actor)
  if (!canReadMethod(actor, method, scope)) throw new NotFoundError()
  return { method, scope, canEdit: canEditMethod(actor, method, scope), canCurate: isCurator(actor, scope) }
}

/** @throws NotFoundError, ForbiddenError */
export async function loadEditableMethod(deps: Deps, actor: Actor | undefined, methodId: string): Promise<MethodContext> {
  const ctx = await loadMethod(deps, actor, methodId)
  if (!ctx.canEdit) throw new ForbiddenError()
  return ctx
}

/** @throws NotFoundError, ForbiddenError */
export async function loadCuratable(deps: Deps, actor: Actor | undefined, methodId: string): Promise<MethodContext> {
  const ctx = await loadMethod(deps, actor, methodId)
  if (!ctx.canCurate) throw new ForbiddenError()
  return ctx
}

/** The method page: what it addresses, its effect and source, who uses it, and the measures the viewer may see. */
export async function methodPage(deps: Deps, actor: Actor | undefined, methodId: string) {
  const ctx = await loadMethod(deps, actor, methodId)
  const proposer = await repo.findParty(deps.db, ctx.method.organisationId)
  const contacts = (await repo.listContacts(deps.db, methodId)).sort((a, b) => collator.compare(a.organisationName, b.organisationName))
  const linked = await repo.linkedItemIds(deps.db, methodId)
  const measures = sortMeasures(await readableMeasures(deps, actor, linked))
  const canContacts = ctx.method.status !== 'declined' && (await contactOptions(deps, actor, ctx.scope)).length > 0
  const canMeasures = ctx.method.status !== 'declined' && actor?.via === 'session' && (await editableMeasures(deps, actor)).length > 0
  return { ...ctx, proposer, contacts, measures, linkedTotal: linked.length, canContacts, canMeasures }
}
export type MethodPageData = Awaited<ReturnType<typeof methodPage>>

const sortMeasures = (m: MeasureSummary[]) => m.sort((a, b) => collator.compare(a.organisationName, b.organisationName) || collator.compare(a.title, b.title))

/** Who acts for which party when proposing: a curator for their länsstyrelse (curated at once), an editor for their municipality. */
async function proposingParty(deps: Deps, actor: Actor, scope: MethodScope): Promise<{ organisationId: string; status: 'curated' | 'proposed' }> {
  if (isCurator(actor, scope)) {
    // A coordinator acts for the county board they coordinate for; the admin for their own organisation.
    for (const r of actor.roles.filter((g) => g.role === 'coordinator')) {
      const party = await repo.findParty(deps.db, r.organisationId)
      if (party?.kind === 'county_board') return { organisationId: party.id, status: 'curated' }
    }
    return { organisationId: actor.organisationId, status: 'curated' }
  }
  const municipality = scope.municipalities.includes(actor.organisationId) ? actor.organisationId : scope.municipalities[0]
  if (!municipality) throw new ForbiddenError()
  return { organisationId: municipality, status: 'proposed' }
}

/** Who may propose, checked before the form is read. @throws ForbiddenError */
export async function checkPropose(deps: Deps, actor: Actor | undefined) {
  const scope = await scopeOf(deps, actor)
  if (!actor || !canPropose(actor, scope)) throw new ForbiddenError()
  return { scope, curator: isCurator(actor, scope) }
}

const ASCII: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u' }
export function slugOf(name: string): string {
  const base = name
    .toLocaleLowerCase('sv')
    .replace(/[åäöéü]/g, (c) => ASCII[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return base || 'metod'
}

/** A new method: curated at once when a curator adds it, otherwise a municipality's proposal. @throws ForbiddenError */
export async function createMethod(deps: Deps, ctx: Ctx, input: CreateMethodInput): Promise<repo.Method> {
  const { scope } = await checkPropose(deps, ctx.actor)
  const party = await proposingParty(deps, ctx.actor, scope)
  return deps.db.transaction(async (tx) => {
    const base = slugOf(input.name)
    let slug = base
    for (let n = 2; await repo.slugTaken(tx, slug); n++) slug = `${base}-${n}`
    const method = await repo.insertMethod(tx, {
      slug,
      name: input.name,
      summary: input.summary,
      problemTypes: problemTypesOf(input.problemTypes),
      causeSides: input.causeSides,
      effectLevel: input.effectLevel,
      effectText: input.effectText ?? '',
      source: input.source ?? '',
      sourceUrl: input.sourceUrl ?? null,
      status: party.status,
      organisationId: party.organisationId,
    })
    await audit(tx, ctx, {
      action: party.status === 'curated' ? 'method.created' : 'method.proposed',
      entityType: 'method',
      entityId: method.id,
      organisationId: party.organisationId,
      after: method,
    })
    return method
  })
}

/** @throws NotFoundError, ForbiddenError, StaleVersionError */
export async function updateMethod(deps: Deps, ctx: Ctx, methodId: string, input: UpdateMethodInput): Promise<repo.Method> {
  const { method: before } = await loadEditableMethod(deps, ctx.actor, methodId)
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateMethod(tx, methodId, input.version, {
      name: input.name,
      summary: input.summary,
      problemTypes: problemTypesOf(input.problemTypes),
      causeSides: input.causeSides,
      effectLevel: input.effectLevel,
      effectText: input.effectText ?? '',
      source: input.source ?? '',
      sourceUrl: input.sourceUrl ?? null,
    })
    if (!after) throw new StaleVersionError(await repo.findMethod(tx, methodId))
    await audit(tx, ctx, { action: 'method.updated', entityType: 'method', entityId: methodId, organisationId: before.organisationId, before, after })
    return after
  })
}

/** Länsstyrelsen accepts a method into the library or declines it. @throws NotFoundError, ForbiddenError, StaleVersionError */
export async function curateMethod(deps: Deps, ctx: Ctx, methodId: string, input: CurateInput): Promise<repo.Method> {
  const { method: before } = await loadCuratable(deps, ctx.actor, methodId)
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateMethod(tx, methodId, input.version, { status: input.decision })
    if (!after) throw new StaleVersionError(await repo.findMethod(tx, methodId))
    await audit(tx, ctx, {
      action: input.decision === 'curated' ? 'method.curated' : 'method.declined',
      entityType: 'method',
      entityId: methodId,
      organisationId: before.organisationId,
      before: { status: before.status },
      after: { status: after.status },
    })
    return after
  })
}

/** The municipalities the actor may name as users of a method, in Swedish order. */
export async function contactOptions(deps: Deps, actor: Actor | undefined, scope: MethodScope) {
  if (actor?.via !== 'session') return []
  const rows = await repo.municipalitiesIn(deps.db, scope.coordinatorOf, scope.municipalities, isAdmin(actor))
  return rows.filter((o) => canManageContact(actor, o, scope)).sort((a, b) => collator.compare(a.name, b.name))
}

/** The contacts page: who uses the method, which the actor may remove, and whom they may add. @throws NotFoundError, ForbiddenError, MethodDeclined */
export async function contactsPage(deps: Deps, actor: Actor | undefined, methodId: string) {
  const ctx = await loadMethod(deps, actor, methodId)
  const options = await contactOptions(deps, actor, ctx.scope)
  if (options.length === 0) throw new ForbiddenError()
  if (ctx.method.status === 'declined') throw new MethodDeclined()
  const contacts = (await repo.listContacts(deps.db, methodId))
    .map((c) => ({ ...c, canRemove: canManageContact(actor, { id: c.organisationId, countyCode: c.countyCode }, ctx.scope) }))
    .sort((a, b) => collator.compare(a.organisationName, b.organisationName))
  return { ...ctx, options: options.filter((o) => !contacts.some((c) => c.organisationId === o.id)), contacts }
}
export type ContactsPageData = Awaited<ReturnType<typeof contactsPage>>

/** @throws NotFoundError, ForbiddenError, MethodDeclined, ContactNotAllowed, ContactExists */
export async function addContact(deps: Deps, ctx: Ctx, methodId: string, input: AddContactInput) {
  const page = await contactsPage(deps, ctx.actor, methodId)
  const party = await repo.findParty(deps.db, input.organisationId)
  if (party?.kind !== 'municipality' || !canManageContact(ctx.actor, party, page.scope)) throw new ContactNotAllowed()
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertContact(tx, { methodId, organisationId: party.id, contact: input.contact, sinceYear: input.sinceYear ?? null })
    if (!row) throw new ContactExists()
    await audit(tx, ctx, { action: 'method.contact_added', entityType: 'method', entityId: methodId, organisationId: party.id, after: row })
    return row
  })
}

/** @throws NotFoundError, ForbiddenError, MethodDeclined */
export async function removeContact(deps: Deps, ctx: Ctx, methodId: string, organisationId: string) {
  const page = await contactsPage(deps, ctx.actor, methodId)
  const contact = page.contacts.find((c) => c.organisationId === organisationId)
  if (!contact) throw new NotFoundError()
  if (!contact.canRemove) throw new ForbiddenError()
  await deps.db.transaction(async (tx) => {
    const row = await repo.deleteContact(tx, methodId, organisationId)
    if (!row) throw new NotFoundError()
    await audit(tx, ctx, { action: 'method.contact_removed', entityType: 'method', entityId: methodId, organisationId, before: row })
  })
}

/**
 * The measures page: the measures linked to the method that the actor may see, and the measures of
 * their own plans they may link. Only someone with a plan to edit comes here.
 * @throws NotFoundError, ForbiddenError, MethodDeclined
 */
export async function measuresPage(deps: Deps, actor: Actor | undefined, methodId: string) {
  const ctx = await loadMethod(deps, actor, methodId)
  const editable = await editableMeasures(deps, actor)
  if (editable.length === 0) throw new ForbiddenError()
  if (ctx.method.status === 'declined') throw new MethodDeclined()
  const linkedIds = await repo.linkedItemIds(deps.db, methodId)
  const linked = sortMeasures(await readableMeasures(deps, actor, linkedIds))
  const options = sortMeasures(editable.filter((m) => !linkedIds.includes(m.id)))
  return { ...ctx, linked, options }
}
export type MeasuresPageData = Awaited<ReturnType<typeof measuresPage>>

/** @throws NotFoundError, ForbiddenError, MethodDeclined, MeasureNotEditable, MeasureAlreadyLinked */
export async function linkMeasure(deps: Deps, ctx: Ctx, methodId: string, planItemId: string) {
  const page = await measuresPage(deps, ctx.actor, methodId)
  if (page.linked.some((m) => m.id === planItemId)) throw new MeasureAlreadyLinked()
  const measure = page.options.find((m) => m.id === planItemId)
  if (!measure) throw new MeasureNotEditable()
  await deps.db.transaction(async (tx) => {
    if (!(await repo.insertLink(tx, methodId, planItemId))) throw new MeasureAlreadyLinked()
    await audit(tx, ctx, {
      action: 'method.measure_linked',
      entityType: 'method',
      entityId: methodId,
      organisationId: measure.organisationId,
      after: { planItemId, planId: measure.planId, title: measure.title },
    })
  })
  return measure
}

/** @throws NotFoundError, ForbiddenError, MethodDeclined */
export async function unlinkMeasure(deps: Deps, ctx: Ctx, methodId: string, planItemId: string) {
  const page = await measuresPage(deps, ctx.actor, methodId)
  const measure = page.linked.find((m) => m.id === planItemId)
  if (!measure) throw new NotFoundError()
  if (!measure.canEdit) throw new ForbiddenError()
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteLink(tx, methodId, planItemId))) throw new NotFoundError()
    await audit(tx, ctx, {
      action: 'method.measure_unlinked',
      entityType: 'method',
      entityId: methodId,
      organisationId: measure.organisationId,
      before: { planItemId, planId: measure.planId, title: measure.title },
    })
  })
  return measure
}
