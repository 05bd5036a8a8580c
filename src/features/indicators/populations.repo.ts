import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { sql } from 'drizzle-orm'

/** One county's population figures for one year: how many of its municipalities have one, and their sum. */
export interface PopulationYear {
  countyCode: string
  countyName: string
  year: number
  municipalities: number
  /** The county's municipalities: a year with fewer figures is incomplete (per 100 000 is then missing there). */
  ofMunicipalities: number
  total: number
  sources: string
}

/** The population figures loaded per county and year (of `countyCodes`; every county when not given), latest year first. */
export async function populationYears(db: Db, countyCodes?: readonly string[]): Promise<PopulationYear[]> {
  if (countyCodes && countyCodes.length === 0) return []
  const only = countyCodes
    ? sql`where m.county_code in (${sql.join(
        countyCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``
  return queryRows<PopulationYear>(
    db,
    sql`select m.county_code as "countyCode", c.name as "countyName", p.year, count(*)::int as municipalities,
               (select count(*)::int from municipalities mm where mm.county_code = m.county_code) as "ofMunicipalities",
               sum(p.population)::float8 as total, string_agg(distinct p.source, ', ') as sources
        from area_populations p join municipalities m on m.code = p.municipality_code join counties c on c.code = m.county_code
        ${only}
        group by m.county_code, c.name, p.year
        order by m.county_code, p.year desc`,
  )
}

/** The counties of the actor's organisations (a county's coordinator sees their own county's figures). */
export async function countiesOf(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return []
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select distinct county_code as code from organisations where county_code is not null and id in (${sql.join(
      organisationIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  )
  return rows.map((r) => r.code)
}
