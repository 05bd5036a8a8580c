import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import type { CellSum } from './import-parse.ts'
import { surveyImports } from './surveys.tables.ts'

type NewImport = typeof surveyImports.$inferInsert
type SurveyImport = typeof surveyImports.$inferSelect

export async function findImportBySha(db: Db, surveyId: string, sha256: string): Promise<SurveyImport | undefined> {
  const [i] = await db
    .select()
    .from(surveyImports)
    .where(and(eq(surveyImports.surveyId, surveyId), eq(surveyImports.sha256, sha256)))
  return i
}

export async function insertImport(tx: Db, values: NewImport): Promise<SurveyImport> {
  const [i] = await tx.insert(surveyImports).values(values).returning()
  return i
}

/** Cells per statement: one JSON parameter each, so the same SQL works on PGlite and on the pg pool. */
export const CELL_BATCH = 5000

/**
 * The cells of one import, a batch per statement (`json_to_recordset` over one parameter: a national
 * file of some hundred thousand cells costs a few dozen round trips).
 */
export async function insertCellSums(tx: Db, importId: string, surveyId: string, cells: readonly CellSum[]): Promise<void> {
  for (let i = 0; i < cells.length; i += CELL_BATCH) {
    const batch = cells
      .slice(i, i + CELL_BATCH)
      .map((c) => [c.areaCode, c.municipalityCode, c.year, c.questionKey, c.sex, c.ageGroup, c.n, c.sumW, c.sumWy, c.sumW2, c.sumW2y])
    await tx.execute(sql`
      insert into survey_cell_sums (import_id, survey_id, area_code, municipality_code, year, question_key, sex, age_group, n, sum_w, sum_wy, sum_w2, sum_w2y)
      select ${importId}::uuid, ${surveyId}::uuid, c->>0, c->>1, (c->>2)::int, c->>3, c->>4, c->>5, (c->>6)::int,
             (c->>7)::float8, (c->>8)::float8, (c->>9)::float8, (c->>10)::float8
      from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) as c`)
  }
}
