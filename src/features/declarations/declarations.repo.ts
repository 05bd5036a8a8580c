import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { files } from '../../platform/files/files.tables.ts'
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { isCurrentParty } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { declarationVersions, partySignatures, signatureAttachments } from './declarations.tables.ts'
import { collaborationOfInvitationFile } from './joint-events.repo.ts'

export type DeclarationVersion = typeof declarationVersions.$inferSelect

/**
 * What this feature reads of a collaboration (read-only: the collaborations feature owns it). The
 * queries are here, not borrowed, because the board and the memo need them joined with our tables.
 */
export interface CollaborationInfo {
  id: string
  code: string
  name: string
  shortName: string
  periodStart: string
  periodEnd: string
  purpose: string
  organisationId: string
  ownerName: string
}

export async function findCollaborationInfo(db: Db, id: string): Promise<CollaborationInfo | undefined> {
  const [c] = await db
    .select({
      id: collaborations.id,
      code: collaborations.code,
      name: collaborations.name,
      shortName: collaborations.shortName,
      periodStart: collaborations.periodStart,
      periodEnd: collaborations.periodEnd,
      purpose: collaborations.purpose,
      organisationId: collaborations.organisationId,
      ownerName: organisations.name,
    })
    .from(collaborations)
    .innerJoin(organisations, eq(organisations.id, collaborations.organisationId))
    .where(eq(collaborations.id, id))
  return c
}

export interface PartyInfo {
  organisationId: string
  name: string
  kind: string
  isConvenor: boolean
}

/** The current parties (a party that has left is not invited to new versions). */
export async function listCurrentParties(db: Db, collaborationId: string): Promise<PartyInfo[]> {
  return db
    .select({ organisationId: organisations.id, name: organisations.name, kind: organisations.kind, isConvenor: collaborationParties.isConvenor })
    .from(collaborationParties)
    .innerJoin(organisations, eq(organisations.id, collaborationParties.organisationId))
    .where(and(eq(collaborationParties.collaborationId, collaborationId), isCurrentParty(collaborationParties.leftOn)))
}

export interface VersionRow extends DeclarationVersion {
  fileName: string | null
  fileSize: number | null
}

/** All versions, newest first, with their file's name and size (never its bytes). */
export async function listVersions(db: Db, collaborationId: string): Promise<VersionRow[]> {
  const rows = await db
    .select({ v: declarationVersions, fileName: files.filename, fileSize: files.size })
    .from(declarationVersions)
    .leftJoin(files, eq(files.id, declarationVersions.fileId))
    .where(eq(declarationVersions.collaborationId, collaborationId))
    .orderBy(desc(declarationVersions.versionNo))
  return rows.map((r) => ({ ...r.v, fileName: r.fileName, fileSize: r.fileSize }))
}

export async function findVersion(db: Db, id: string): Promise<DeclarationVersion | undefined> {
  const [v] = await db.select().from(declarationVersions).where(eq(declarationVersions.id, id))
  return v
}

/**
 * Locks a version row for the rest of the transaction. An edit takes it FOR UPDATE and a decision
 * FOR SHARE, so "edit while nobody has decided" and "decide on this text" cannot interleave.
 */
export async function lockVersion(tx: Db, id: string, mode: 'update' | 'share'): Promise<DeclarationVersion | undefined> {
  const [v] = await tx.select().from(declarationVersions).where(eq(declarationVersions.id, id)).for(mode)
  return v
}

/** The newest version number of a collaboration (0 when there is none). */
export async function latestVersionNo(db: Db, collaborationId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${declarationVersions.versionNo}), 0)::int` })
    .from(declarationVersions)
    .where(eq(declarationVersions.collaborationId, collaborationId))
  return Number(r?.n ?? 0)
}

/** Whether any party has decided on the version (see locksVersion in signatures.workflow.ts). */
export async function isVersionLocked(db: Db, versionId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: partySignatures.id })
    .from(partySignatures)
    .where(
      and(
        eq(partySignatures.declarationVersionId, versionId),
        or(inArray(partySignatures.status, ['decided', 'signed']), sql`${partySignatures.decisionDate} is not null`),
      ),
    )
    .limit(1)
  return !!r
}

export async function insertVersion(db: Db, values: typeof declarationVersions.$inferInsert): Promise<DeclarationVersion> {
  const [v] = await db.insert(declarationVersions).values(values).returning()
  return v
}

/** Optimistic update: undefined when someone else saved first. */
export async function updateVersion(db: Db, id: string, version: number, values: Partial<typeof declarationVersions.$inferInsert>) {
  const [v] = await db
    .update(declarationVersions)
    .set({ ...values, updatedAt: new Date(), version: sql`${declarationVersions.version} + 1` })
    .where(and(eq(declarationVersions.id, id), eq(declarationVersions.version, version)))
    .returning()
  return v as DeclarationVersion | undefined
}

/** Invites parties to a version; a party already invited keeps its record. */
export async function insertInvitations(db: Db, versionId: string, organisationIds: string[], invitedOn: string) {
  if (!organisationIds.length) return []
  return db
    .insert(partySignatures)
    .values(organisationIds.map((organisationId) => ({ declarationVersionId: versionId, organisationId, invitedOn })))
    .onConflictDoNothing()
    .returning()
}

/**
 * The collaboration a stored file belongs to through this feature (a declaration's PDF, a
 * signature attachment or a joint event's invitation), so downloads can be limited to its partners. Undefined: not ours.
 */
export async function collaborationOfFile(db: Db, fileId: string): Promise<string | undefined> {
  const [direct] = await db
    .select({ collaborationId: declarationVersions.collaborationId })
    .from(declarationVersions)
    .where(eq(declarationVersions.fileId, fileId))
    .limit(1)
  if (direct) return direct.collaborationId
  const [attached] = await db
    .select({ collaborationId: declarationVersions.collaborationId })
    .from(signatureAttachments)
    .innerJoin(partySignatures, eq(partySignatures.id, signatureAttachments.partySignatureId))
    .innerJoin(declarationVersions, eq(declarationVersions.id, partySignatures.declarationVersionId))
    .where(eq(signatureAttachments.fileId, fileId))
    .limit(1)
  return attached?.collaborationId ?? (await collaborationOfInvitationFile(db, fileId))
}

/** The newest version's identity (the one the board and new steps are about), without its text. */
export async function latestVersion(db: Db, collaborationId: string) {
  const [v] = await db
    .select({
      id: declarationVersions.id,
      versionNo: declarationVersions.versionNo,
      title: declarationVersions.title,
      adoptedOn: declarationVersions.adoptedOn,
    })
    .from(declarationVersions)
    .where(eq(declarationVersions.collaborationId, collaborationId))
    .orderBy(desc(declarationVersions.versionNo))
    .limit(1)
  return v
}

/** Serialises version numbering per collaboration (two coordinators creating a version at once). */
export async function lockCollaboration(tx: Db, collaborationId: string) {
  await tx.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.id, collaborationId)).for('update')
}

/** When a party joined the collaboration (null: not recorded). */
export async function joinedOnOf(db: Db, collaborationId: string, organisationId: string): Promise<string | null> {
  const [r] = await db
    .select({ joinedOn: collaborationParties.joinedOn })
    .from(collaborationParties)
    .where(and(eq(collaborationParties.collaborationId, collaborationId), eq(collaborationParties.organisationId, organisationId)))
  return r?.joinedOn ?? null
}
