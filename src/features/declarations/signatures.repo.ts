import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { files } from '../../platform/files/files.tables.ts'
import { collaborationParties } from '../collaborations/collaborations.tables.ts'
import { isCurrentParty } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { declarationVersions, memoDrafts, partySignatures, type SignatureStatus, signatureAttachments } from './declarations.tables.ts'

export type Signature = typeof partySignatures.$inferSelect

/** A signature record with what its pages need: the party, and the version and collaboration it is on. */
export interface SignatureRow extends Signature {
  organisationName: string
  organisationKind: string
  municipalityCode: string | null
  collaborationId: string
  versionNo: number
  versionTitle: string
  versionAdoptedOn: string | null
}

const rowColumns = {
  s: partySignatures,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  municipalityCode: organisations.municipalityCode,
  collaborationId: declarationVersions.collaborationId,
  versionNo: declarationVersions.versionNo,
  versionTitle: declarationVersions.title,
  versionAdoptedOn: declarationVersions.adoptedOn,
}

export async function findSignatureRow(db: Db, id: string): Promise<SignatureRow | undefined> {
  const [r] = await db
    .select(rowColumns)
    .from(partySignatures)
    .innerJoin(organisations, eq(organisations.id, partySignatures.organisationId))
    .innerJoin(declarationVersions, eq(declarationVersions.id, partySignatures.declarationVersionId))
    .where(eq(partySignatures.id, id))
  if (!r) return undefined
  const { s, ...rest } = r
  return { ...s, ...rest }
}

/** The record as stored, locked until the transaction ends (concurrent steps queue behind it). */
export async function lockSignature(tx: Db, id: string): Promise<Signature | undefined> {
  const [s] = await tx.select().from(partySignatures).where(eq(partySignatures.id, id)).for('update')
  return s
}

/** Optimistic update: undefined when the version is no longer current (someone else saved first). */
export async function updateSignature(tx: Db, id: string, version: number, values: Partial<typeof partySignatures.$inferInsert>) {
  const [s] = await tx
    .update(partySignatures)
    .set({ ...values, updatedAt: new Date(), version: sql`${partySignatures.version} + 1` })
    .where(and(eq(partySignatures.id, id), eq(partySignatures.version, version)))
    .returning()
  return s as Signature | undefined
}

export async function insertSignature(tx: Db, values: typeof partySignatures.$inferInsert): Promise<Signature | undefined> {
  const [s] = await tx.insert(partySignatures).values(values).onConflictDoNothing().returning()
  return s
}

export interface AttachmentRow {
  id: string
  fileId: string
  description: string | null
  filename: string
  contentType: string
  size: number
  createdAt: Date
}

export async function listAttachments(db: Db, signatureId: string): Promise<AttachmentRow[]> {
  return db
    .select({
      id: signatureAttachments.id,
      fileId: files.id,
      description: signatureAttachments.description,
      filename: files.filename,
      contentType: files.contentType,
      size: files.size,
      createdAt: signatureAttachments.createdAt,
    })
    .from(signatureAttachments)
    .innerJoin(files, eq(files.id, signatureAttachments.fileId))
    .where(eq(signatureAttachments.partySignatureId, signatureId))
    .orderBy(asc(signatureAttachments.createdAt))
}

export async function insertAttachment(tx: Db, values: typeof signatureAttachments.$inferInsert) {
  const [a] = await tx.insert(signatureAttachments).values(values).returning()
  return a
}

export interface BoardRow {
  organisationId: string
  name: string
  kind: string
  isConvenor: boolean
  signatureId: string | null
  status: SignatureStatus | null
  invitedOn: string | null
  decisionBody: string | null
  decisionDate: string | null
  decisionParagraph: string | null
  caseNumber: string | null
  signerName: string | null
  signedOn: string | null
}

/**
 * Every current party of the collaboration with its record on the version (null columns: not
 * invited to it yet), plus parties that have left but still hold a record on it.
 */
export async function boardRows(db: Db, collaborationId: string, versionId: string | null): Promise<BoardRow[]> {
  const onVersion = versionId ? eq(partySignatures.declarationVersionId, versionId) : sql`false`
  const rows = await db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      isConvenor: collaborationParties.isConvenor,
      current: sql<boolean>`${isCurrentParty(collaborationParties.leftOn)}`,
      signatureId: partySignatures.id,
      status: partySignatures.status,
      invitedOn: partySignatures.invitedOn,
      decisionBody: partySignatures.decisionBody,
      decisionDate: partySignatures.decisionDate,
      decisionParagraph: partySignatures.decisionParagraph,
      caseNumber: partySignatures.caseNumber,
      signerName: partySignatures.signerName,
      signedOn: partySignatures.signedOn,
    })
    .from(collaborationParties)
    .innerJoin(organisations, eq(organisations.id, collaborationParties.organisationId))
    .leftJoin(partySignatures, and(onVersion, eq(partySignatures.organisationId, organisations.id)))
    .where(eq(collaborationParties.collaborationId, collaborationId))
  return rows.filter((r) => r.current || r.signatureId).map(({ current: _c, ...r }) => r)
}

// ---- Memo drafts ----

export async function findMemoDraft(db: Db, signatureId: string) {
  const [d] = await db.select().from(memoDrafts).where(eq(memoDrafts.partySignatureId, signatureId))
  return d
}

export async function upsertMemoDraft(tx: Db, signatureId: string, fields: Record<string, string>, userId: string | null) {
  const [d] = await tx
    .insert(memoDrafts)
    .values({ partySignatureId: signatureId, fields, updatedBy: userId })
    .onConflictDoUpdate({ target: memoDrafts.partySignatureId, set: { fields, updatedBy: userId, updatedAt: new Date() } })
    .returning()
  return d
}
