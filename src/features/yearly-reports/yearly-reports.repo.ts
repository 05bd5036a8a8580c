import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { yearlyReportComments, yearlyReportSections, yearlyReports } from './yearly-reports.tables.ts'

export type YearlyReport = typeof yearlyReports.$inferSelect
export type NewYearlyReport = typeof yearlyReports.$inferInsert
export type SectionRow = typeof yearlyReportSections.$inferSelect

export async function findReport(db: Db, id: string): Promise<YearlyReport | undefined> {
  const [r] = await db.select().from(yearlyReports).where(eq(yearlyReports.id, id))
  return r
}

export async function listReports(db: Db, collaborationId: string): Promise<YearlyReport[]> {
  return db.select().from(yearlyReports).where(eq(yearlyReports.collaborationId, collaborationId)).orderBy(desc(yearlyReports.year), asc(yearlyReports.kind))
}

export async function insertReport(db: Db, values: NewYearlyReport): Promise<YearlyReport | undefined> {
  const [r] = await db.insert(yearlyReports).values(values).onConflictDoNothing().returning()
  return r
}

/** Changes a report if it is still at `version`; undefined when overtaken. */
export async function updateReport(db: Db, id: string, version: number, values: Partial<NewYearlyReport>): Promise<YearlyReport | undefined> {
  const [r] = await db
    .update(yearlyReports)
    .set({ ...values, version: sql`${yearlyReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(yearlyReports.id, id), eq(yearlyReports.version, version)))
    .returning()
  return r
}

export async function listSections(db: Db, reportId: string): Promise<SectionRow[]> {
  return db.select().from(yearlyReportSections).where(eq(yearlyReportSections.reportId, reportId))
}

export async function findSection(db: Db, reportId: string, sectionKey: string): Promise<SectionRow | undefined> {
  const [s] = await db
    .select()
    .from(yearlyReportSections)
    .where(and(eq(yearlyReportSections.reportId, reportId), eq(yearlyReportSections.sectionKey, sectionKey)))
  return s
}

/** Writes a section's narrative if its stored version is still `version` (0: not written yet); false when overtaken. */
export async function saveSection(
  db: Db,
  reportId: string,
  sectionKey: string,
  version: number,
  narrative: string,
  userId: string,
): Promise<SectionRow | undefined> {
  if (version === 0) {
    const [s] = await db.insert(yearlyReportSections).values({ reportId, sectionKey, narrative, updatedBy: userId }).onConflictDoNothing().returning()
    return s
  }
  const [s] = await db
    .update(yearlyReportSections)
    .set({ narrative, updatedBy: userId, updatedAt: new Date(), version: sql`${yearlyReportSections.version} + 1` })
    .where(and(eq(yearlyReportSections.reportId, reportId), eq(yearlyReportSections.sectionKey, sectionKey), eq(yearlyReportSections.version, version)))
    .returning()
  return s
}

export async function insertComment(db: Db, values: typeof yearlyReportComments.$inferInsert) {
  const [c] = await db.insert(yearlyReportComments).values(values).returning()
  return c
}

export interface CommentRow {
  id: string
  sectionKey: string | null
  organisationName: string
  authorName: string
  body: string
  createdAt: Date
}

export async function listComments(db: Db, reportId: string): Promise<CommentRow[]> {
  return queryRows<CommentRow>(
    db,
    sql`select c.id, c.section_key as "sectionKey", o.name as "organisationName", coalesce(u.name, '') as "authorName", c.body, c.created_at as "createdAt"
        from yearly_report_comments c join organisations o on o.id = c.organisation_id left join users u on u.id = c.author_id
        where c.report_id = ${reportId}::uuid order by c.created_at`,
  )
}
