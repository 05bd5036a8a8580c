import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { type FileInfo, insertFile } from '../../platform/files/files.repo.ts'
import type { CheckedFile } from '../../platform/files/uploads.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { canManageCollaboration, isPartner } from '../collaborations/index.ts'
import { type LoadedScope, collaborationScope, isUuid } from '../collaborations/index.ts'
import { NotCurrentVersion, VersionLocked, fieldError } from './declarations.errors.ts'
import * as repo from './declarations.repo.ts'
import type { UpdateVersionInput, VersionInput } from './declarations.schemas.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

/** Today in Sweden, as an ISO date: "not in the future" means what it means to a Swedish official. */
export const todayIso = () => formatIsoDate(new Date())

/**
 * A collaboration and its scope for a reader. Unknown → 404; known but the actor is no partner →
 * 403 (the collaboration itself is no secret, its declaration work is partners' business).
 */
export async function loadCollaboration(
  deps: Deps,
  actor: Actor | undefined,
  collaborationId: unknown,
): Promise<{ collaboration: repo.CollaborationInfo; scope: LoadedScope }> {
  const scope = isUuid(collaborationId) ? await collaborationScope(deps.db, collaborationId) : undefined
  const collaboration = scope && (await repo.findCollaborationInfo(deps.db, scope.collaborationId))
  if (!scope || !collaboration) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  return { collaboration, scope }
}

/** The declaration page: every version (newest first), and whether the newest may still change. */
export async function declarationOverview(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  const { collaboration, scope } = await loadCollaboration(deps, actor, collaborationId)
  const versions = await repo.listVersions(deps.db, collaboration.id)
  const current = versions[0]
  const locked = current ? await repo.isVersionLocked(deps.db, current.id) : false
  return { collaboration, scope, versions, current, locked, canManage: canManageCollaboration(actor, scope) }
}

/** The collaboration for the new-version form; only a manager gets it. */
export async function loadForNewVersion(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  const { collaboration, scope } = await loadCollaboration(deps, actor, collaborationId)
  if (!canManageCollaboration(actor, scope)) throw new ForbiddenError()
  return collaboration
}

/** One version for the edit form; only a manager gets it. */
export async function loadVersionForEdit(deps: Deps, actor: Actor | undefined, versionId: unknown) {
  const version = isUuid(versionId) ? await repo.findVersion(deps.db, versionId) : undefined
  if (!version) throw new NotFoundError()
  const { collaboration, scope } = await loadCollaboration(deps, actor, version.collaborationId)
  if (!canManageCollaboration(actor, scope)) throw new ForbiddenError()
  const versions = await repo.listVersions(deps.db, collaboration.id)
  const current = versions.find((v) => v.id === version.id)!
  const isCurrent = versions[0]?.id === version.id
  const locked = await repo.isVersionLocked(deps.db, version.id)
  return { collaboration, version: current, isCurrent, locked }
}

const auditedVersion = (v: repo.DeclarationVersion, file?: FileInfo | null) => ({
  ...v,
  file: file ? { id: file.id, filename: file.filename, sha256: file.sha256, size: file.size } : undefined,
})

/**
 * Adds a new version of the declaration and invites every current party to decide on it (the
 * parties decided on the old text, not on this one).
 * @throws NotFoundError, ForbiddenError, DomainError (text or file required)
 */
export async function createVersion(deps: Deps, ctx: Ctx, collaborationId: string, input: VersionInput, file?: CheckedFile) {
  const { collaboration, scope } = await loadCollaboration(deps, ctx.actor, collaborationId)
  if (!canManageCollaboration(ctx.actor, scope)) throw new ForbiddenError()
  if (!input.bodyText && !file) throw fieldError('text_or_file', 'declarations.errors.textOrFile', 'bodyText')
  return deps.db.transaction(async (tx) => {
    await repo.lockCollaboration(tx, collaboration.id)
    const versionNo = (await repo.latestVersionNo(tx, collaboration.id)) + 1
    const stored = file ? await insertFile(tx, file, { organisationId: collaboration.organisationId, uploadedBy: ctx.actor.userId }) : null
    const version = await repo.insertVersion(tx, {
      collaborationId: collaboration.id,
      versionNo,
      title: input.title,
      bodyText: input.bodyText,
      fileId: stored?.id ?? null,
      adoptedOn: input.adoptedOn ?? null,
    })
    const parties = await repo.listCurrentParties(tx, collaboration.id)
    const invited = await repo.insertInvitations(
      tx,
      version.id,
      parties.map((p) => p.organisationId),
      todayIso(),
    )
    await audit(tx, ctx, {
      action: 'declaration.version_created',
      entityType: 'declaration_version',
      entityId: version.id,
      organisationId: collaboration.organisationId,
      after: { ...auditedVersion(version, stored), invitedParties: invited.map((s) => s.organisationId) },
    })
    return version
  })
}

/**
 * Changes the newest version while nobody has decided on it. Refused (and nothing stored, not even
 * the uploaded file) once a party has decided, for an older version, or on a stale form.
 * @throws NotFoundError, ForbiddenError, VersionLocked, NotCurrentVersion, StaleVersionError
 */
export async function updateVersion(deps: Deps, ctx: Ctx, versionId: string, input: UpdateVersionInput, file?: CheckedFile) {
  const found = isUuid(versionId) ? await repo.findVersion(deps.db, versionId) : undefined
  if (!found) throw new NotFoundError()
  const { collaboration, scope } = await loadCollaboration(deps, ctx.actor, found.collaborationId)
  if (!canManageCollaboration(ctx.actor, scope)) throw new ForbiddenError()
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockVersion(tx, found.id, 'update')
    if (!before) throw new NotFoundError()
    if (before.versionNo !== (await repo.latestVersionNo(tx, collaboration.id))) throw new NotCurrentVersion()
    if (await repo.isVersionLocked(tx, before.id)) throw new VersionLocked()
    if (before.version !== input.version) throw new StaleVersionError(before)
    const keptFileId = input.removeFile ? null : before.fileId
    if (!input.bodyText && !file && !keptFileId) throw fieldError('text_or_file', 'declarations.errors.textOrFile', 'bodyText')
    const stored = file ? await insertFile(tx, file, { organisationId: collaboration.organisationId, uploadedBy: ctx.actor.userId }) : null
    const after = await repo.updateVersion(tx, before.id, input.version, {
      title: input.title,
      bodyText: input.bodyText,
      adoptedOn: input.adoptedOn ?? null,
      fileId: stored?.id ?? keptFileId,
    })
    if (!after) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'declaration.version_updated',
      entityType: 'declaration_version',
      entityId: after.id,
      organisationId: collaboration.organisationId,
      before,
      after: auditedVersion(after, stored),
    })
    return after
  })
}
