import { sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { queryRows } from '../../platform/db/query-rows.ts'

export interface BodyMeetingFact {
  bodyId: string
  bodyName: string
  bodyKind: string
  visibility: 'public' | 'partners' | 'organisation'
  held: number
  cancelled: number
  decisions: number
}

/**
 * Meetings held and cancelled and decisions taken per body of a collaboration between two dates
 * (Swedish calendar days), for the yearly report (issue 10 §4). Counts only, no content.
 */
export async function meetingFacts(deps: Deps, collaborationId: string, from: string, to: string): Promise<BodyMeetingFact[]> {
  const day = sql`(m.starts_at at time zone 'Europe/Stockholm')::date`
  return queryRows<BodyMeetingFact>(
    deps.db,
    sql`select b.id as "bodyId", b.name as "bodyName", b.kind as "bodyKind", b.visibility,
          count(m.id) filter (where m.status = 'held')::int as held,
          count(m.id) filter (where m.status = 'cancelled')::int as cancelled,
          (select count(*)::int from meeting_decisions d join meetings dm on dm.id = d.meeting_id
            where d.body_id = b.id and (dm.starts_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date) as decisions
        from bodies b
        left join meetings m on m.body_id = b.id and ${day} between ${from}::date and ${to}::date
        where b.collaboration_id = ${collaborationId}::uuid
        group by b.id, b.name, b.kind, b.visibility`,
  )
}
