import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { Option } from '../../platform/views/form-controls.tsx'
import { type MailOutcome, mailOutcome } from '../mail/index.ts'
import { findOrganisation, listOrganisations } from '../organisations/index.ts'
import * as repo from './accounts.repo.ts'
import { CannotChangeOwnAccess } from './accounts.errors.ts'
import { type AdminScope, administrationScope, grantableRoles, inScope, mayGrant, scopeFilter } from './admin-scope.ts'
import { GrantRoleInput, InviteUserInput, SetUserStatusInput, UserListQuery } from './accounts.schemas.ts'
import { createUser, grantRole, revokeRole, setUserStatus } from './users.service.ts'
import { InvitePage } from './views/invite-page.tsx'
import { InvitedPage } from './views/invited-page.tsx'
import { StaleUserPage, type UserAccess, UserPage } from './views/user-page.tsx'
import { UsersListPage } from './views/users-list-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

const PAGE_SIZE = 50
const MANAGE = { config: { policy: 'users.manage' } }
const isUuid = (v: unknown): v is string => z.uuid().safeParse(v).success

/**
 * The organisations valid today that the actor administers, in Swedish order (a coordinator: their
 * länsstyrelse and its collaborations' parties, never another länsstyrelse). A name that occurs more
 * than once gets its county, so nobody picks the wrong one of two parties with the same name.
 */
async function organisationOptions(deps: Deps, scope: AdminScope): Promise<Option[]> {
  const rows = (await listOrganisations(deps.db)).filter(
    (r) => scope.all || (scope.organisationIds.has(r.id) && (r.kind !== 'county_board' || scope.coordinatorOf.has(r.id))),
  )
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1)
  const options = rows.map((r) => ({ value: r.id, label: seen.get(r.name)! > 1 && r.countyName ? `${r.name} (${r.countyName})` : r.name }))
  return sortBySv(options, (o) => o.label)
}

/** "Not your own account" has no field but belongs on the form, like field errors; others become error pages. */
const OWN_ACCESS = { formLevel: (err: DomainError) => err instanceof CannotChangeOwnAccess }

/**
 * Tells the invited person where to sign in. The password is never in the e-mail: it is handed over
 * by the administrator, so a read mailbox alone does not open the account.
 */
async function queueInviteMail(deps: Deps, req: FastifyRequest, user: { name: string; email: string }): Promise<MailOutcome> {
  if (!deps.jobs.started) return mailOutcome(deps, false)
  const params = { name: user.name, email: user.email, loginUrl: `${deps.config.baseUrl}/login`, collaboration: deps.config.collaborationName }
  const [sv, en] = [translator('sv'), translator('en')]
  try {
    await deps.jobs.send('mail.send', {
      to: user.email,
      subject: `${sv('accounts.users.inviteMail.subject')} / ${en('accounts.users.inviteMail.subject')}`,
      text: `${sv('accounts.users.inviteMail.text', params)}\n\n-- English --\n\n${en('accounts.users.inviteMail.text', params)}`,
    })
    return mailOutcome(deps, true)
  } catch (err) {
    // The account exists and the password is on the screen; a mail problem must not lose either.
    req.log.warn({ err }, 'invitation e-mail could not be queued')
    return mailOutcome(deps, false)
  }
}

/** User administration: list, invite, roles, deactivation. Coordinators and admins only (users.manage). */
export function usersRoutes(app: FastifyInstance, deps: Deps) {
  /** A user outside the actor's responsibility is not found: nobody learns which accounts exist elsewhere. */
  async function loadUser(req: FastifyRequest, id: unknown): Promise<repo.User> {
    // A malformed id would be a database error (invalid uuid syntax); it is simply not found.
    const user = isUuid(id) ? await repo.findUserById(deps.db, id) : undefined
    if (!user || !inScope(await administrationScope(deps.db, req.actor), user.organisationId)) throw new NotFoundError()
    return user
  }

  /** Which of the user's roles the actor may take away, and whether they may change the account itself. */
  async function accessTo(actor: Actor, scope: AdminScope, user: repo.User, grants: repo.GrantWithOrg[]) {
    const revocable = new Set<string>()
    for (const g of grants) if (await mayGrant(deps.db, scope, g.organisationId, g.role)) revocable.add(g.id)
    const access: UserAccess =
      user.id === actor.userId
        ? 'self'
        : !isAdmin(actor) && grants.some((g) => g.role === 'admin')
          ? 'adminOnly'
          : revocable.size === grants.length
            ? 'manage'
            : 'partial'
    return { access, revocable }
  }

  async function organisationName(id: string) {
    return (await findOrganisation(deps.db, id))?.name ?? ''
  }

  async function renderUser(
    req: FastifyRequest,
    reply: FastifyReply,
    user: repo.User,
    form: { values?: Record<string, string | string[]>; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const actor = req.actor!
    const scope = await administrationScope(deps.db, actor)
    const grants = await repo.grantsOf(deps.db, user.id)
    const { access, revocable } = await accessTo(actor, scope, user, grants)
    const page = (
      <UserPage
        user={user}
        organisationName={await organisationName(user.organisationId)}
        grants={grants}
        organisations={await organisationOptions(deps, scope)}
        grantableRoles={grantableRoles(actor)}
        access={access}
        revocable={revocable}
        {...form}
      />
    )
    return reply.page(page, status)
  }

  const renderInvite = async (req: FastifyRequest, form: { values?: Record<string, string | string[]>; errors?: FieldError[] } = {}) => (
    <InvitePage organisations={await organisationOptions(deps, await administrationScope(deps.db, req.actor))} roles={grantableRoles(req.actor!)} {...form} />
  )

  app.get('/admin/users', MANAGE, async (req, reply) => {
    const parsed = UserListQuery.safeParse(req.query)
    const state = parsed.success ? parsed.data : UserListQuery.parse({})
    const scope = await administrationScope(deps.db, req.actor)
    const { rows, total } = await repo.listUsers(deps.db, { ...state, within: scopeFilter(scope), limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE })
    return reply.page(<UsersListPage rows={rows} total={total} pageSize={PAGE_SIZE} state={state} organisations={await organisationOptions(deps, scope)} />)
  })

  app.get('/admin/users/new', MANAGE, async (req, reply) => reply.page(await renderInvite(req)))

  app.post('/admin/users', { config: { ...MANAGE.config, form: InviteUserInput } }, async (req, reply) => {
    const form = parseForm(InviteUserInput, req.body, req.t)
    if (!form.ok) return reply.page(await renderInvite(req, { values: form.values, errors: form.errors }), 400)
    let created: Awaited<ReturnType<typeof createUser>>
    try {
      created = await createUser(deps, { actor: req.actor, requestId: req.id }, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t, OWN_ACCESS)
      return reply.page(await renderInvite(req, { values: formValues(req.body), errors }), status)
    }
    const mail = await queueInviteMail(deps, req, created.user)
    // A page, not a redirect: the one-time password exists only in this response.
    return reply.page(<InvitedPage user={created.user} password={created.oneTimePassword!} mail={mail} />)
  })

  app.get('/admin/users/:id', MANAGE, async (req, reply) => {
    const user = await loadUser(req, paramsOf(req).id)
    return renderUser(req, reply, user)
  })

  app.post('/admin/users/:id/roles', { config: { ...MANAGE.config, form: GrantRoleInput } }, async (req, reply) => {
    const user = await loadUser(req, paramsOf(req).id)
    const form = parseForm(GrantRoleInput, req.body, req.t)
    if (!form.ok) return renderUser(req, reply, user, { values: form.values, errors: form.errors }, 400)
    try {
      const grant = await grantRole(deps, ctxOf(req), user.id, form.data.organisationId, form.data.role)
      const params = { name: user.name, role: req.t(`platform.roles.${form.data.role}`), organisation: await organisationName(form.data.organisationId) }
      if (grant) reply.flash('success', 'accounts.users.flash.granted', params)
      else reply.flash('info', 'accounts.users.flash.alreadyGranted', params)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t, OWN_ACCESS)
      return renderUser(req, reply, user, { values: formValues(req.body), errors }, status)
    }
    return reply.seeOther(`/admin/users/${user.id}`)
  })

  app.post('/admin/users/:id/roles/:grantId/delete', MANAGE, async (req, reply) => {
    const { id, grantId } = paramsOf(req)
    const user = await loadUser(req, id)
    if (!isUuid(grantId)) throw new NotFoundError()
    const grant = (await repo.grantsOf(deps.db, user.id)).find((g) => g.id === grantId)
    try {
      await revokeRole(deps, ctxOf(req), user.id, grantId)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t, OWN_ACCESS)
      return renderUser(req, reply, user, { errors }, status)
    }
    reply.flash('success', 'accounts.users.flash.revoked', { role: req.t(`platform.roles.${grant!.role}`), organisation: grant!.organisationName })
    return reply.seeOther(`/admin/users/${user.id}`)
  })

  app.post('/admin/users/:id/status', MANAGE, async (req, reply) => {
    const user = await loadUser(req, paramsOf(req).id)
    const input = SetUserStatusInput.safeParse(req.body)
    // Only a tampered or truncated form gets here: the fields are hidden.
    if (!input.success) throw new DomainError('bad_request', 'platform.errors.badRequest', 400)
    const { status, version } = input.data
    try {
      await setUserStatus(deps, ctxOf(req), user.id, version, status)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = (err.current as repo.User | undefined) ?? user
        return reply.page(<StaleUserPage current={current} organisationName={await organisationName(current.organisationId)} wanted={status} />, 409)
      }
      const { errors, status: httpStatus } = formErrorOrThrow(err, req.t, OWN_ACCESS)
      return renderUser(req, reply, user, { errors }, httpStatus)
    }
    reply.flash('success', status === 'deactivated' ? 'accounts.users.flash.deactivated' : 'accounts.users.flash.reactivated', { name: user.name })
    return reply.seeOther(`/admin/users/${user.id}`)
  })
}
