import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { workProcessChecks } from './work-process.tables.ts'

export type Check = typeof workProcessChecks.$inferSelect
export type NewCheck = typeof workProcessChecks.$inferInsert

/** The checks of these municipalities (every police area), for a county's overview. */
export async function listChecksOfMunicipalities(db: Db, municipalityIds: readonly string[]): Promise<Check[]> {
  if (municipalityIds.length === 0) return []
  return db
    .select()
    .from(workProcessChecks)
    .where(inArray(workProcessChecks.municipalityId, [...new Set(municipalityIds)]))
}

export async function listChecks(db: Db, municipalityId: string, policeAreaId: string): Promise<Check[]> {
  return db
    .select()
    .from(workProcessChecks)
    .where(and(eq(workProcessChecks.municipalityId, municipalityId), eq(workProcessChecks.policeAreaId, policeAreaId)))
}

export async function findCheck(db: Db, municipalityId: string, policeAreaId: string, checkKey: string): Promise<Check | undefined> {
  const [c] = await db
    .select()
    .from(workProcessChecks)
    .where(
      and(eq(workProcessChecks.municipalityId, municipalityId), eq(workProcessChecks.policeAreaId, policeAreaId), eq(workProcessChecks.checkKey, checkKey)),
    )
  return c
}

/** None when a row for the point was written meanwhile (the unique key decides). */
export async function insertCheck(db: Db, values: NewCheck): Promise<Check | undefined> {
  const [c] = await db.insert(workProcessChecks).values(values).onConflictDoNothing().returning()
  return c
}

/** Updates the row at the version the user saw; none when someone saved first. */
export async function updateCheck(db: Db, id: string, version: number, values: Partial<NewCheck>): Promise<Check | undefined> {
  const [c] = await db
    .update(workProcessChecks)
    .set({ ...values, updatedAt: new Date(), version: sql`${workProcessChecks.version} + 1` })
    .where(and(eq(workProcessChecks.id, id), eq(workProcessChecks.version, version)))
    .returning()
  return c
}
