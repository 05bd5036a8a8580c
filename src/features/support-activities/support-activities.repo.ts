import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../platform/db/types.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { type SupportKind, supportActivities } from './support-activities.tables.ts'

export type SupportActivity = typeof supportActivities.$inferSelect
export type NewSupportActivity = typeof supportActivities.$inferInsert

/** A support activity with the supported municipality's name (null for county-wide activities). */
export interface SupportActivityRow {
  id: string
  organisationId: string
  municipalityId: string | null
  municipalityName: string | null
  kind: SupportKind
  heldOn: string
  title: string
  description: string
  minutes: number | null
  participants: number | null
  isExample: boolean
  version: number
}

const municipality = alias(organisations, 'supported_municipality')

export interface ActivityFilter {
  from: string
  to: string
  /** Only this municipality's rows (county-wide rows excluded). */
  municipalityId?: string
}

/** The county board's activities held between from and to (inclusive), oldest first. */
export async function listActivities(db: Db, countyBoardId: string, f: ActivityFilter): Promise<SupportActivityRow[]> {
  return db
    .select({
      id: supportActivities.id,
      organisationId: supportActivities.organisationId,
      municipalityId: supportActivities.municipalityId,
      municipalityName: municipality.name,
      kind: supportActivities.kind,
      heldOn: supportActivities.heldOn,
      title: supportActivities.title,
      description: supportActivities.description,
      minutes: supportActivities.minutes,
      participants: supportActivities.participants,
      isExample: supportActivities.isExample,
      version: supportActivities.version,
    })
    .from(supportActivities)
    .leftJoin(municipality, eq(municipality.id, supportActivities.municipalityId))
    .where(
      and(
        eq(supportActivities.organisationId, countyBoardId),
        gte(supportActivities.heldOn, f.from),
        lte(supportActivities.heldOn, f.to),
        f.municipalityId ? eq(supportActivities.municipalityId, f.municipalityId) : undefined,
      ),
    )
    .orderBy(asc(supportActivities.heldOn), asc(supportActivities.title))
}

export async function findActivity(db: Db, id: string): Promise<SupportActivity | undefined> {
  const [r] = await db.select().from(supportActivities).where(eq(supportActivities.id, id))
  return r
}

export async function insertActivity(db: Db, values: NewSupportActivity): Promise<SupportActivity> {
  const [r] = await db.insert(supportActivities).values(values).returning()
  return r
}

/** Updates the row at the version the user saw; none when someone saved first. */
export async function updateActivity(db: Db, id: string, version: number, values: Partial<NewSupportActivity>): Promise<SupportActivity | undefined> {
  const [r] = await db
    .update(supportActivities)
    .set({ ...values, updatedAt: new Date(), version: sql`${supportActivities.version} + 1` })
    .where(and(eq(supportActivities.id, id), eq(supportActivities.version, version)))
    .returning()
  return r
}

export async function deleteActivity(db: Db, id: string): Promise<SupportActivity | undefined> {
  const [r] = await db.delete(supportActivities).where(eq(supportActivities.id, id)).returning()
  return r
}

/** The years that have activities (for the year filter), newest first. */
export async function activityYears(db: Db, countyBoardId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${supportActivities.heldOn})::int` })
    .from(supportActivities)
    .where(eq(supportActivities.organisationId, countyBoardId))
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a)
}
