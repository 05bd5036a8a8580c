import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { loginRoutes } from './login.routes.tsx'
import { meApi } from './me.api.ts'
import { actorFromSession } from './sessions.service.ts'
import { usersRoutes } from './users.routes.tsx'
import { sessionCleanupJob } from './session-cleanup.job.ts'

export { createUser, grantRole, revokeRole, setUserStatus } from './users.service.ts'
export { actorForUser, openSession } from './sessions.service.ts'
export { login } from './login.service.ts'
export { findUserByEmail, findUserById } from './accounts.repo.ts'
export { type AdminScope, administrationScope, inScope, scopeFilter } from './admin-scope.ts'
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PASSWORD_HASH } from './demo-accounts.ts'

/** Accounts, sessions, passwords, the user administration pages and GET /api/v1/me. */
export async function accounts(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auth.session = (token) => actorFromSession(deps, token)
  deps.auditLabels.actions({
    'session.login': 'accounts.audit.sessionLogin',
    'session.login_failed': 'accounts.audit.sessionLoginFailed',
    'session.logout': 'accounts.audit.sessionLogout',
    'user.created': 'accounts.audit.userCreated',
    'user.deactivated': 'accounts.audit.userDeactivated',
    'user.reactivated': 'accounts.audit.userReactivated',
    'user.password_changed': 'accounts.audit.userPasswordChanged',
    'role.granted': 'accounts.audit.roleGranted',
    'role.revoked': 'accounts.audit.roleRevoked',
  })
  deps.auditLabels.entities({ user: 'accounts.audit.userEntity' })
  deps.nav.add({
    href: '/admin/users',
    labelKey: 'accounts.nav.users',
    descriptionKey: 'accounts.nav.usersDescription',
    order: 80,
    visible: (a) => a?.via === 'session' && deps.policies.get('users.manage')!(a, undefined as any),
  })
  deps.nav.add({ href: '/account', labelKey: 'accounts.nav.account', order: 95, visible: (a) => a?.via === 'session' })
  sessionCleanupJob(deps)
  loginRoutes(app, deps)
  usersRoutes(app, deps)
  meApi(app, deps)
}
