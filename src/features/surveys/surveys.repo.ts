import { asc, eq, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db, Tx } from '../../platform/db/types.ts'
import type { CellSums } from './estimates.ts'
import { type SexGroup, surveyImports, surveyQuestions, surveys } from './surveys.tables.ts'

export type Survey = typeof surveys.$inferSelect
export type SurveyQuestion = typeof surveyQuestions.$inferSelect
export type SurveyImport = typeof surveyImports.$inferSelect

export async function findSurvey(db: Db, id: string): Promise<Survey | undefined> {
  const [s] = await db.select().from(surveys).where(eq(surveys.id, id))
  return s
}

export async function listSurveys(db: Db): Promise<Survey[]> {
  return db.select().from(surveys).orderBy(asc(surveys.name))
}

export async function listQuestions(db: Db, surveyId: string): Promise<SurveyQuestion[]> {
  return db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position))
}

export async function listImports(db: Db, surveyId: string): Promise<SurveyImport[]> {
  return db.select().from(surveyImports).where(eq(surveyImports.surveyId, surveyId)).orderBy(asc(surveyImports.createdAt))
}

/** The county codes of the actor's organisations, and of the collaborations they are parties of. */
export async function countiesOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return []
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select county_code as code from organisations where id in (${ids}) and county_code is not null
        union
        select c.county_code from collaboration_parties cp join collaborations c on c.id = cp.collaboration_id
        where cp.organisation_id in (${ids}) and c.county_code is not null`,
  )
  return rows.map((r) => r.code)
}

/** One rolled-up cell: an area (kommunkod or county code) × year × question × kön, summed over imports, ages and DeSO. */
export interface SumsRow extends CellSums {
  area: string
  year: number
  questionKey: string
  sex: SexGroup
}

/**
 * Rewrites a survey's roll-up (`survey_area_sums`) from its cell sums: each municipality, its county and
 * the country. Called in the transaction that changes the cell sums, so the two never disagree.
 */
export async function refreshAreaSums(db: Db | Tx, surveyId: string): Promise<void> {
  await db.execute(sql`delete from survey_area_sums where survey_id = ${surveyId}`)
  await db.execute(
    sql`insert into survey_area_sums (survey_id, area_code, year, question_key, sex, n, sum_w, sum_wy, sum_w2, sum_w2y)
        select s.survey_id, a.area, s.year, s.question_key, s.sex, sum(s.n)::int, sum(s.sum_w), sum(s.sum_wy), sum(s.sum_w2), sum(s.sum_w2y)
        from survey_cell_sums s join municipalities m on m.code = s.municipality_code
        cross join lateral (values (s.municipality_code::text), (m.county_code::text), ('00')) as a(area)
        where s.survey_id = ${surveyId}
        group by s.survey_id, a.area, s.year, s.question_key, s.sex`,
  )
}

const AREA_SUMS = sql`s.area_code as area, s.year, s.question_key as "questionKey", s.sex, s.n, s.sum_w as "sumW", s.sum_wy as "sumWy",
  s.sum_w2 as "sumW2", s.sum_w2y as "sumW2y"`

/**
 * The sums of one municipality and of its county, for every year and question of a survey (or one
 * question), from the roll-up: a few hundred rows, whatever the county's size — never a respondent.
 */
export async function sumsForMunicipality(db: Db, surveyId: string, municipalityCode: string, questionKey?: string): Promise<SumsRow[]> {
  const question = questionKey ? sql`and s.question_key = ${questionKey}` : sql``
  return queryRows<SumsRow>(
    db,
    sql`select ${AREA_SUMS} from survey_area_sums s
        where s.survey_id = ${surveyId} ${question}
          and s.area_code in (${municipalityCode}, (select county_code::text from municipalities where code = ${municipalityCode}))`,
  )
}

/** Municipalities with data in a survey, and the years each has. */
export async function coverage(db: Db, surveyId: string): Promise<{ municipalityCode: string; name: string; years: number[] }[]> {
  return queryRows(
    db,
    sql`select s.municipality_code as "municipalityCode", m.name, array_agg(distinct s.year order by s.year) as years
        from survey_cell_sums s join municipalities m on m.code = s.municipality_code
        where s.survey_id = ${surveyId}
        group by s.municipality_code, m.name`,
  )
}

/** Surveys with data for a municipality (for its "Lägesbild – underlag" page). */
export async function surveysCovering(db: Db, municipalityCode: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select distinct survey_id as id from survey_cell_sums where municipality_code = ${municipalityCode}`)
  return rows.map((r) => r.id)
}

export async function municipalityName(db: Db, code: string): Promise<{ name: string; countyCode: string; countyName: string } | undefined> {
  const [r] = await queryRows<{ name: string; countyCode: string; countyName: string }>(
    db,
    sql`select m.name, m.county_code as "countyCode", c.name as "countyName" from municipalities m join counties c on c.code = m.county_code where m.code = ${code}`,
  )
  return r
}

/** The sums of a whole county (its municipalities together) or the country ('00'), for the API. */
export async function sumsForCountyTotal(db: Db, surveyId: string, areaCode: string, questionKey?: string): Promise<SumsRow[]> {
  const question = questionKey ? sql`and s.question_key = ${questionKey}` : sql``
  return queryRows<SumsRow>(db, sql`select ${AREA_SUMS} from survey_area_sums s where s.survey_id = ${surveyId} and s.area_code = ${areaCode} ${question}`)
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const list = sql.join(
    [...new Set(ids)].map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from organisations where id in (${list})`)
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Municipalities that have survey answers, with their county's name (for the knowledge hub). */
export async function municipalitiesWithData(db: Db): Promise<{ code: string; name: string; countyCode: string; countyName: string }[]> {
  return queryRows(
    db,
    sql`select m.code, m.name, m.county_code as "countyCode", c.name as "countyName"
        from municipalities m join counties c on c.code = m.county_code
        where exists (select 1 from survey_cell_sums s where s.municipality_code = m.code)`,
  )
}

/** The sums of every municipality of a county and of the county itself for one year (the yearly report). */
export async function sumsForCountyYear(db: Db, surveyId: string, countyCode: string, year: number): Promise<SumsRow[]> {
  return queryRows<SumsRow>(
    db,
    sql`select ${AREA_SUMS} from survey_area_sums s
        where s.survey_id = ${surveyId} and s.year = ${year}
          and (s.area_code = ${countyCode} or s.area_code in (select code from municipalities where county_code = ${countyCode}))`,
  )
}

/** The latest year up to `maxYear` with answers in a county (its municipalities rolled up), if any. */
export async function latestCountyYear(db: Db, surveyId: string, countyCode: string, maxYear: number): Promise<number | undefined> {
  const [r] = await queryRows<{ year: number | null }>(
    db,
    sql`select max(year)::int as year from survey_area_sums where survey_id = ${surveyId} and area_code = ${countyCode} and year <= ${maxYear}`,
  )
  return r?.year ?? undefined
}
