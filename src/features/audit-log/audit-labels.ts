/**
 * Human labels for audit action codes and entity types. A small process-wide registry (no `deps`)
 * so a feature can declare its labels next to the code that writes its events:
 * `registerAuditLabel('plan.created', 'plans.audit.created')` at module level. Unknown codes are
 * shown raw, which is still correct, only less friendly.
 */
const actionLabels = new Map<string, string>()
const entityLabels = new Map<string, string>()

export function registerAuditLabel(action: string, i18nKey: string): void {
  actionLabels.set(action, i18nKey)
}

export function registerAuditEntityLabel(entityType: string, i18nKey: string): void {
  entityLabels.set(entityType, i18nKey)
}

export const auditLabelKey = (action: string): string | undefined => actionLabels.get(action)
export const auditEntityLabelKey = (entityType: string): string | undefined => entityLabels.get(entityType)

type T = (key: string, params?: Record<string, string | number>) => string

/** "Inloggning" for `session.login`; the raw code when nothing is registered. */
export const actionLabel = (t: T, action: string): string => {
  const key = actionLabels.get(action)
  return key ? t(key) : action
}

export const entityLabel = (t: T, entityType: string): string => {
  const key = entityLabels.get(entityType)
  return key ? t(key) : entityType
}

// The platform's own events (accounts, sessions, reference data, API tokens) are written before any
// feature-specific module could register them, so they are listed here.
const builtIn: Record<string, string> = {
  'session.login': 'auditLog.actions.sessionLogin',
  'session.login_failed': 'auditLog.actions.sessionLoginFailed',
  'session.logout': 'auditLog.actions.sessionLogout',
  'user.created': 'auditLog.actions.userCreated',
  'user.deactivated': 'auditLog.actions.userDeactivated',
  'user.reactivated': 'auditLog.actions.userReactivated',
  'user.password_changed': 'auditLog.actions.userPasswordChanged',
  'role.granted': 'auditLog.actions.roleGranted',
  'role.revoked': 'auditLog.actions.roleRevoked',
  'reference.loaded': 'auditLog.actions.referenceLoaded',
  'api_token.created': 'auditLog.actions.apiTokenCreated',
  'api_token.revoked': 'auditLog.actions.apiTokenRevoked',
}
for (const [action, key] of Object.entries(builtIn)) registerAuditLabel(action, key)

// Codes other features write without registering a label yet (audit-labels.test.ts finds them by
// scanning the source). A feature that registers its own label later simply replaces these.
const unregistered: Record<string, string> = {
  'declaration.version_created': 'auditLog.actions.declarationVersionCreated',
  'declaration.version_updated': 'auditLog.actions.declarationVersionUpdated',
  'memo.draft_saved': 'auditLog.actions.memoDraftSaved',
  'signature.step': 'auditLog.actions.signatureStep',
  'signature.attachment_added': 'auditLog.actions.signatureAttachmentAdded',
  'signature.invited': 'auditLog.actions.signatureInvited',
}
for (const [action, key] of Object.entries(unregistered)) if (!actionLabels.has(action)) registerAuditLabel(action, key)

const builtInEntities: Record<string, string> = {
  user: 'auditLog.entities.user',
  organisation: 'auditLog.entities.organisation',
  api_token: 'auditLog.entities.apiToken',
  reference_data: 'auditLog.entities.reference',
  declaration_version: 'auditLog.entities.declarationVersion',
  party_signature: 'auditLog.entities.partySignature',
  meeting: 'auditLog.entities.meeting',
  action_item: 'auditLog.entities.actionItem',
}
for (const [type, key] of Object.entries(builtInEntities)) registerAuditEntityLabel(type, key)

/** Actors that are not users: written by the CLI, seeds, jobs and failed logins. */
const systemActors: Record<string, string> = { system: 'auditLog.actors.system', anonymous: 'auditLog.actors.anonymous' }

export const actorLabel = (t: T, label: string, userId: string | null): string => {
  const key = userId ? undefined : systemActors[label]
  return key ? t(key) : label
}
