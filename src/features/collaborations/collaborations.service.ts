import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { type BodyRow, type PublicSeatHolder, listBodies, listConvenorsOfCollaboration, listPublicBodies, listPublicSeatHolders } from '../bodies/index.ts'
import { findOrganisation } from '../organisations/index.ts'
import { AlreadyParty, OwnerCannotLeave, UnknownOrganisation } from './collaborations.errors.ts'
import { canManageCollaboration } from './collaborations.policy.ts'
import * as repo from './collaborations.repo.ts'
import type { AddPartyInput, UpdateCollaborationInput } from './collaborations.schemas.ts'
import { type LoadedScope, collaborationScope } from './collaborations.scope.ts'
import { viewerOf } from './collaborations.visibility.ts'
import { inTreeOrder } from './structure-diagram.ts'

export interface CollaborationContext {
  collaboration: repo.CollaborationRow
  scope: LoadedScope
  canManage: boolean
}

/** Collaborations the actor may see, in Swedish order. */
export async function listCollaborationsFor(deps: Deps, actor: Actor | undefined) {
  return sortBySv(await repo.listCollaborations(deps.db, viewerOf(actor)), (c) => c.name)
}

/** A collaboration the actor may see, with what the policies need. @throws NotFoundError */
export async function getCollaboration(deps: Deps, actor: Actor | undefined, id: string): Promise<CollaborationContext> {
  const collaboration = await repo.findCollaborationFor(deps.db, viewerOf(actor), id)
  const scope = collaboration && (await collaborationScope(deps.db, id))
  if (!collaboration || !scope) throw new NotFoundError()
  return { collaboration, scope, canManage: canManageCollaboration(actor, scope) }
}

/** Like getCollaboration, for pages and actions only its managers may use. @throws NotFoundError, ForbiddenError */
export async function getManagedCollaboration(deps: Deps, actor: Actor | undefined, id: string): Promise<CollaborationContext> {
  const ctx = await getCollaboration(deps, actor, id)
  if (!ctx.canManage) throw new ForbiddenError()
  return ctx
}

const sortParties = (parties: repo.PartyRow[]) => sortBySv(parties, (p) => p.name)

/** The partners' overview: the collaboration, its current parties, and the bodies the actor may see. */
export async function collaborationOverview(deps: Deps, actor: Actor | undefined, id: string) {
  const ctx = await getCollaboration(deps, actor, id)
  const [parties, bodies, convenors] = await Promise.all([
    repo.listParties(deps.db, id),
    listBodies(deps.db, viewerOf(actor), id),
    listConvenorsOfCollaboration(deps.db, id),
  ])
  const shown = new Set(bodies.map((b) => b.id))
  // Convenors of bodies this viewer may not see stay hidden with their bodies.
  return { ...ctx, parties: sortParties(parties), bodies: inTreeOrder(bodies), convenors: convenors.filter((c) => shown.has(c.bodyId)) }
}

/** Every party, also those that have left, for the coordinator's party page. */
export async function partiesForManagement(deps: Deps, actor: Actor | undefined, id: string) {
  const ctx = await getManagedCollaboration(deps, actor, id)
  return { ...ctx, parties: sortParties(await repo.listParties(deps.db, id, { former: true })) }
}

/**
 * Edits the collaboration's own record. @throws NotFoundError, ForbiddenError, StaleVersionError
 * (nothing is written when the version is stale).
 */
export async function updateCollaboration(deps: Deps, ctx: Ctx, id: string, input: UpdateCollaborationInput) {
  await getManagedCollaboration(deps, ctx.actor, id)
  const { version, ...values } = input
  return deps.db.transaction(async (tx) => {
    const before = await repo.findCollaboration(tx, id)
    if (!before) throw new NotFoundError()
    const after = await repo.updateCollaboration(tx, id, version, values)
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'collaboration.updated',
      entityType: 'collaboration',
      entityId: id,
      organisationId: after.organisationId,
      before,
      after,
    })
    return after
  })
}

/** Adds an organisation as a party (or brings one back that had left). @throws ForbiddenError, AlreadyParty, UnknownOrganisation */
export async function addParty(deps: Deps, ctx: Ctx, id: string, input: AddPartyInput) {
  await getManagedCollaboration(deps, ctx.actor, id)
  const organisation = await findOrganisation(deps.db, input.organisationId)
  const today = formatIsoDate(new Date())
  if (!organisation || (organisation.validTo && organisation.validTo < today)) throw new UnknownOrganisation()
  return deps.db.transaction(async (tx) => {
    const party = await repo.addParty(tx, {
      collaborationId: id,
      organisationId: organisation.id,
      isConvenor: input.isConvenor,
      joinedOn: input.joinedOn ?? null,
    })
    if (!party) throw new AlreadyParty()
    await audit(tx, ctx, {
      action: 'collaboration.party_added',
      entityType: 'collaboration',
      entityId: id,
      organisationId: organisation.id,
      after: { ...party, organisationName: organisation.name },
    })
    return { party, organisation }
  })
}

/**
 * A party leaves today. The row stays (history: its seats and signatures still count for the months
 * it was a party); undefined when it had already left. @throws ForbiddenError, NotFoundError, OwnerCannotLeave
 */
export async function removeParty(deps: Deps, ctx: Ctx, id: string, partyId: string) {
  const { collaboration } = await getManagedCollaboration(deps, ctx.actor, id)
  return deps.db.transaction(async (tx) => {
    const before = await repo.findParty(tx, id, partyId)
    if (!before) throw new NotFoundError()
    if (before.organisationId === collaboration.organisationId) throw new OwnerCannotLeave()
    const after = await repo.endParty(tx, partyId, formatIsoDate(new Date()))
    if (!after) return undefined
    await audit(tx, ctx, {
      action: 'collaboration.party_removed',
      entityType: 'collaboration',
      entityId: id,
      organisationId: after.organisationId,
      before,
      after,
    })
    return after
  })
}

export interface PublicParty extends repo.PartyRow {
  signing?: { status: string; signedOn: string | null }
}

export interface PublicOverview {
  collaboration: repo.CollaborationRow
  parties: PublicParty[]
  declarationTitle: string | null
  bodies: BodyRow[]
  seatHolders: Map<string, PublicSeatHolder[]>
}

const ROLE_ORDER = ['chair', 'vice_chair', 'secretary', 'member', 'adjunct']

/** What anyone may read without signing in. Only public records are queried. @throws NotFoundError */
export async function publicOverview(deps: Deps, code: string): Promise<PublicOverview> {
  const collaboration = await repo.findPublicCollaboration(deps.db, code)
  if (!collaboration) throw new NotFoundError()
  const [parties, signing, bodies, holders] = await Promise.all([
    repo.listParties(deps.db, collaboration.id),
    repo.latestSigningStatus(deps.db, collaboration.id),
    listPublicBodies(deps.db, collaboration.id),
    listPublicSeatHolders(deps.db, collaboration.id),
  ])
  const byOrg = new Map(signing.rows.map((s) => [s.organisationId, s]))
  const seatHolders = new Map<string, PublicSeatHolder[]>()
  const ordered = [...holders].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'sv'))
  for (const h of ordered) seatHolders.set(h.bodyId, [...(seatHolders.get(h.bodyId) ?? []), h])
  return {
    collaboration,
    parties: sortParties(parties).map((p) => {
      const s = byOrg.get(p.organisationId)
      return s ? { ...p, signing: { status: s.status, signedOn: s.signedOn } } : p
    }),
    declarationTitle: signing.versionTitle,
    bodies: inTreeOrder(bodies),
    seatHolders,
  }
}

export const listPublicCollaborations = async (deps: Deps) => sortBySv(await repo.listPublicCollaborations(deps.db), (c) => c.name)
