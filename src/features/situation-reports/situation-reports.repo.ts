import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { situationReportProblems, situationReports } from './situation-reports.tables.ts'

export type SituationReport = typeof situationReports.$inferSelect
export type NewSituationReport = typeof situationReports.$inferInsert
export type ReportProblem = typeof situationReportProblems.$inferSelect
export type NewReportProblem = Omit<typeof situationReportProblems.$inferInsert, 'reportId'>

export async function findReport(db: Db, id: string): Promise<SituationReport | undefined> {
  const [r] = await db.select().from(situationReports).where(eq(situationReports.id, id))
  return r
}

/** A municipality's lägesbilder, newest period and revision first. */
export async function listReports(db: Db, organisationId: string): Promise<SituationReport[]> {
  return db
    .select()
    .from(situationReports)
    .where(eq(situationReports.organisationId, organisationId))
    .orderBy(desc(situationReports.periodStart), desc(situationReports.revision))
}

export async function insertReport(db: Db, values: NewSituationReport): Promise<SituationReport> {
  const [r] = await db.insert(situationReports).values(values).returning()
  return r
}

/** Updates the row at the version the user saw; none when someone saved first. */
export async function updateReport(db: Db, id: string, version: number, values: Partial<NewSituationReport>): Promise<SituationReport | undefined> {
  const [r] = await db
    .update(situationReports)
    .set({ ...values, updatedAt: new Date(), version: sql`${situationReports.version} + 1` })
    .where(and(eq(situationReports.id, id), eq(situationReports.version, version)))
    .returning()
  return r
}

export async function listProblems(db: Db, reportId: string): Promise<ReportProblem[]> {
  return db.select().from(situationReportProblems).where(eq(situationReportProblems.reportId, reportId)).orderBy(asc(situationReportProblems.priority))
}

/** The report's prioritised problems become exactly these. */
export async function replaceProblems(db: Db, reportId: string, rows: readonly NewReportProblem[]): Promise<void> {
  await db.delete(situationReportProblems).where(eq(situationReportProblems.reportId, reportId))
  if (rows.length) await db.insert(situationReportProblems).values(rows.map((r) => ({ ...r, reportId })))
}

export async function maxRevision(db: Db, organisationId: string, periodStart: string): Promise<number> {
  const [r] = await queryRows<{ max: number | null }>(
    db,
    sql`select max(revision)::int as max from situation_reports where organisation_id = ${organisationId} and period_start = ${periodStart}`,
  )
  return r?.max ?? 0
}

/** A draft already started from this report ("Starta ny version" twice opens the same draft). */
export async function findDraftAfter(db: Db, previousId: string): Promise<SituationReport | undefined> {
  const [r] = await db
    .select()
    .from(situationReports)
    .where(and(eq(situationReports.previousId, previousId), eq(situationReports.status, 'draft')))
    .limit(1)
  return r
}

/**
 * Where the actor works: the counties of their organisations and of the collaborations those are
 * parties of, and the counties whose länsstyrelse they coordinate for.
 */
export async function actorCounties(db: Db, actorOrgIds: readonly string[], coordinatorOrgIds: readonly string[]) {
  const list = (ids: readonly string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )
  const counties = actorOrgIds.length
    ? await queryRows<{ code: string }>(
        db,
        sql`select county_code as code from organisations where id in (${list(actorOrgIds)}) and county_code is not null
            union
            select c.county_code from collaboration_parties cp join collaborations c on c.id = cp.collaboration_id
            where cp.organisation_id in (${list(actorOrgIds)}) and c.county_code is not null`,
      )
    : []
  const coordinatorOf = coordinatorOrgIds.length
    ? await queryRows<{ code: string }>(
        db,
        sql`select county_code as code from organisations where id in (${list(coordinatorOrgIds)}) and kind = 'county_board' and county_code is not null`,
      )
    : []
  return { counties: counties.map((r) => r.code.trim()), coordinatorOf: coordinatorOf.map((r) => r.code.trim()) }
}
