import { sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { queryRows } from '../../platform/db/query-rows.ts'

export interface PartySeatFact {
  organisationId: string
  seats: number
  bodies: number
  /** Seats at each level (förtroendevald, chef, tjänsteperson). */
  elected: number
  chief: number
  official: number
}

/**
 * Seats each party held in the collaboration's bodies at some time between two dates, for the yearly
 * report (issue 10 §4): counts only. Bodies and seats kept to one organisation are left out.
 */
export async function partySeatFacts(deps: Deps, collaborationId: string, from: string, to: string): Promise<PartySeatFact[]> {
  return queryRows<PartySeatFact>(
    deps.db,
    sql`select s.organisation_id as "organisationId", count(*)::int as seats, count(distinct s.body_id)::int as bodies,
          count(*) filter (where s.level = 'elected')::int as elected,
          count(*) filter (where s.level = 'chief')::int as chief,
          count(*) filter (where s.level = 'official')::int as official
        from seats s join bodies b on b.id = s.body_id
        where b.collaboration_id = ${collaborationId}::uuid
          and b.visibility <> 'organisation' and s.visibility <> 'organisation'
          and s.valid_from <= ${to}::date and (s.valid_to is null or s.valid_to >= ${from}::date)
        group by s.organisation_id`,
  )
}

/** Organisations holding a seat on a date in the collaboration's bodies of a kind (the beredningsgrupp: 'preparation'). */
export async function organisationsSeatedIn(deps: Deps, collaborationId: string, bodyKind: string, onDate: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    deps.db,
    sql`select distinct s.organisation_id as id from seats s join bodies b on b.id = s.body_id
        where b.collaboration_id = ${collaborationId}::uuid and b.kind = ${bodyKind}
          and s.valid_from <= ${onDate}::date and (s.valid_to is null or s.valid_to >= ${onDate}::date)`,
  )
  return rows.map((r) => r.id)
}
