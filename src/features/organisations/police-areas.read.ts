import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'

/** A municipality and the lokalpolisområde that covers it over a span of time (municipality_police_areas). */
export interface MunicipalityPoliceArea {
  municipalityId: string
  municipalityName: string
  municipalityCode: string
  countyCode: string
  countyName: string
  policeAreaId: string
  policeAreaName: string
  validFrom: string
  validTo: string | null
}

/**
 * Every municipality–police-area pair of a county, past and present (the caller picks the ones valid
 * on a day), as the reference data records them. Reference data: visible to everyone signed in.
 */
export async function municipalityPoliceAreas(db: Db, countyCode: string): Promise<MunicipalityPoliceArea[]> {
  const rows = await queryRows<MunicipalityPoliceArea>(
    db,
    sql`select m.id as "municipalityId", m.name as "municipalityName", a.municipality_code as "municipalityCode",
               m.county_code as "countyCode", c.name as "countyName", p.id as "policeAreaId", p.name as "policeAreaName",
               a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
        from municipality_police_areas a
        join organisations m on m.kind = 'municipality' and m.municipality_code = a.municipality_code
        join organisations p on p.id = a.police_area_id
        join counties c on c.code = m.county_code
        where m.county_code = ${countyCode}
        order by a.municipality_code, a.valid_from`,
  )
  return rows.map((r) => ({ ...r, municipalityCode: r.municipalityCode.trim(), countyCode: r.countyCode.trim() }))
}

/** An organisation and the units above it (LPO → polisområde → region → myndighet), nearest first. */
export async function organisationChain(db: Db, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from organisations where id = ${organisationId}
          union all
          select o.id, o.parent_id, up.depth + 1 from organisations o join up on o.id = up.parent_id where up.depth < 10
        )
        select id from up order by depth`,
  )
  return rows.map((r) => r.id)
}
