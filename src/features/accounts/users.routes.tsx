import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { type Actor, isAdmin, ROLES } from '../../platform/http/actor.ts'
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { Option } from '../../platform/views/form-controls.tsx'
import { type MailOutcome, mailOutcome } from '../mail/index.ts'
import { findOrganisation, listOrganisations } from '../organisations/index.ts'
import * as repo from './accounts.repo.ts'
import { CannotChangeOwnAccess } from './accounts.errors.ts'
import { canGrantRole } from './accounts.policy.ts'
import { GrantRoleInput, InviteUserInput, SetUserStatusInput, UserListQuery } from './accounts.schemas.ts'
import { createUser, grantRole, revokeRole, setUserStatus } from './users.service.ts'
import { InvitePage } from './views/invite-page.tsx'
import { InvitedPage } from './views/invited-page.tsx'
import { StaleUserPage, type UserAccess, UserPage } from './views/user-page.tsx'
import { UsersListPage } from './views/users-list-page.tsx'

const PAGE_SIZE = 50
const MANAGE = { config: { policy: 'users.manage' } }
const isUuid = (v: unknown): v is string => z.uuid().safeParse(v).success

/**
 * Every organisation valid today, in Swedish order. A name that occurs more than once gets its
 * county, so nobody picks the wrong one of two parties with the same name.
 */
async function organisationOptions(deps: Deps): Promise<Option[]> {
  const rows = await listOrganisations(deps.db)
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1)
  const options = rows.map((r) => ({ value: r.id, label: seen.get(r.name)! > 1 && r.countyName ? `${r.name} (${r.countyName})` : r.name }))
  return sortBySv(options, (o) => o.label)
}

/** The roles this actor may hand out (only an admin gives out admin). */
const grantableRoles = (actor: Actor) => ROLES.filter((r) => canGrantRole(actor, r))

/** Rule violations that belong on the form (field errors, or "not your own account"); others become error pages. */
function formErrors(req: FastifyRequest, err: unknown): FieldError[] | undefined {
  if (!(err instanceof DomainError) || !(err.field || err instanceof CannotChangeOwnAccess)) return undefined
  return [{ field: err.field ?? '', message: req.t(err.messageKey, err.params) }]
}

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
  async function loadUser(id: unknown): Promise<repo.User> {
    // A malformed id would be a database error (invalid uuid syntax); it is simply not found.
    const user = isUuid(id) ? await repo.findUserById(deps.db, id) : undefined
    if (!user) throw new NotFoundError()
    return user
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
    const grants = await repo.grantsOf(deps.db, user.id)
    const access: UserAccess = user.id === actor.userId ? 'self' : !isAdmin(actor) && grants.some((g) => g.role === 'admin') ? 'adminOnly' : 'manage'
    const page = (
      <UserPage
        user={user}
        organisationName={await organisationName(user.organisationId)}
        grants={grants}
        organisations={await organisationOptions(deps)}
        grantableRoles={grantableRoles(actor)}
        access={access}
        {...form}
      />
    )
    return reply.page(page, status)
  }

  const renderInvite = async (req: FastifyRequest, form: { values?: Record<string, string | string[]>; errors?: FieldError[] } = {}) => (
    <InvitePage organisations={await organisationOptions(deps)} roles={grantableRoles(req.actor!)} {...form} />
  )

  app.get('/admin/users', MANAGE, async (req, reply) => {
    const parsed = UserListQuery.safeParse(req.query)
    const state = parsed.success ? parsed.data : UserListQuery.parse({})
    const { rows, total } = await repo.listUsers(deps.db, { ...state, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE })
    return reply.page(<UsersListPage rows={rows} total={total} pageSize={PAGE_SIZE} state={state} organisations={await organisationOptions(deps)} />)
  })

  app.get('/admin/users/new', MANAGE, async (req, reply) => reply.page(await renderInvite(req)))

  app.post('/admin/users', MANAGE, async (req, reply) => {
    const form = parseForm(InviteUserInput, req.body, req.t)
    if (!form.ok) return reply.page(await renderInvite(req, { values: form.values, errors: form.errors }), 400)
    let created: Awaited<ReturnType<typeof createUser>>
    try {
      created = await createUser(deps, { actor: req.actor, requestId: req.id }, form.data)
    } catch (err) {
      const errors = formErrors(req, err)
      if (!errors) throw err
      return reply.page(await renderInvite(req, { values: rawValues(req.body), errors }), (err as DomainError).status)
    }
    const mail = await queueInviteMail(deps, req, created.user)
    // A page, not a redirect: the one-time password exists only in this response.
    return reply.page(<InvitedPage user={created.user} password={created.oneTimePassword!} mail={mail} />)
  })

  app.get('/admin/users/:id', MANAGE, async (req, reply) => {
    const user = await loadUser((req.params as { id: string }).id)
    return renderUser(req, reply, user)
  })

  app.post('/admin/users/:id/roles', MANAGE, async (req, reply) => {
    const user = await loadUser((req.params as { id: string }).id)
    const form = parseForm(GrantRoleInput, req.body, req.t)
    if (!form.ok) return renderUser(req, reply, user, { values: form.values, errors: form.errors }, 400)
    try {
      const grant = await grantRole(deps, req.actor!, user.id, form.data.organisationId, form.data.role, req.id)
      const params = { name: user.name, role: req.t(`platform.roles.${form.data.role}`), organisation: await organisationName(form.data.organisationId) }
      if (grant) reply.flash('success', 'accounts.users.flash.granted', params)
      else reply.flash('info', 'accounts.users.flash.alreadyGranted', params)
    } catch (err) {
      const errors = formErrors(req, err)
      if (!errors) throw err
      return renderUser(req, reply, user, { values: rawValues(req.body), errors }, (err as DomainError).status)
    }
    return reply.seeOther(`/admin/users/${user.id}`)
  })

  app.post('/admin/users/:id/roles/:grantId/delete', MANAGE, async (req, reply) => {
    const { id, grantId } = req.params as { id: string; grantId: string }
    const user = await loadUser(id)
    if (!isUuid(grantId)) throw new NotFoundError()
    const grant = (await repo.grantsOf(deps.db, user.id)).find((g) => g.id === grantId)
    try {
      await revokeRole(deps, req.actor!, user.id, grantId, req.id)
    } catch (err) {
      const errors = formErrors(req, err)
      if (!errors) throw err
      return renderUser(req, reply, user, { errors }, (err as DomainError).status)
    }
    reply.flash('success', 'accounts.users.flash.revoked', { role: req.t(`platform.roles.${grant!.role}`), organisation: grant!.organisationName })
    return reply.seeOther(`/admin/users/${user.id}`)
  })

  app.post('/admin/users/:id/status', MANAGE, async (req, reply) => {
    const user = await loadUser((req.params as { id: string }).id)
    const input = SetUserStatusInput.safeParse(req.body)
    // Only a tampered or truncated form gets here: the fields are hidden.
    if (!input.success) throw new DomainError('bad_request', 'platform.errors.badRequest', 400)
    const { status, version } = input.data
    try {
      await setUserStatus(deps, req.actor!, user.id, version, status, req.id)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = (err.current as repo.User | undefined) ?? user
        return reply.page(<StaleUserPage current={current} organisationName={await organisationName(current.organisationId)} wanted={status} />, 409)
      }
      const errors = formErrors(req, err)
      if (!errors) throw err
      return renderUser(req, reply, user, { errors }, (err as DomainError).status)
    }
    reply.flash('success', status === 'deactivated' ? 'accounts.users.flash.deactivated' : 'accounts.users.flash.reactivated', { name: user.name })
    return reply.seeOther(`/admin/users/${user.id}`)
  })
}

/** The form as typed, for re-rendering after a rule violation (the CSRF token is not a value). */
function rawValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (k !== '_csrf' && typeof v === 'string') out[k] = v
  return out
}
