import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { municipalities, organisations } from '../organisations/organisations.tables.ts'
import type { QuestionDefinition } from './definition.schemas.ts'
import { surveyQuestions, surveys } from './surveys.tables.ts'

export type NewSurvey = typeof surveys.$inferInsert
type Survey = typeof surveys.$inferSelect
type SurveyQuestion = typeof surveyQuestions.$inferSelect

export async function insertSurvey(tx: Db, values: NewSurvey): Promise<Survey> {
  const [s] = await tx.insert(surveys).values(values).returning()
  return s
}

const questionValues = (q: QuestionDefinition, position: number) => ({
  key: q.key,
  position,
  text: q.text,
  answers: q.answers,
  reported: q.reported,
  reportedLabel: q.reportedLabel || 'trygga',
  placeType: q.placeType || null,
  timeOfDay: q.timeOfDay || null,
})

/**
 * The survey's questions become exactly `questions`, in that order: a question keeps its row (and id)
 * when its key stays, new keys are added, and keys no longer listed are removed.
 */
export async function writeQuestions(tx: Db, surveyId: string, questions: readonly QuestionDefinition[]): Promise<SurveyQuestion[]> {
  const keys = questions.map((q) => q.key)
  await tx.delete(surveyQuestions).where(and(eq(surveyQuestions.surveyId, surveyId), notInArray(surveyQuestions.key, keys)))
  for (const [i, q] of questions.entries()) {
    const values = questionValues(q, i + 1)
    await tx
      .insert(surveyQuestions)
      .values({ surveyId, ...values })
      .onConflictDoUpdate({ target: [surveyQuestions.surveyId, surveyQuestions.key], set: values })
  }
  return tx.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position))
}

/** Bumps the survey's version (and updatedAt); undefined when `expectedVersion` is no longer current. */
export async function touchSurvey(tx: Db, surveyId: string, expectedVersion?: number): Promise<Survey | undefined> {
  const [s] = await tx
    .update(surveys)
    .set({ version: sql`${surveys.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveys.id, surveyId), expectedVersion === undefined ? sql`true` : eq(surveys.version, expectedVersion)))
    .returning()
  return s
}

/** The question keys that imported data already has sums for. */
export async function keysWithData(db: Db, surveyId: string): Promise<Set<string>> {
  const rows = await queryRows<{ key: string }>(db, sql`select distinct question_key as key from survey_cell_sums where survey_id = ${surveyId}`)
  return new Set(rows.map((r) => r.key))
}

/** Municipalities by code, with their county (for a definition's areas). */
export async function municipalitiesByCode(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .select({ code: municipalities.code, countyCode: municipalities.countyCode })
    .from(municipalities)
    .where(inArray(municipalities.code, [...codes]))
  return new Map(rows.map((r) => [r.code, r.countyCode]))
}

export async function allMunicipalityCodes(db: Db): Promise<Set<string>> {
  const rows = await db.select({ code: municipalities.code }).from(municipalities)
  return new Set(rows.map((r) => r.code))
}

/** A survey of an organisation by its exact name (the CLI finds the survey a definition file names). */
export async function findSurveyByName(db: Db, organisationId: string, name: string): Promise<Survey | undefined> {
  const [s] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.organisationId, organisationId), eq(surveys.name, name)))
    .orderBy(asc(surveys.createdAt))
    .limit(1)
  return s
}

/** Every municipality with its county, by name (the areas a survey may cover). */
export async function listMunicipalities(db: Db): Promise<{ code: string; name: string; countyCode: string }[]> {
  return db
    .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode })
    .from(municipalities)
    .orderBy(asc(municipalities.name))
}

/** The organisations of `ids` as the survey policy needs them, by name. */
export async function organisationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name, countyCode: organisations.countyCode, municipalityCode: organisations.municipalityCode })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
    .orderBy(asc(organisations.name))
}

/** A survey's name, areas and attribution, if `expectedVersion` is still current (bumps it). */
export async function updateSurveyHead(
  tx: Db,
  surveyId: string,
  values: { name: string; areas: string[]; attribution: string },
  expectedVersion: number | undefined,
): Promise<Survey | undefined> {
  const [s] = await tx
    .update(surveys)
    .set({ ...values, version: sql`${surveys.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveys.id, surveyId), expectedVersion === undefined ? sql`true` : eq(surveys.version, expectedVersion)))
    .returning()
  return s
}

/** The names of the municipalities of `codes`, in that order (a survey's areas as its page lists them). */
export async function municipalityNames(db: Db, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
  if (codes.length === 0) return []
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, [...codes]))
  const byCode = new Map(rows.map((r) => [r.code, r.name]))
  return codes.map((code) => ({ code, name: byCode.get(code) ?? code }))
}
