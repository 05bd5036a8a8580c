import { sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { EntryStatus } from './follow-up.tables.ts'

export interface CountyPlanFact {
  id: string
  kind: 'county_strategy' | 'operational_plan'
  title: string
  status: string
  periodStart: string
  periodEnd: string
  goals: number
  activities: { id: string; title: string; status: EntryStatus | null; progress: number | null; periodKey: string | null }[]
}

/**
 * The collaboration's county strategy and verksamhetsplaner overlapping two dates, each activity with
 * its latest follow-up entry up to `to` (issue 10 §4). Plans kept to one organisation are left out.
 */
export async function countyPlanFacts(deps: Deps, collaborationId: string, from: string, to: string): Promise<CountyPlanFact[]> {
  const rows = await queryRows<Omit<CountyPlanFact, 'activities'> & { activities: CountyPlanFact['activities'] | null }>(
    deps.db,
    sql`select p.id, p.kind, p.title, p.status, p.period_start::text as "periodStart", p.period_end::text as "periodEnd",
          (select count(*)::int from plan_items g where g.plan_id = p.id and g.kind = 'goal') as goals,
          (select json_agg(json_build_object('id', a.id, 'title', a.title, 'status', e.status, 'progress', e.progress_percent, 'periodKey', e.period_key)
                           order by a.position)
             from plan_items a
             left join lateral (select status, progress_percent, period_key from follow_up_entries fe
                                where fe.item_id = a.id and fe.period_start <= ${to}::date
                                order by fe.period_start desc limit 1) e on true
            where a.plan_id = p.id and a.kind = 'activity') as activities
        from plans p
        where p.collaboration_id = ${collaborationId}::uuid and p.kind in ('county_strategy','operational_plan')
          and p.visibility <> 'organisation' and p.period_start <= ${to}::date and p.period_end >= ${from}::date
        order by p.kind, p.period_start`,
  )
  return rows.map((r) => ({ ...r, activities: r.activities ?? [] }))
}

export interface PlanFollowUpFact {
  planId: string
  /** Items followed up (activities, measures, promises). */
  items: number
  /** Entries for periods that began between the two dates. */
  entries: number
  /** The latest entry of each item in the span, by status. */
  latest: Partial<Record<EntryStatus, number>>
  /** Summaries (tertial, half-year) published in the span. */
  publishedSummaries: number
  minutes: number
}

/** The follow-up of given plans between two dates: how much was reported and how it stood (issue 10 §4). */
export async function planFollowUpFacts(deps: Deps, planIds: readonly string[], from: string, to: string): Promise<PlanFollowUpFact[]> {
  if (planIds.length === 0) return []
  const ids = sql.join(
    planIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  return queryRows<PlanFollowUpFact>(
    deps.db,
    sql`select p.id as "planId",
          (select count(*)::int from plan_items i where i.plan_id = p.id and i.kind in ('activity','measure','promise')) as items,
          (select count(*)::int from follow_up_entries e join plan_items i on i.id = e.item_id
            where i.plan_id = p.id and e.period_start between ${from}::date and ${to}::date) as entries,
          (select coalesce(sum(e.minutes_spent), 0)::int from follow_up_entries e join plan_items i on i.id = e.item_id
            where i.plan_id = p.id and e.period_start between ${from}::date and ${to}::date) as minutes,
          coalesce((select json_object_agg(status, n) from (
             select l.status, count(*)::int as n from plan_items i
             join lateral (select status from follow_up_entries e where e.item_id = i.id and e.period_start between ${from}::date and ${to}::date
                           order by e.period_start desc limit 1) l on true
             where i.plan_id = p.id group by l.status) s), '{}'::json) as latest,
          (select count(*)::int from follow_up_summaries s where s.plan_id = p.id and s.status = 'published'
             and s.published_at is not null and (s.published_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date) as "publishedSummaries"
        from plans p where p.id in (${ids})`,
  )
}
