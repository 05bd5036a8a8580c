import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { canEditForParty, canSee } from '../collaborations/index.ts'
import { type LoadedScope, isUuid, scopeOfBody } from '../collaborations/index.ts'
import * as peopleRepo from './people.repo.ts'
import { canEditSeat, seatViewer } from './seats.policy.ts'
import * as repo from './seats.repo.ts'
import { type AddSeatInput, type EndSeatInput, type UpdateSeatInput, defaultVisibility } from './seats.schemas.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

export type SeatStatus = 'current' | 'ended' | 'upcoming'

/** Today in Sweden, as an ISO date (a seat ending "today" is still current today). */
export const todayIso = () => formatIsoDate(new Date())

export const seatStatus = (s: { validFrom: string; validTo: string | null }, today = todayIso()): SeatStatus =>
  s.validFrom > today ? 'upcoming' : s.validTo !== null && s.validTo < today ? 'ended' : 'current'

/** The same person already sits in the body during part of the period: nothing is saved. */
export class SeatOverlaps extends DomainError {
  constructor(params: { body: string; from: string; to: string | null }) {
    const { to, ...rest } = params
    super('seat_overlaps', to ? 'seats.errors.overlap' : 'seats.errors.overlapOpen', 409, 'validFrom', to ? { ...rest, to } : rest)
  }
}

const fieldError = (code: string, key: string, field: string, params: Record<string, string> = {}) => new DomainError(code, key, 422, field, params)

/** The body and its collaboration's scope; a body the actor may not see does not exist for them. */
export async function loadBody(db: Db, actor: Actor | undefined, bodyId: unknown): Promise<{ body: repo.SeatBody; scope: LoadedScope }> {
  const body = isUuid(bodyId) ? await repo.findBody(db, bodyId) : undefined
  const scope = body ? await scopeOfBody(db, body.id) : undefined
  if (!body || !scope || !canSee(actor, scope, body.visibility, body.organisationId)) throw new NotFoundError()
  return { body, scope }
}

/** The seats of a body as this actor may see them, each with its status and whether they may change it. */
export async function listBodySeats(deps: Deps, actor: Actor | undefined, bodyId: unknown) {
  const { body, scope } = await loadBody(deps.db, actor, bodyId)
  const today = todayIso()
  const rows = await repo.listSeats(deps.db, body.id, seatViewer(actor, scope))
  return {
    body,
    scope,
    rows: rows.map((r) => ({ ...r, status: seatStatus(r, today), canEdit: canEditSeat(actor, scope, r) })),
  }
}

/** A seat with its body and scope, for the edit page; 404 unless the actor may see it. */
export async function loadSeat(deps: Deps, actor: Actor | undefined, seatId: unknown) {
  const seat = isUuid(seatId) ? await repo.findSeatRow(deps.db, seatId) : undefined
  if (!seat) throw new NotFoundError()
  const { body, scope } = await loadBody(deps.db, actor, seat.bodyId)
  if (!canSee(actor, scope, seat.visibility, seat.organisationId)) throw new NotFoundError()
  return { seat, body, scope }
}

function assertParty(scope: LoadedScope, organisationId: string) {
  if (!scope.partyIds.includes(organisationId)) throw fieldError('not_a_party', 'seats.errors.notAParty', 'organisationId')
}

async function assertNoOverlap(tx: Db, body: repo.SeatBody, q: { personId: string; validFrom: string; validTo?: string | null; excludeSeatId?: string }) {
  const clash = await repo.findOverlap(tx, { ...q, bodyId: body.id })
  if (clash) throw new SeatOverlaps({ body: body.name, from: clash.validFrom, to: clash.validTo })
}

/**
 * Adds a seat. The person's row is locked first, so of two concurrent requests for the same person
 * the second waits, then sees the first one's seat in its overlap check.
 * @throws NotFoundError, ForbiddenError, SeatOverlaps, DomainError (field errors)
 */
export async function addSeat(deps: Deps, ctx: Ctx, bodyId: string, input: AddSeatInput): Promise<repo.Seat> {
  const { body, scope } = await loadBody(deps.db, ctx.actor, bodyId)
  // Cheap refusal before any locking; the full rule (the person's organisation too) is checked below.
  if (!canEditForParty(ctx.actor, scope, input.organisationId)) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    const person = await peopleRepo.lockPerson(tx, input.personId)
    if (!person) throw fieldError('person_unknown', 'seats.errors.personUnknown', 'personId')
    if (!canEditSeat(ctx.actor, scope, { organisationId: input.organisationId, personOrganisationId: person.organisationId })) throw new ForbiddenError()
    assertParty(scope, input.organisationId)
    await assertNoOverlap(tx, body, { personId: person.id, validFrom: input.validFrom, validTo: input.validTo })
    const seat = await repo.insertSeat(tx, {
      bodyId: body.id,
      personId: person.id,
      organisationId: input.organisationId,
      role: input.role,
      level: input.level,
      membership: input.membership,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      visibility: input.visibility ?? defaultVisibility(input.level),
    })
    await audit(tx, ctx, { action: 'seat.added', entityType: 'seat', entityId: seat.id, organisationId: seat.organisationId, after: seat })
    return seat
  })
}

/** Changes a seat's terms (not its person or body). @throws NotFoundError, ForbiddenError, StaleVersionError, SeatOverlaps */
export async function updateSeat(deps: Deps, ctx: Ctx, seatId: string, input: UpdateSeatInput): Promise<repo.Seat> {
  const { seat, body, scope } = await loadSeat(deps, ctx.actor, seatId)
  return deps.db.transaction(async (tx) => {
    await peopleRepo.lockPerson(tx, seat.personId)
    const current = await repo.findSeatRow(tx, seat.id)
    if (!current) throw new NotFoundError()
    // Both the seat as it is and the seat as it would become must be the actor's to manage.
    if (!canEditSeat(ctx.actor, scope, current) || !canEditSeat(ctx.actor, scope, { ...current, organisationId: input.organisationId }))
      throw new ForbiddenError()
    if (current.version !== input.version) throw new StaleVersionError(current)
    assertParty(scope, input.organisationId)
    await assertNoOverlap(tx, body, { personId: current.personId, validFrom: input.validFrom, validTo: input.validTo, excludeSeatId: current.id })
    const before = await repo.findSeat(tx, current.id)
    const after = await repo.updateSeat(tx, current.id, input.version, {
      organisationId: input.organisationId,
      role: input.role,
      level: input.level,
      membership: input.membership,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      visibility: input.visibility ?? defaultVisibility(input.level),
    })
    if (!after) throw new StaleVersionError(current)
    await audit(tx, ctx, { action: 'seat.updated', entityType: 'seat', entityId: after.id, organisationId: after.organisationId, before, after })
    return after
  })
}

/** Ends a seat on a given day (its last day); the seat and its history stay. */
export async function endSeat(deps: Deps, ctx: Ctx, seatId: string, input: EndSeatInput): Promise<repo.Seat> {
  const { seat, body, scope } = await loadSeat(deps, ctx.actor, seatId)
  return deps.db.transaction(async (tx) => {
    await peopleRepo.lockPerson(tx, seat.personId)
    const current = await repo.findSeatRow(tx, seat.id)
    if (!current) throw new NotFoundError()
    if (!canEditSeat(ctx.actor, scope, current)) throw new ForbiddenError()
    if (current.version !== input.version) throw new StaleVersionError(current)
    if (input.endedOn < current.validFrom) throw fieldError('end_before_start', 'seats.errors.endBeforeStart', 'endedOn', { from: current.validFrom })
    await assertNoOverlap(tx, body, { personId: current.personId, validFrom: current.validFrom, validTo: input.endedOn, excludeSeatId: current.id })
    const before = await repo.findSeat(tx, current.id)
    const after = await repo.updateSeat(tx, current.id, input.version, { validTo: input.endedOn })
    if (!after) throw new StaleVersionError(current)
    await audit(tx, ctx, { action: 'seat.ended', entityType: 'seat', entityId: after.id, organisationId: after.organisationId, before, after })
    return after
  })
}
