import { and, asc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { counties, organisations } from './organisations.tables.ts'

export type Organisation = typeof organisations.$inferSelect

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id))
  return o
}

export async function findOrganisationByCode(db: Db, code: string): Promise<Organisation | undefined> {
  const [o] = await db.select().from(organisations).where(eq(organisations.code, code))
  return o
}

export interface OrganisationFilter {
  countyCode?: string
  kind?: string
  /** Only organisations valid on this date (default: today). */
  validOn?: string
}

/** Organisations with their county name; sorted for display by the caller (Swedish collation). */
export async function listOrganisations(db: Db, filter: OrganisationFilter = {}) {
  const validOn = filter.validOn ?? formatIsoDate(new Date())
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      kind: organisations.kind,
      name: organisations.name,
      shortName: organisations.shortName,
      parentId: organisations.parentId,
      countyCode: organisations.countyCode,
      countyName: counties.name,
      municipalityCode: organisations.municipalityCode,
      validFrom: organisations.validFrom,
      validTo: organisations.validTo,
    })
    .from(organisations)
    .leftJoin(counties, eq(counties.code, organisations.countyCode))
    .where(
      and(
        filter.countyCode ? eq(organisations.countyCode, filter.countyCode) : undefined,
        filter.kind ? eq(organisations.kind, filter.kind as Organisation['kind']) : undefined,
        or(isNull(organisations.validTo), sql`${organisations.validTo} >= ${validOn}`),
        or(isNull(organisations.validFrom), sql`${organisations.validFrom} <= ${validOn}`),
      ),
    )
    .orderBy(asc(organisations.code))
}

export async function listCounties(db: Db) {
  return db.select().from(counties).orderBy(asc(counties.code))
}
