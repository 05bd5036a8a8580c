import { z } from 'zod'
import { looksLikeIdentifierHeader } from './identifiers.ts'
import { SURVEY_KINDS } from './surveys.tables.ts'

/**
 * The survey definition (issue 9 §4): what the CLI reads as a JSON file and the definition pages
 * write. Error messages are i18n keys under `surveyDefinition.errors`.
 *
 *   {"name": "Medborgarenkät 2025", "kind": "medborgarenkat", "areas": ["0580"],
 *    "questions": [{"key": "gator_torg_kvall", "text": "Hur trygg känner du dig …",
 *                   "answers": {"1": "Mycket trygg", "2": "Ganska trygg", "3": "Ganska otrygg", "4": "Mycket otrygg"},
 *                   "reported": ["1", "2"], "reportedLabel": "trygga", "placeType": "gator och torg", "timeOfDay": "kväll"}]}
 */

/** A question key is also the name of its column in a data file (and must satisfy the table's check). */
export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,62}$/
/** An answer code as the data file writes it: "1", "2", "9", "ja". */
export const ANSWER_CODE = /^[A-Za-z0-9_.-]{1,20}$/

/** The data file's own columns: a question may not be called one of these. */
export const CANONICAL_COLUMNS = ['kommun', 'deso', 'ar', 'kon', 'aldersgrupp', 'vikt'] as const
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number]

const text = (max: number, key: string) => z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: `surveyDefinition.errors.tooLong` })
const optionalText = (max: number) => z.string().trim().max(max, { error: 'surveyDefinition.errors.tooLong' }).optional()

const answerList = z
  .array(
    z.object({
      code: z.string().trim().regex(ANSWER_CODE, { error: 'surveyDefinition.errors.answerCode' }),
      label: text(200, 'surveyDefinition.errors.answerLabel'),
    }),
  )
  .min(2, { error: 'surveyDefinition.errors.answersFew' })
  .max(30, { error: 'surveyDefinition.errors.answersMany' })

/** Answers as the JSON file writes them ({"1": "Mycket trygg", …}, in the order of the scale) or as the table keeps them. */
const answers = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>).map(([code, label]) => ({ code, label })) : v),
  answerList,
)

export const questionSchema = z
  .object({
    key: z.string({ error: 'surveyDefinition.errors.keyFormat' }).trim().regex(QUESTION_KEY, { error: 'surveyDefinition.errors.keyFormat' }),
    text: text(1000, 'surveyDefinition.errors.questionText'),
    answers,
    reported: z.array(z.string().trim(), { error: 'surveyDefinition.errors.reportedEmpty' }).min(1, { error: 'surveyDefinition.errors.reportedEmpty' }).max(30),
    reportedLabel: optionalText(100),
    placeType: optionalText(100),
    timeOfDay: optionalText(100),
  })
  .superRefine((q, ctx) => {
    const codes = new Set<string>()
    for (const a of q.answers) {
      if (codes.has(a.code)) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'surveyDefinition.errors.answerDuplicate', params: { code: a.code } })
      codes.add(a.code)
    }
    for (const [i, r] of q.reported.entries()) {
      if (!codes.has(r)) ctx.addIssue({ code: 'custom', path: ['reported', i], message: 'surveyDefinition.errors.reportedUnknown', params: { code: r } })
    }
    if ((CANONICAL_COLUMNS as readonly string[]).includes(q.key))
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'surveyDefinition.errors.keyReserved', params: { key: q.key } })
    // A data file's column of that name would be refused as an identifier (identifiers.ts).
    else if (looksLikeIdentifierHeader(q.key))
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'surveyDefinition.errors.keyIdentifier', params: { key: q.key } })
  })

/**
 * The definition with at least `minQuestions` questions: the CLI needs one (it imports at once), a
 * survey started in the browser may have none yet (its questions are added on its page).
 */
const definitionSchema = (minQuestions: 0 | 1) =>
  z
    .object({
      name: text(200, 'surveyDefinition.errors.name'),
      kind: z.enum(SURVEY_KINDS, { error: 'surveyDefinition.errors.kind' }).default('own'),
      description: optionalText(5000),
      attribution: optionalText(300),
      suppressionThreshold: z
        .number({ error: 'surveyDefinition.errors.threshold' })
        .int({ error: 'surveyDefinition.errors.threshold' })
        .min(1, { error: 'surveyDefinition.errors.threshold' })
        .max(1000, { error: 'surveyDefinition.errors.threshold' })
        .default(10),
      areas: z
        .array(
          z
            .string()
            .trim()
            .regex(/^\d{4}$/, { error: 'surveyDefinition.errors.areaFormat' }),
        )
        .max(290)
        .default([]),
      visibility: z.enum(['public', 'partners', 'organisation'], { error: 'surveyDefinition.errors.visibility' }).default('public'),
      questions: minQuestions
        ? z.array(questionSchema, { error: 'surveyDefinition.errors.questionsEmpty' }).min(1, { error: 'surveyDefinition.errors.questionsEmpty' }).max(200)
        : z.array(questionSchema, { error: 'surveyDefinition.errors.invalid' }).max(200).default([]),
    })
    .superRefine((d, ctx) => {
      const seen = new Set<string>()
      for (const [i, q] of d.questions.entries()) {
        if (seen.has(q.key))
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'key'], message: 'surveyDefinition.errors.keyDuplicate', params: { key: q.key } })
        seen.add(q.key)
      }
    })

export const surveyDefinitionSchema = definitionSchema(1)
const startedDefinitionSchema = definitionSchema(0)

export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>
export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>
export type QuestionDefinition = z.output<typeof questionSchema>

/** One problem of a definition: where (a JSON path like `questions.2.reported.0`) and an i18n key. */
export interface DefinitionProblem {
  path: string
  key: string
  params?: Record<string, string | number>
}

/**
 * Validates a definition (parsed JSON or a form's values); never throws. `questionsOptional`: a survey
 * started in the browser may have no questions yet.
 */
export function parseDefinition(
  input: unknown,
  options: { questionsOptional?: boolean } = {},
): { ok: true; definition: SurveyDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const r = (options.questionsOptional ? startedDefinitionSchema : surveyDefinitionSchema).safeParse(input)
  if (r.success) return { ok: true, definition: r.data }
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      path: i.path.join('.'),
      key: i.message.startsWith('surveyDefinition.') ? i.message : 'surveyDefinition.errors.invalid',
      params: (i as { params?: Record<string, string | number> }).params,
    })),
  }
}

/** Parses the questions alone (the definition pages edit them apart from the survey's name). */
export function parseQuestions(input: unknown): { ok: true; questions: QuestionDefinition[] } | { ok: false; problems: DefinitionProblem[] } {
  const wrapped = parseDefinition({ name: 'x', questions: input })
  if (wrapped.ok) return { ok: true, questions: wrapped.definition.questions }
  return { ok: false, problems: wrapped.problems.filter((p) => p.path.startsWith('questions')) }
}

/** A problem's path as a reader of the JSON file looks for it: `questions.2.reported.0` → `questions[2].reported[0]`. */
export const displayPath = (path: string) => path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')
