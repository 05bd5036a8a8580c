import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { files } from '../../platform/files/files.tables.ts'
import { collaborationParties } from '../collaborations/collaborations.tables.ts'
import { isCurrentParty } from '../collaborations/index.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { declarationVersions, type JointEventAnswer, type JointEventKind, jointEventParties, jointEvents, partySignatures } from './declarations.tables.ts'

export type JointEvent = typeof jointEvents.$inferSelect
export type JointEventParty = typeof jointEventParties.$inferSelect

export interface JointEventRow extends JointEvent {
  invitationFileName: string | null
  invitationFileSize: number | null
  invitationContentType: string | null
}

const eventColumns = {
  e: jointEvents,
  invitationFileName: files.filename,
  invitationFileSize: files.size,
  invitationContentType: files.contentType,
}

const flatten = (r: { e: JointEvent; invitationFileName: string | null; invitationFileSize: number | null; invitationContentType: string | null }) => {
  const { e, ...rest } = r
  return { ...e, ...rest }
}

/** A collaboration's joint events, newest first (or of one kind). */
export async function listEvents(db: Db, collaborationId: string, kind?: JointEventKind): Promise<JointEventRow[]> {
  const rows = await db
    .select(eventColumns)
    .from(jointEvents)
    .leftJoin(files, eq(files.id, jointEvents.invitationFileId))
    .where(and(eq(jointEvents.collaborationId, collaborationId), kind ? eq(jointEvents.kind, kind) : undefined))
    .orderBy(desc(jointEvents.eventDate), asc(jointEvents.kind))
  return rows.map(flatten)
}

export async function findEvent(db: Db, id: string): Promise<JointEventRow | undefined> {
  const [r] = await db.select(eventColumns).from(jointEvents).leftJoin(files, eq(files.id, jointEvents.invitationFileId)).where(eq(jointEvents.id, id))
  return r && flatten(r)
}

export async function findEventByKey(db: Db, collaborationId: string, kind: JointEventKind, eventDate: string): Promise<JointEvent | undefined> {
  const [e] = await db
    .select()
    .from(jointEvents)
    .where(and(eq(jointEvents.collaborationId, collaborationId), eq(jointEvents.kind, kind), eq(jointEvents.eventDate, eventDate)))
  return e
}

export async function lockEvent(tx: Db, id: string): Promise<JointEvent | undefined> {
  const [e] = await tx.select().from(jointEvents).where(eq(jointEvents.id, id)).for('update')
  return e
}

/** Undefined when an event of that kind already exists on that day (the unique key). */
export async function insertEvent(tx: Db, values: typeof jointEvents.$inferInsert): Promise<JointEvent | undefined> {
  const [e] = await tx.insert(jointEvents).values(values).onConflictDoNothing().returning()
  return e
}

/** Optimistic update: undefined when someone else saved first. */
export async function updateEvent(tx: Db, id: string, version: number, values: Partial<typeof jointEvents.$inferInsert>) {
  const [e] = await tx
    .update(jointEvents)
    .set({ ...values, updatedAt: new Date(), version: sql`${jointEvents.version} + 1` })
    .where(and(eq(jointEvents.id, id), eq(jointEvents.version, version)))
    .returning()
  return e as JointEvent | undefined
}

/** Invites parties to an event; a party already invited keeps its row and answer. */
export async function insertEventParties(tx: Db, eventId: string, organisationIds: string[]) {
  if (!organisationIds.length) return []
  return tx
    .insert(jointEventParties)
    .values(organisationIds.map((organisationId) => ({ jointEventId: eventId, organisationId })))
    .onConflictDoNothing()
    .returning()
}

export async function lockEventParty(tx: Db, eventId: string, organisationId: string): Promise<JointEventParty | undefined> {
  const [p] = await tx
    .select()
    .from(jointEventParties)
    .where(and(eq(jointEventParties.jointEventId, eventId), eq(jointEventParties.organisationId, organisationId)))
    .for('update')
  return p
}

export async function updateEventParty(
  tx: Db,
  id: string,
  version: number,
  values: { answer: JointEventAnswer; attendees: string; invitedLevel: string | null; answeredOn: string | null },
) {
  const [p] = await tx
    .update(jointEventParties)
    .set({ ...values, updatedAt: new Date(), version: sql`${jointEventParties.version} + 1` })
    .where(and(eq(jointEventParties.id, id), eq(jointEventParties.version, version)))
    .returning()
  return p as JointEventParty | undefined
}

export interface EventPartyRow {
  organisationId: string
  name: string
  kind: string
  joinedOn: string | null
  /** Null: the party was not invited to this event (it joined later). */
  rowId: string | null
  invitedLevel: string | null
  answer: JointEventAnswer | null
  attendees: string | null
  answeredOn: string | null
  version: number | null
  /** Its record on the newest declaration version: when it was invited to decide, and how it signed. */
  invitedOn: string | null
  signatureId: string | null
  signatureStatus: string | null
  signedOn: string | null
  signedAtEventId: string | null
}

/**
 * Every current party of the collaboration (and any former party that was invited) with its answer
 * to the event, its joining date and its record on the newest declaration version.
 */
export async function listEventParties(db: Db, event: Pick<JointEvent, 'id' | 'collaborationId'>, latestVersionId: string | null): Promise<EventPartyRow[]> {
  const onVersion = latestVersionId ? eq(partySignatures.declarationVersionId, latestVersionId) : sql`false`
  const rows = await db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      joinedOn: collaborationParties.joinedOn,
      current: sql<boolean>`${isCurrentParty(collaborationParties.leftOn)}`,
      rowId: jointEventParties.id,
      invitedLevel: jointEventParties.invitedLevel,
      answer: jointEventParties.answer,
      attendees: jointEventParties.attendees,
      answeredOn: jointEventParties.answeredOn,
      version: jointEventParties.version,
      invitedOn: partySignatures.invitedOn,
      signatureId: partySignatures.id,
      signatureStatus: partySignatures.status,
      signedOn: partySignatures.signedOn,
      signedAtEventId: partySignatures.signedAtEventId,
    })
    .from(collaborationParties)
    .innerJoin(organisations, eq(organisations.id, collaborationParties.organisationId))
    .leftJoin(jointEventParties, and(eq(jointEventParties.jointEventId, event.id), eq(jointEventParties.organisationId, organisations.id)))
    .leftJoin(partySignatures, and(onVersion, eq(partySignatures.organisationId, organisations.id)))
    .where(eq(collaborationParties.collaborationId, event.collaborationId))
  const collator = new Intl.Collator('sv')
  return rows
    .filter((r) => r.current || r.rowId)
    .map(({ current: _c, ...r }) => r)
    .sort((a, b) => collator.compare(a.name, b.name))
}

/** The collaboration of an event's invitation file (for downloads limited to partners). */
export async function collaborationOfInvitationFile(db: Db, fileId: string): Promise<string | undefined> {
  const [r] = await db.select({ collaborationId: jointEvents.collaborationId }).from(jointEvents).where(eq(jointEvents.invitationFileId, fileId)).limit(1)
  return r?.collaborationId
}

/** The joint event a signature was made at, for its page. */
export async function eventOfSignature(db: Db, signatureId: string): Promise<JointEvent | undefined> {
  const [r] = await db
    .select({ e: jointEvents })
    .from(partySignatures)
    .innerJoin(jointEvents, eq(jointEvents.id, partySignatures.signedAtEventId))
    .where(eq(partySignatures.id, signatureId))
  return r?.e
}

/** The party's invited level and answer to an event, for the memo. */
export async function findEventParty(db: Db, eventId: string, organisationId: string): Promise<JointEventParty | undefined> {
  const [p] = await db
    .select()
    .from(jointEventParties)
    .where(and(eq(jointEventParties.jointEventId, eventId), eq(jointEventParties.organisationId, organisationId)))
  return p
}

/** The newest declaration version's id (null when there is none). */
export async function latestVersionId(db: Db, collaborationId: string): Promise<string | null> {
  const [v] = await db
    .select({ id: declarationVersions.id })
    .from(declarationVersions)
    .where(eq(declarationVersions.collaborationId, collaborationId))
    .orderBy(desc(declarationVersions.versionNo))
    .limit(1)
  return v?.id ?? null
}
