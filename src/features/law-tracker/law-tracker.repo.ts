import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { DEFAULT_SETTINGS, type LawSettings } from './law-tracker.evaluate.ts'
import { lawTrackerSettings } from './law-tracker.tables.ts'

export type StoredSettings = LawSettings & { version: number; stored: boolean }

/** A county's settings, or the defaults (version 0) when Länsstyrelsen has not changed them. */
export async function findSettings(db: Db, countyCode: string): Promise<StoredSettings> {
  const [row] = await db.select().from(lawTrackerSettings).where(eq(lawTrackerSettings.countyCode, countyCode))
  if (!row) return { ...DEFAULT_SETTINGS, version: 0, stored: false }
  return {
    reviewIntervalMonths: row.reviewIntervalMonths,
    warnMonths: row.warnMonths,
    actionPlanDeadline: row.actionPlanDeadline,
    decidingBody: row.decidingBody,
    version: row.version,
    stored: true,
  }
}

/** Writes the settings if the stored version is still `version` (0: none stored); false when overtaken. */
export async function saveSettings(db: Db, countyCode: string, version: number, values: LawSettings): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insert(lawTrackerSettings)
      .values({ countyCode, ...values })
      .onConflictDoNothing()
      .returning({ v: lawTrackerSettings.version })
    return inserted.length === 1
  }
  const updated = await db
    .update(lawTrackerSettings)
    .set({ ...values, version: sql`${lawTrackerSettings.version} + 1`, updatedAt: new Date() })
    .where(sql`${lawTrackerSettings.countyCode} = ${countyCode} and ${lawTrackerSettings.version} = ${version}`)
    .returning({ v: lawTrackerSettings.version })
  return updated.length === 1
}
