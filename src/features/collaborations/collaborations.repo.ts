import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { counties, organisations } from '../organisations/organisations.tables.ts'
import { collaborationParties, collaborations } from './collaborations.tables.ts'
import { type Viewer, collaborationVisibleTo, isCurrentParty } from './collaborations.visibility.ts'

export type Collaboration = typeof collaborations.$inferSelect

export interface CollaborationRow extends Collaboration {
  ownerName: string
  countyName: string | null
}

const withNames = {
  collaboration: collaborations,
  ownerName: organisations.name,
  countyName: counties.name,
}
const flatten = (r: { collaboration: Collaboration; ownerName: string; countyName: string | null }): CollaborationRow => ({
  ...r.collaboration,
  ownerName: r.ownerName,
  countyName: r.countyName,
})

/** Collaborations the viewer may see; sorted for display by the caller (Swedish collation). */
export async function listCollaborations(db: Db, viewer: Viewer): Promise<CollaborationRow[]> {
  const rows = await db
    .select(withNames)
    .from(collaborations)
    .innerJoin(organisations, eq(organisations.id, collaborations.organisationId))
    .leftJoin(counties, eq(counties.code, collaborations.countyCode))
    .where(collaborationVisibleTo(viewer))
  return rows.map(flatten)
}

/** One collaboration, if the viewer may see it. */
export async function findCollaborationFor(db: Db, viewer: Viewer, id: string): Promise<CollaborationRow | undefined> {
  const [row] = await db
    .select(withNames)
    .from(collaborations)
    .innerJoin(organisations, eq(organisations.id, collaborations.organisationId))
    .leftJoin(counties, eq(counties.code, collaborations.countyCode))
    .where(and(eq(collaborations.id, id), collaborationVisibleTo(viewer)))
  return row && flatten(row)
}

/** A public collaboration by its code (the public overview's address), or undefined. */
export async function findPublicCollaboration(db: Db, code: string): Promise<CollaborationRow | undefined> {
  const [row] = await db
    .select(withNames)
    .from(collaborations)
    .innerJoin(organisations, eq(organisations.id, collaborations.organisationId))
    .leftJoin(counties, eq(counties.code, collaborations.countyCode))
    .where(and(eq(collaborations.code, code), eq(collaborations.visibility, 'public')))
  return row && flatten(row)
}

export async function findCollaboration(db: Db, id: string): Promise<Collaboration | undefined> {
  const [c] = await db.select().from(collaborations).where(eq(collaborations.id, id))
  return c
}

/** Optimistic update: undefined when the version is no longer current (someone else saved first). */
export async function updateCollaboration(db: Db, id: string, version: number, values: Partial<typeof collaborations.$inferInsert>) {
  const [c] = await db
    .update(collaborations)
    .set({ ...values, updatedAt: new Date(), version: sql`${collaborations.version} + 1` })
    .where(and(eq(collaborations.id, id), eq(collaborations.version, version)))
    .returning()
  return c as Collaboration | undefined
}

export interface PartyRow {
  id: string
  organisationId: string
  code: string
  name: string
  shortName: string | null
  kind: (typeof organisations.$inferSelect)['kind']
  isConvenor: boolean
  joinedOn: string | null
  leftOn: string | null
  current: boolean
}

/** The parties of a collaboration (current ones, or with `former` those that have left too). */
export async function listParties(db: Db, collaborationId: string, opts: { former?: boolean } = {}): Promise<PartyRow[]> {
  return db
    .select({
      id: collaborationParties.id,
      organisationId: organisations.id,
      code: organisations.code,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      isConvenor: collaborationParties.isConvenor,
      joinedOn: collaborationParties.joinedOn,
      leftOn: collaborationParties.leftOn,
      current: sql<boolean>`${isCurrentParty(collaborationParties.leftOn)}`,
    })
    .from(collaborationParties)
    .innerJoin(organisations, eq(organisations.id, collaborationParties.organisationId))
    .where(and(eq(collaborationParties.collaborationId, collaborationId), opts.former ? undefined : isCurrentParty(collaborationParties.leftOn)))
    .orderBy(desc(collaborationParties.isConvenor), asc(organisations.name))
}

export type Party = typeof collaborationParties.$inferSelect

/**
 * Adds an organisation as a party, or brings back one that had left (a new joined date, no left
 * date). Undefined when it already is a current party: nothing is written then.
 */
export async function addParty(db: Db, values: { collaborationId: string; organisationId: string; isConvenor: boolean; joinedOn: string | null }) {
  const [p] = await db
    .insert(collaborationParties)
    .values(values)
    .onConflictDoUpdate({
      target: [collaborationParties.collaborationId, collaborationParties.organisationId],
      set: { isConvenor: sql`excluded.is_convenor`, joinedOn: sql`excluded.joined_on`, leftOn: null },
      setWhere: sql`not ${isCurrentParty(collaborationParties.leftOn)}`,
    })
    .returning()
  return p as Party | undefined
}

export async function findParty(db: Db, collaborationId: string, partyId: string): Promise<Party | undefined> {
  const [p] = await db
    .select()
    .from(collaborationParties)
    .where(and(eq(collaborationParties.id, partyId), eq(collaborationParties.collaborationId, collaborationId)))
  return p
}

/** Ends a party's membership on a date; undefined when it had already left. */
export async function endParty(db: Db, partyId: string, leftOn: string): Promise<Party | undefined> {
  const [p] = await db
    .update(collaborationParties)
    .set({ leftOn })
    .where(and(eq(collaborationParties.id, partyId), isCurrentParty(collaborationParties.leftOn)))
    .returning()
  return p
}

export interface SigningStatusRow {
  organisationId: string
  status: string
  signedOn: string | null
  decisionDate: string | null
}

/**
 * Each party's signature record on the collaboration's latest declaration version (read-only: the
 * declarations feature owns the workflow). Empty when there is no declaration yet.
 */
export async function latestSigningStatus(db: Db, collaborationId: string): Promise<{ versionTitle: string | null; rows: SigningStatusRow[] }> {
  const rows = await queryRows<SigningStatusRow & { title: string }>(
    db,
    sql`with latest as (
          select id, title from declaration_versions where collaboration_id = ${collaborationId} order by version_no desc limit 1)
        select latest.title, s.organisation_id as "organisationId", s.status, s.signed_on::text as "signedOn", s.decision_date::text as "decisionDate"
          from latest left join party_signatures s on s.declaration_version_id = latest.id`,
  )
  return { versionTitle: rows[0]?.title ?? null, rows: rows.filter((r) => r.organisationId) }
}

/** Public collaborations, for the public list. */
export async function listPublicCollaborations(db: Db): Promise<CollaborationRow[]> {
  const rows = await db
    .select(withNames)
    .from(collaborations)
    .innerJoin(organisations, eq(organisations.id, collaborations.organisationId))
    .leftJoin(counties, eq(counties.code, collaborations.countyCode))
    .where(eq(collaborations.visibility, 'public'))
  return rows.map(flatten)
}
