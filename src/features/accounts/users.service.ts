import type { Deps } from '../../platform/deps.ts'
import { audit, type AuditContext } from '../../platform/audit/audit.ts'
import type { Actor, Role } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError, uniqueViolation } from '../../platform/http/errors.ts'
import { findOrganisation } from '../organisations/index.ts'
import * as repo from './accounts.repo.ts'
import {
  CannotChangeOwnAccess,
  CoordinatorOnlyAtCountyBoard,
  EmailTaken,
  OrganisationNotInScope,
  RoleNotAllowed,
  UnknownOrganisation,
} from './accounts.errors.ts'
import { canManageUsers } from './accounts.policy.ts'
import { type AdminScope, administrationScope, inScope, mayGrant } from './admin-scope.ts'
import { hashPassword, oneTimePassword } from './passwords.ts'

export interface CreateUserInput {
  name: string
  email: string
  organisationId: string
  role: Role
  /** Given (seed, tests) or generated and returned once (invite, CLI). */
  password?: string
  /** A precomputed hash of `password` (demo data), to skip the deliberately slow hashing. */
  passwordHash?: string
  mustChangePassword?: boolean
}

const publicUser = (u: repo.User) => ({ id: u.id, email: u.email, name: u.name, organisationId: u.organisationId, status: u.status })

/**
 * Creates an account with one role. Without a password, a one-time password is generated, returned
 * once and must be changed at first login. `actor` undefined means the system (CLI, seed).
 * @throws ForbiddenError, EmailTaken, UnknownOrganisation, RoleNotAllowed
 */
export async function createUser(deps: Deps, ctx: { actor?: Actor; label?: string; requestId?: string }, input: CreateUserInput) {
  if (ctx.actor) {
    if (!canManageUsers(ctx.actor)) throw new ForbiddenError()
    await assertMayGrant(deps.db, await administrationScope(deps.db, ctx.actor), input.organisationId, input.role)
  }
  const password = input.password ?? oneTimePassword()
  const passwordHash = input.passwordHash ?? (await hashPassword(password))
  const auditCtx: AuditContext = { actor: ctx.actor ?? { label: ctx.label ?? 'system' }, requestId: ctx.requestId }
  try {
    const user = await deps.db.transaction(async (tx) => {
      if (!(await findOrganisation(tx, input.organisationId))) throw new UnknownOrganisation()
      const created = await repo.insertUser(tx, {
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        organisationId: input.organisationId,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? !input.password,
      })
      await repo.insertGrant(tx, { userId: created.id, organisationId: input.organisationId, role: input.role, grantedBy: ctx.actor?.userId })
      await audit(tx, auditCtx, {
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        organisationId: created.organisationId,
        after: { ...publicUser(created), role: input.role },
      })
      return created
    })
    return { user, oneTimePassword: input.password ? undefined : password }
  } catch (err) {
    if (uniqueViolation(err, 'users_email_key')) throw new EmailTaken()
    throw err
  }
}

/** Deactivating ends every session at once; the account and its history stay. */
export async function setUserStatus(deps: Deps, ctx: Ctx, userId: string, version: number, status: 'active' | 'deactivated') {
  const { actor } = ctx
  if (!canManageUsers(actor)) throw new ForbiddenError()
  if (userId === actor.userId) throw new CannotChangeOwnAccess()
  return deps.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, userId)
    const scope = await administrationScope(tx, actor)
    if (!before || !inScope(scope, before.organisationId)) throw new NotFoundError()
    await assertMayManage(tx, scope, userId)
    // Asking for the status the account already has changes nothing and leaves no audit event.
    if (before.status === status && before.version === version) return before
    const after = await repo.updateUser(tx, userId, version, { status })
    if (!after) throw new StaleVersionError(before)
    if (status === 'deactivated') await repo.deleteSessionsOfUser(tx, userId)
    await audit(tx, ctx, {
      action: status === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
      entityType: 'user',
      entityId: userId,
      organisationId: after.organisationId,
      before: publicUser(before),
      after: publicUser(after),
    })
    return after
  })
}

export async function grantRole(deps: Deps, ctx: Ctx, userId: string, organisationId: string, role: Role) {
  const { actor } = ctx
  if (!canManageUsers(actor)) throw new ForbiddenError()
  if (userId === actor.userId) throw new CannotChangeOwnAccess()
  return deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId)
    const scope = await administrationScope(tx, actor)
    if (!user || !inScope(scope, user.organisationId)) throw new NotFoundError()
    await assertMayGrant(tx, scope, organisationId, role)
    const grant = await repo.insertGrant(tx, { userId, organisationId, role, grantedBy: actor.userId })
    if (grant) {
      await audit(tx, ctx, { action: 'role.granted', entityType: 'user', entityId: userId, organisationId, after: { role, organisationId } })
    }
    return grant
  })
}

export async function revokeRole(deps: Deps, ctx: Ctx, userId: string, grantId: string) {
  const { actor } = ctx
  if (!canManageUsers(actor)) throw new ForbiddenError()
  if (userId === actor.userId) throw new CannotChangeOwnAccess()
  return deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId)
    const scope = await administrationScope(tx, actor)
    if (!user || !inScope(scope, user.organisationId)) throw new NotFoundError()
    const grant = (await repo.grantsOf(tx, userId)).find((g) => g.id === grantId)
    if (!grant) throw new NotFoundError()
    // Taking a role away needs the same right as giving it.
    if (!(await mayGrant(tx, scope, grant.organisationId, grant.role))) throw new RoleNotAllowed()
    await repo.deleteGrant(tx, grantId)
    await audit(tx, ctx, {
      action: 'role.revoked',
      entityType: 'user',
      entityId: userId,
      organisationId: grant.organisationId,
      before: { role: grant.role, organisationId: grant.organisationId },
    })
  })
}

/**
 * Whether the actor may give `role` at the organisation (scope, level, länsstyrelse); the reason
 * decides the field message. @throws UnknownOrganisation, CoordinatorOnlyAtCountyBoard, OrganisationNotInScope, RoleNotAllowed
 */
async function assertMayGrant(tx: Deps['db'], scope: AdminScope, organisationId: string, role: Role) {
  if (await mayGrant(tx, scope, organisationId, role)) return
  const org = await findOrganisation(tx, organisationId)
  if (!org) throw new UnknownOrganisation()
  if (role === 'coordinator' && org.kind !== 'county_board') throw new CoordinatorOnlyAtCountyBoard()
  if (!inScope(scope, organisationId)) throw new OrganisationNotInScope()
  throw new RoleNotAllowed()
}

/**
 * Deactivating or reactivating an account touches every role it holds, so the actor must be one who
 * could give each of them: a coordinator never changes a system admin's account, nor that of someone
 * who also holds a role outside the coordinator's responsibility.
 */
async function assertMayManage(tx: Deps['db'], scope: AdminScope, userId: string) {
  for (const g of await repo.grantsOf(tx, userId)) if (!(await mayGrant(tx, scope, g.organisationId, g.role))) throw new ForbiddenError()
}
