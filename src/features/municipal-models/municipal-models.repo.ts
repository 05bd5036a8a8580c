import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { municipalBodies, municipalModels } from './municipal-models.tables.ts'

export type MunicipalModel = typeof municipalModels.$inferSelect
export type MunicipalBody = typeof municipalBodies.$inferSelect

export async function findModel(db: Db, organisationId: string): Promise<MunicipalModel | undefined> {
  const [m] = await db.select().from(municipalModels).where(eq(municipalModels.organisationId, organisationId))
  return m
}

/** The municipality's model row, created empty on first write (one per municipality; a race ends in one row). */
export async function ensureModel(tx: Db, organisationId: string): Promise<{ model: MunicipalModel; created: boolean }> {
  const [created] = await tx.insert(municipalModels).values({ organisationId }).onConflictDoNothing().returning()
  if (created) return { model: created, created: true }
  const [m] = await tx.select().from(municipalModels).where(eq(municipalModels.organisationId, organisationId)).for('update')
  return { model: m, created: false }
}

export async function updateModel(db: Db, id: string, version: number, values: Partial<typeof municipalModels.$inferInsert>) {
  const [m] = await db
    .update(municipalModels)
    .set({ ...values, updatedAt: new Date(), version: sql`${municipalModels.version} + 1` })
    .where(and(eq(municipalModels.id, id), eq(municipalModels.version, version)))
    .returning()
  return m as MunicipalModel | undefined
}

export async function listBodies(db: Db, modelId: string): Promise<MunicipalBody[]> {
  return db.select().from(municipalBodies).where(eq(municipalBodies.modelId, modelId)).orderBy(asc(municipalBodies.createdAt), asc(municipalBodies.id))
}

export async function findBody(db: Db, modelId: string, id: string): Promise<MunicipalBody | undefined> {
  const [b] = await db
    .select()
    .from(municipalBodies)
    .where(and(eq(municipalBodies.id, id), eq(municipalBodies.modelId, modelId)))
  return b
}

export async function insertBody(db: Db, values: typeof municipalBodies.$inferInsert): Promise<MunicipalBody> {
  const [b] = await db.insert(municipalBodies).values(values).returning()
  return b
}

export async function updateBody(db: Db, id: string, version: number, values: Partial<typeof municipalBodies.$inferInsert>) {
  const [b] = await db
    .update(municipalBodies)
    .set({ ...values, updatedAt: new Date(), version: sql`${municipalBodies.version} + 1` })
    .where(and(eq(municipalBodies.id, id), eq(municipalBodies.version, version)))
    .returning()
  return b as MunicipalBody | undefined
}

/** Removes a body; those that reported to it then report to nobody (the foreign key would refuse otherwise). */
export async function deleteBody(db: Db, id: string): Promise<void> {
  await db.update(municipalBodies).set({ parentId: null }).where(eq(municipalBodies.parentId, id))
  await db.delete(municipalBodies).where(eq(municipalBodies.id, id))
}
