import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import type { PlanSignatory } from './plans.tables.ts'

/**
 * What a municipality's SÖ, åtgärdsplan or medborgarlöfte says about where the work stands (issue 10
 * §2): its status, adoption, signatures and publication, how much follow-up it has, and its published
 * summaries. Rows only, with their visibility: who may see them is the caller's rule (canReadPlan).
 */
export interface WorkProcessPlanFact {
  id: string
  kind: 'local_agreement' | 'action_plan' | 'citizen_promise'
  title: string
  organisationId: string
  partnerOrganisationId: string | null
  status: 'draft' | 'adopted' | 'published'
  adoptedOn: string | null
  signatories: PlanSignatory[]
  publishedAt: Date | null
  visibility: 'public' | 'partners' | 'organisation'
  periodStart: string
  periodEnd: string
  /** Follow-up entries of the plan's items (from the sums kept on write). */
  entryCount: number
  lastEntryAt: Date | null
  /** Published tertial or half-year summaries, and when the latest was published. */
  publishedSummaries: number
  lastSummaryPublishedAt: Date | null
}

/** The local plans of these municipalities, newest period first: one query. */
export async function workProcessPlanFacts(db: Db, municipalityIds: readonly string[]): Promise<WorkProcessPlanFact[]> {
  if (municipalityIds.length === 0) return []
  const ids = sql.join(
    [...new Set(municipalityIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const rows = await queryRows<Omit<WorkProcessPlanFact, 'publishedAt' | 'lastEntryAt' | 'lastSummaryPublishedAt'> & Record<string, unknown>>(
    db,
    sql`select p.id, p.kind, p.title, p.organisation_id as "organisationId", p.partner_organisation_id as "partnerOrganisationId",
               p.status, p.adopted_on::text as "adoptedOn", p.signatories, p.published_at as "publishedAt", p.visibility,
               p.period_start::text as "periodStart", p.period_end::text as "periodEnd",
               coalesce(s.entry_count, 0)::int as "entryCount", s.last_entry_at as "lastEntryAt",
               (select count(*)::int from follow_up_summaries fs where fs.plan_id = p.id and fs.status = 'published') as "publishedSummaries",
               (select max(fs.published_at) from follow_up_summaries fs where fs.plan_id = p.id and fs.status = 'published') as "lastSummaryPublishedAt"
        from plans p left join follow_up_plan_states s on s.plan_id = p.id
        where p.organisation_id in (${ids}) and p.kind in ('local_agreement', 'action_plan', 'citizen_promise')
        order by p.period_start desc, p.created_at desc`,
  )
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
  return rows.map((r) => ({
    ...(r as unknown as WorkProcessPlanFact),
    signatories: (typeof r.signatories === 'string' ? JSON.parse(r.signatories) : r.signatories) as PlanSignatory[],
    publishedAt: date(r.publishedAt),
    lastEntryAt: date(r.lastEntryAt),
    lastSummaryPublishedAt: date(r.lastSummaryPublishedAt),
  }))
}
