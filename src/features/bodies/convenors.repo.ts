import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { bodies, bodyConvenors } from './bodies.tables.ts'

export type Convenor = typeof bodyConvenors.$inferSelect
export type ConvenorRow = Convenor & { organisationName: string }

const row = {
  id: bodyConvenors.id,
  bodyId: bodyConvenors.bodyId,
  organisationId: bodyConvenors.organisationId,
  validFrom: bodyConvenors.validFrom,
  validTo: bodyConvenors.validTo,
  createdAt: bodyConvenors.createdAt,
  updatedAt: bodyConvenors.updatedAt,
  version: bodyConvenors.version,
  organisationName: organisations.name,
}

/** A body's convenor periods, earliest first, with the convenor's name. */
export async function listConvenors(db: Db, bodyId: string): Promise<ConvenorRow[]> {
  return db
    .select(row)
    .from(bodyConvenors)
    .innerJoin(organisations, eq(organisations.id, bodyConvenors.organisationId))
    .where(eq(bodyConvenors.bodyId, bodyId))
    .orderBy(asc(bodyConvenors.validFrom))
}

/** Every convenor period of a collaboration's bodies, for the structure view (filtered to visible bodies by the caller). */
export async function listConvenorsOfCollaboration(db: Db, collaborationId: string): Promise<ConvenorRow[]> {
  return db
    .select(row)
    .from(bodyConvenors)
    .innerJoin(bodies, eq(bodies.id, bodyConvenors.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodyConvenors.organisationId))
    .where(eq(bodies.collaborationId, collaborationId))
    .orderBy(asc(bodyConvenors.validFrom))
}

export async function findConvenor(db: Db, bodyId: string, id: string): Promise<Convenor | undefined> {
  const [c] = await db
    .select()
    .from(bodyConvenors)
    .where(and(eq(bodyConvenors.id, id), eq(bodyConvenors.bodyId, bodyId)))
  return c
}

/** Serialises changes to one body's convenors: two editors adding periods at once cannot both miss the other's. */
export async function lockBody(tx: Db, bodyId: string): Promise<void> {
  await tx.execute(sql`select id from bodies where id = ${bodyId} for update`)
}

export async function insertConvenor(db: Db, values: typeof bodyConvenors.$inferInsert): Promise<Convenor> {
  const [c] = await db.insert(bodyConvenors).values(values).returning()
  return c
}

export async function updateConvenor(db: Db, id: string, version: number, values: Partial<typeof bodyConvenors.$inferInsert>): Promise<Convenor | undefined> {
  const [c] = await db
    .update(bodyConvenors)
    .set({ ...values, updatedAt: new Date(), version: sql`${bodyConvenors.version} + 1` })
    .where(and(eq(bodyConvenors.id, id), eq(bodyConvenors.version, version)))
    .returning()
  return c
}

export async function deleteConvenor(db: Db, id: string): Promise<void> {
  await db.delete(bodyConvenors).where(eq(bodyConvenors.id, id))
}
