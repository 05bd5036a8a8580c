import { type SQL, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { ENTRY_STATUSES, type EntryStatus } from './follow-up.tables.ts'

/** How the followed-up items of one party (or of all the parties together) stand on one day. */
export interface FollowUpCounts {
  /** Activities, measures and promises of plans in force. */
  items: number
  /** Items by the status of their newest entry; `not_reported` has no entry yet. */
  byStatus: Record<EntryStatus | 'not_reported', number>
  /** Periods ended whose entry is missing: still within the due days, and past them. */
  due: number
  overdue: number
  /** When an entry was last written or changed, if ever. */
  lastUpdate: Date | null
}

interface Row {
  party_id: string | null
  items: number
  not_reported: number
  not_started: number
  on_track: number
  at_risk: number
  deviation: number
  done: number
  due: number
  overdue: number
  last_update: Date | string | null
}

const SUMS = sql.raw(
  ['items', 'not_reported', ...ENTRY_STATUSES, 'due', 'overdue'].map((c) => `coalesce(sum(pl.${c}), 0)::int as ${c}`).join(', ') +
    ', max(pl.last_update) as last_update',
)

/** A month's number counted from year 0 (date_part, double precision: cheaper than extract's numeric). */
const monthNo = (date: SQL) => sql`(date_part('year', ${date})::int * 12 + date_part('month', ${date})::int - 1)`

/**
 * The county dashboard's counts (issue 8 §10) for some parties, and for them together (`party_id`
 * null, each plan once), in one query that reads no entry — O(plans), plus one grouping of the plans'
 * items:
 * - a party's plans are the plans in force (adopted or published) it owns or shares as the police
 *   area, or that a unit below it owns or shares (a polisområde's LPOs); a plan the municipality shares
 *   with the police counts at both, and once in the total;
 * - items by newest status and the plan's entry count come from `follow_up_plan_states` (and the items
 *   that are done from `follow_up_item_states`: nothing is asked after their last period);
 * - the periods that have ended are arithmetic on period numbers (month number / the cadence's months),
 *   the same rule as periods.ts (due once ended, overdue `due_days` after the end), for each group of
 *   the plan's items with the same cadence and dates (usually one group a plan);
 * - missing = periods ended − entries for them, where the entries of periods still within their due
 *   days (or still running) come from `follow_up_plan_periods`, a few rows a plan.
 * An entry is only written for a period within its item's dates; were the dates narrowed afterwards,
 * its entries outside them would still be subtracted (the counts never go below zero).
 */
export function followUpCountsQuery(partyIds: readonly string[], today: string, onlyPlans?: readonly string[]): SQL {
  const list = (xs: readonly string[]) =>
    sql.join(
      xs.map((id) => sql`${id}::uuid`),
      sql`, `,
    )
  const inForce = onlyPlans ? sql`p.status <> 'draft' and p.id in (${onlyPlans.length ? list(onlyPlans) : sql`null`})` : sql`p.status <> 'draft'`
  const day = sql`${today}::date`
  const todayNo = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1
  const size = sql.raw(`case g.cadence when 'monthly' then 1 when 'quarterly' then 3 when 'tertial' then 4 else 6 end`)
  return sql`
  with recursive party_units(party_id, org_id, depth) as (
    select id, id, 0 from organisations where id in (${list(partyIds)})
    union all
    select u.party_id, o.id, u.depth + 1 from organisations o join party_units u on o.parent_id = u.org_id where u.depth < 10
  ),
  party_plans as (
    select u.party_id, p.id as plan_id from party_units u join plans p on p.organisation_id = u.org_id where ${inForce}
    union
    select u.party_id, p.id from party_units u join plans p on p.partner_organisation_id = u.org_id where ${inForce}
  ),
  scope as (
    select p.id, p.period_start, p.period_end, ${day} - p.due_days as cutoff from plans p where p.id in (select plan_id from party_plans)
  ),
  -- The plan's followed-up items by cadence and dates, each group with its span (itemSpan in follow-up.service.ts):
  -- an item whose newest entry says "klar" asks for nothing after that entry's period (periodRows).
  item_groups as (
    select i.plan_id, i.cadence, count(*)::int as n,
      greatest(coalesce(i.starts_on, s.period_start), s.period_start) as span_start,
      least(coalesce(i.ends_on, s.period_end), s.period_end, done.latest_period_end) as span_end, s.cutoff
    from scope s join plan_items i on i.plan_id = s.id
    left join follow_up_item_states done on done.item_id = i.id and done.latest_status = 'done'
    where i.kind in ('activity', 'measure', 'promise')
    group by i.plan_id, i.cadence, i.starts_on, i.ends_on, done.latest_period_end, s.period_start, s.period_end, s.cutoff
  ),
  numbered as (
    select g.plan_id, g.n, g.span_end < g.span_start as empty, ${monthNo(sql.raw('g.span_start'))} / ${size} as first_idx,
      ${monthNo(sql.raw('g.span_end'))} / ${size} as last_idx, ${monthNo(sql.raw('g.cutoff'))} / ${size} as cutoff_idx, ${todayNo}::int / ${size} as today_idx
    from item_groups g
  ),
  -- Periods whose end lies before a day: numbers first … min(the day's period − 1, last), for every item of the group.
  expected as (
    select plan_id, sum(n)::int as items,
      sum(case when empty then 0 else n * greatest(0, least(cutoff_idx - 1, last_idx) - first_idx + 1) end)::int as overdue_expected,
      sum(case when empty then 0 else n * greatest(0, least(today_idx - 1, last_idx) - first_idx + 1) end)::int as ended_expected
    from numbered group by plan_id
  ),
  -- Entries of periods ending on or after the cutoff, and of those the ones that ended before today.
  recent as (
    select s.id as plan_id, coalesce(sum(pp.entry_count), 0)::int as since_cutoff,
      coalesce(sum(pp.entry_count) filter (where pp.period_end < ${day}), 0)::int as in_due
    from scope s left join follow_up_plan_periods pp on pp.plan_id = s.id and pp.period_end >= s.cutoff
    group by s.id
  ),
  per_plan as (
    select e.plan_id, e.items, e.items - coalesce(ps.reported_items, 0) as not_reported,
      coalesce(ps.not_started, 0) as not_started, coalesce(ps.on_track, 0) as on_track, coalesce(ps.at_risk, 0) as at_risk,
      coalesce(ps.deviation, 0) as deviation, coalesce(ps.done, 0) as done,
      greatest(0, e.overdue_expected - (coalesce(ps.entry_count, 0) - r.since_cutoff)) as overdue,
      greatest(0, e.ended_expected - e.overdue_expected - r.in_due) as due,
      ps.last_entry_at as last_update
    from expected e join recent r on r.plan_id = e.plan_id left join follow_up_plan_states ps on ps.plan_id = e.plan_id
  )
  select pp.party_id, ${SUMS} from party_plans pp join per_plan pl on pl.plan_id = pp.plan_id group by pp.party_id
  union all
  select null, ${SUMS} from per_plan pl`
}

/** Nothing to follow up. */
export const noCounts = (): FollowUpCounts => ({
  items: 0,
  byStatus: { not_reported: 0, not_started: 0, on_track: 0, at_risk: 0, deviation: 0, done: 0 },
  due: 0,
  overdue: 0,
  lastUpdate: null,
})

/**
 * Counts per party (every party given has an entry, zeros when it has nothing to follow up) and for all
 * of them; `onlyPlans` keeps to those plans (the ones a reader may see).
 */
export async function followUpCounts(
  db: Db,
  partyIds: readonly string[],
  today: string,
  onlyPlans?: readonly string[],
): Promise<{ parties: Map<string, FollowUpCounts>; total: FollowUpCounts }> {
  const parties = new Map(partyIds.map((id) => [id, noCounts()]))
  if (partyIds.length === 0) return { parties, total: noCounts() }
  let total = noCounts()
  for (const r of await queryRows<Row>(db, followUpCountsQuery(partyIds, today, onlyPlans))) {
    const counts: FollowUpCounts = {
      items: Number(r.items),
      byStatus: {
        not_reported: Number(r.not_reported),
        not_started: Number(r.not_started),
        on_track: Number(r.on_track),
        at_risk: Number(r.at_risk),
        deviation: Number(r.deviation),
        done: Number(r.done),
      },
      due: Number(r.due),
      overdue: Number(r.overdue),
      lastUpdate: r.last_update === null ? null : new Date(r.last_update),
    }
    if (r.party_id === null) total = counts
    else parties.set(r.party_id, counts)
  }
  return { parties, total }
}
