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
  /** Items with at least one overdue period. */
  itemsOverdue: number
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
  items_overdue: number
  last_update: Date | string | null
}

const STATUS_COUNTS = sql.raw(ENTRY_STATUSES.map((s) => `count(*) filter (where latest_status = '${s}')::int as ${s}`).join(',\n    '))

/** A period's number within its cadence, counted from year 0: consecutive periods differ by one. */
const periodIndex = (date: SQL) => sql`((extract(year from ${date})::int * 12 + extract(month from ${date})::int - 1) / size)`

/**
 * The county dashboard's counts (issue 8 §10) for some parties, and for them together (`party_id`
 * null, each item once), as one query that costs O(items), not O(entries):
 * - a party's items are those of the plans in force (adopted or published) it owns or shares as the
 *   police area, or that a unit below it owns or shares (a polisområde's LPOs);
 * - the latest status and the entry count come from `follow_up_item_states` (one row per item);
 * - how many periods of the item's span have ended is arithmetic on period numbers, the same rule as
 *   periods.ts (a period is due once it has ended, overdue `due_days` after its end);
 * - entries of periods still within their due days are few per item and read by (item_id, period_end).
 * Missing = periods ended − entries for them; an entry for a period outside the item's span (the dates
 * changed after it was written) is not subtracted twice, as the count never goes below zero.
 */
export function followUpCountsQuery(partyIds: readonly string[], today: string, onlyPlans?: readonly string[]): SQL {
  const list = (xs: readonly string[]) =>
    sql.join(
      xs.map((id) => sql`${id}::uuid`),
      sql`, `,
    )
  const ids = list(partyIds)
  const inForce = onlyPlans ? sql`p.status <> 'draft' and p.id in (${onlyPlans.length ? list(onlyPlans) : sql`null`})` : sql`p.status <> 'draft'`
  return sql`
  with recursive party_units(party_id, org_id, depth) as (
    select id, id, 0 from organisations where id in (${ids})
    union all
    select u.party_id, o.id, u.depth + 1 from organisations o join party_units u on o.parent_id = u.org_id where u.depth < 10
  ),
  party_plans as (
    select u.party_id, p.id, p.period_start, p.period_end, p.due_days from party_units u join plans p on p.organisation_id = u.org_id where ${inForce}
    union
    select u.party_id, p.id, p.period_start, p.period_end, p.due_days from party_units u join plans p on p.partner_organisation_id = u.org_id where ${inForce}
  ),
  spans as (
    select pp.party_id, i.id, pp.due_days,
      case i.cadence when 'monthly' then 1 when 'quarterly' then 3 when 'tertial' then 4 else 6 end as size,
      greatest(coalesce(i.starts_on, pp.period_start), pp.period_start) as span_start,
      least(coalesce(i.ends_on, pp.period_end), pp.period_end) as span_end,
      ${today}::date - pp.due_days as cutoff
    from party_plans pp join plan_items i on i.plan_id = pp.id
    where i.kind in ('activity', 'measure', 'promise')
  ),
  indexed as (
    select s.*, ${periodIndex(sql.raw('s.span_start'))} as first_idx, ${periodIndex(sql.raw('s.span_end'))} as last_idx,
      ${periodIndex(sql`${today}::date`)} as today_idx, ${periodIndex(sql.raw('s.cutoff'))} as cutoff_idx
    from spans s
  ),
  per_item as (
    select x.party_id, x.id, st.latest_status, st.last_entry_at,
      -- Periods whose end lies before a day: numbers first_idx … min(day's − 1, last_idx).
      case when x.span_end < x.span_start then 0 else greatest(0, least(x.cutoff_idx - 1, x.last_idx) - x.first_idx + 1) end as overdue_expected,
      case when x.span_end < x.span_start then 0 else greatest(0, least(x.today_idx - 1, x.last_idx) - x.first_idx + 1) end as ended_expected,
      coalesce(st.entry_count, 0) as entry_count,
      coalesce(r.since_cutoff, 0) as since_cutoff,
      coalesce(r.in_due, 0) as in_due
    from indexed x
    left join follow_up_item_states st on st.item_id = x.id
    left join lateral (
      select count(*)::int as since_cutoff, count(*) filter (where e.period_end < ${today}::date)::int as in_due
      from follow_up_entries e where e.item_id = x.id and e.period_end >= x.cutoff
    ) r on st.item_id is not null
  ),
  missing as (
    select p.*,
      greatest(0, p.overdue_expected - (p.entry_count - p.since_cutoff)) as overdue,
      greatest(0, (p.ended_expected - p.overdue_expected) - p.in_due) as due
    from per_item p
  ),
  everyone as (select distinct on (id) * from missing)
  select party_id, count(*)::int as items, count(*) filter (where latest_status is null)::int as not_reported,
    ${STATUS_COUNTS},
    coalesce(sum(due), 0)::int as due, coalesce(sum(overdue), 0)::int as overdue,
    count(*) filter (where overdue > 0)::int as items_overdue, max(last_entry_at) as last_update
  from missing group by party_id
  union all
  select null, count(*)::int, count(*) filter (where latest_status is null)::int,
    ${STATUS_COUNTS},
    coalesce(sum(due), 0)::int, coalesce(sum(overdue), 0)::int,
    count(*) filter (where overdue > 0)::int, max(last_entry_at)
  from everyone`
}

const empty = (): FollowUpCounts => ({
  items: 0,
  byStatus: { not_reported: 0, not_started: 0, on_track: 0, at_risk: 0, deviation: 0, done: 0 },
  due: 0,
  overdue: 0,
  itemsOverdue: 0,
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
  const parties = new Map(partyIds.map((id) => [id, empty()]))
  if (partyIds.length === 0) return { parties, total: empty() }
  let total = empty()
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
      itemsOverdue: Number(r.items_overdue),
      lastUpdate: r.last_update === null ? null : new Date(r.last_update),
    }
    if (r.party_id === null) total = counts
    else parties.set(r.party_id, counts)
  }
  return { parties, total }
}
