import { sql } from 'drizzle-orm'
import { boolean, char, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'

export const SURVEY_KINDS = ['medborgarenkat', 'trygghetsmatning', 'own'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]

/** Kön as imported: the empty answer is kept as its own group, so "alla" is everyone who answered. */
export const SEX_GROUPS = ['kvinna', 'man', 'annat', 'uppgift_saknas'] as const
export type SexGroup = (typeof SEX_GROUPS)[number]

/**
 * A survey (Medborgarenkät, trygghetsmätning, an own survey): its questions, which answer codes count
 * as the reported share, and the small-cell threshold below which no figure is shown.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<SurveyKind>().notNull().default('own'),
    description: text('description').notNull().default(''),
    /** The party that runs the survey and edits its definition. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    countyCode: char('county_code', { length: 2 }).notNull(),
    /** The attribution shown under every chart ("Källa: Medborgarenkäten, Linköpings kommun"). */
    attribution: text('attribution').notNull(),
    /** Municipality codes the survey covers (empty: wherever the file's rows say). */
    areas: jsonb('areas').$type<string[]>().notNull().default([]),
    suppressionThreshold: integer('suppression_threshold').notNull().default(10),
    visibility: text('visibility').$type<'public' | 'partners' | 'organisation'>().notNull().default('public'),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('surveys_organisation_idx').on(t.organisationId),
    index('surveys_county_idx').on(t.countyCode),
    check('surveys_kind_check', sql`${t.kind} in ('medborgarenkat','trygghetsmatning','own')`),
    check('surveys_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('surveys_threshold_check', sql`${t.suppressionThreshold} between 1 and 1000`),
  ],
)

/** A question: its answer scale and which codes make up the reported share (1 *mycket trygg*, 2 *ganska trygg*). */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Answer code → label, in the order of the scale. */
    answers: jsonb('answers').$type<{ code: string; label: string }[]>().notNull(),
    reported: jsonb('reported').$type<string[]>().notNull(),
    /** What the reported share is called in sentences ("trygga", "oroliga"). */
    reportedLabel: text('reported_label').notNull().default('trygga'),
    placeType: text('place_type'),
    timeOfDay: text('time_of_day'),
  },
  (t) => [uniqueIndex('survey_questions_key').on(t.surveyId, t.key), check('survey_questions_key_format_check', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,62}$'`)],
)

/** One imported microdata file: its fingerprint and counts. The rows themselves are not kept (decision 013). */
export const surveyImports = pgTable(
  'survey_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    respondents: integer('respondents').notNull(),
    answers: integer('answers').notNull(),
    years: jsonb('years').$type<number[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_imports_survey_idx').on(t.surveyId), uniqueIndex('survey_imports_file_key').on(t.surveyId, t.sha256)],
)

/**
 * The five sums of `../shared/statistics.md` per cell — n, Σw, Σwy, Σw², Σw²y — for one import ×
 * area × year × question × kön × åldersgrupp. Every estimate (share, SE, interval, the women − men
 * difference) and every roll-up (all ages, all of kön, the county from its municipalities) is a sum
 * of these, so a dashboard reads O(cells), never the respondents.
 */
export const surveyCellSums = pgTable(
  'survey_cell_sums',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => surveyImports.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id').notNull(),
    /** The area as the file gave it: a kommunkod or a DeSO code. */
    areaCode: text('area_code').notNull(),
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
    year: integer('year').notNull(),
    questionKey: text('question_key').notNull(),
    sex: text('sex').$type<SexGroup>().notNull(),
    ageGroup: text('age_group').notNull().default(''),
    n: integer('n').notNull(),
    sumW: doublePrecision('sum_w').notNull(),
    sumWy: doublePrecision('sum_wy').notNull(),
    sumW2: doublePrecision('sum_w2').notNull(),
    sumW2y: doublePrecision('sum_w2y').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.areaCode, t.year, t.questionKey, t.sex, t.ageGroup] }),
    index('survey_cell_sums_municipality_idx').on(t.surveyId, t.municipalityCode, t.year, t.questionKey),
    check('survey_cell_sums_sex_check', sql`${t.sex} in ('kvinna','man','annat','uppgift_saknas')`),
    check('survey_cell_sums_n_check', sql`${t.n} > 0 and ${t.sumW} > 0`),
  ],
)

/**
 * The sums rolled up per survey × area × year × question × kön — over imports, age groups and DeSO, for
 * each municipality, its county and the country — rewritten from `survey_cell_sums` in the transaction
 * that changes them (`refreshAreaSums`). A municipality's page reads its own and its county's rows
 * here: a few hundred rows whatever the county's size.
 */
export const surveyAreaSums = pgTable(
  'survey_area_sums',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    questionKey: text('question_key').notNull(),
    sex: text('sex').$type<SexGroup>().notNull(),
    n: integer('n').notNull(),
    sumW: doublePrecision('sum_w').notNull(),
    sumWy: doublePrecision('sum_wy').notNull(),
    sumW2: doublePrecision('sum_w2').notNull(),
    sumW2y: doublePrecision('sum_w2y').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.areaCode, t.year, t.questionKey, t.sex] })],
)
