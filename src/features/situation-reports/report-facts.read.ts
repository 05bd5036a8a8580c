import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'

/**
 * An adopted lägesbild as the work process reads it (issue 10 §2): when and by whom, how many
 * prioritised problems it has and how many of them have an orsaksanalys (any of the fishbone's legs
 * or the event chain written). Rows only, with their visibility: who may see them is the caller's
 * rule (canReadReport).
 */
export interface AdoptedReportFact {
  id: string
  organisationId: string
  title: string
  adoptedOn: string
  adoptedBy: string
  visibility: 'public' | 'partners' | 'organisation'
  problemCount: number
  analysedCount: number
}

/** The adopted lägesbilder of these municipalities, newest adoption first: one query. */
export async function adoptedReportFacts(db: Db, organisationIds: readonly string[]): Promise<AdoptedReportFact[]> {
  if (organisationIds.length === 0) return []
  const ids = sql.join(
    [...new Set(organisationIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  return queryRows<AdoptedReportFact>(
    db,
    sql`select r.id, r.organisation_id as "organisationId", r.title, r.adopted_on::text as "adoptedOn", r.adopted_by as "adoptedBy", r.visibility,
               count(p.id)::int as "problemCount",
               count(p.id) filter (where btrim(p.victim_causes || p.offender_causes || p.place_causes || p.event_chain) <> '')::int as "analysedCount"
        from situation_reports r left join situation_report_problems p on p.report_id = r.id
        where r.organisation_id in (${ids}) and r.status = 'adopted'
        group by r.id
        order by r.adopted_on desc, r.revision desc`,
  )
}
