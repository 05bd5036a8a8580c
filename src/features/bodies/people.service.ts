import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { canEditForParty, isPartner } from '../collaborations/index.ts'
import { type LoadedScope, collaborationScope, isUuid } from '../collaborations/index.ts'
import * as repo from './people.repo.ts'
import type { PersonInput, UpdatePersonInput } from './seats.schemas.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

/**
 * A collaboration's scope for the people pages, which are for partners only. A person need not be a
 * user; the people of a collaboration are those of its parties' organisations.
 */
export async function loadScopeForPeople(db: Db, actor: Actor | undefined, collaborationId: unknown): Promise<LoadedScope> {
  const scope = isUuid(collaborationId) ? await collaborationScope(db, collaborationId) : undefined
  if (!scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  return scope
}

/** A person of one of the collaboration's parties; others do not exist as far as this collaboration goes. */
export async function loadPerson(db: Db, scope: LoadedScope, personId: unknown): Promise<repo.Person> {
  const person = isUuid(personId) ? await repo.findPerson(db, personId) : undefined
  if (!person || !scope.partyIds.includes(person.organisationId)) throw new NotFoundError()
  return person
}

function assertMayActFor(actor: Actor, scope: LoadedScope, organisationId: string) {
  if (!canEditForParty(actor, scope, organisationId)) throw new ForbiddenError()
  if (!scope.partyIds.includes(organisationId)) throw new DomainError('not_a_party', 'people.errors.notAParty', 422, 'organisationId')
}

const values = (input: PersonInput) => ({
  name: input.name,
  title: input.title ?? null,
  organisationId: input.organisationId,
  email: input.email?.toLowerCase() ?? null,
  phone: input.phone ?? null,
})

/** Coordinators add anyone of a party; an editor adds people of their own organisation. */
export async function createPerson(deps: Deps, ctx: Ctx, scope: LoadedScope, input: PersonInput): Promise<repo.Person> {
  assertMayActFor(ctx.actor, scope, input.organisationId)
  return deps.db.transaction(async (tx) => {
    const person = await repo.insertPerson(tx, values(input))
    await audit(tx, ctx, { action: 'person.created', entityType: 'person', entityId: person.id, organisationId: person.organisationId, after: person })
    return person
  })
}

/** @throws ForbiddenError (not the actor's person, or moved to another party), StaleVersionError */
export async function updatePerson(deps: Deps, ctx: Ctx, scope: LoadedScope, personId: string, input: UpdatePersonInput): Promise<repo.Person> {
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockPerson(tx, personId)
    if (!before || !scope.partyIds.includes(before.organisationId)) throw new NotFoundError()
    if (!canEditForParty(ctx.actor, scope, before.organisationId)) throw new ForbiddenError()
    assertMayActFor(ctx.actor, scope, input.organisationId)
    if (before.version !== input.version) throw new StaleVersionError(before)
    const after = await repo.updatePerson(tx, personId, input.version, values(input))
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, { action: 'person.updated', entityType: 'person', entityId: after.id, organisationId: after.organisationId, before, after })
    return after
  })
}
