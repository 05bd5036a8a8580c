import { z } from 'zod'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formValues } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { DefinitionProblem } from './definition.schemas.ts'
import { InvalidDefinitionError, definitionOfQuestion, loadEditableSurvey, replaceQuestions } from './definition.service.ts'
import type { SurveyQuestion } from './surveys.repo.ts'
import { QuestionFormPage } from './views/question-form-page.tsx'

const WRITE = { config: { policy: 'surveys.write' } }

/** The question form's fields as text (the escaping test posts through it; the definition schema judges the values). */
// Key, answer lines and codes are structured (not free text): the escaping test keeps their values and
// sends its payloads through the free-text fields only.
const QuestionForm = z.object({
  version: z.string().regex(/^\d*$/).optional(),
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .optional(),
  text: z.string(),
  answers: z.string().regex(/=/),
  reported: z.string().regex(/^[A-Za-z0-9_.\-\s,;]+$/),
  reportedLabel: z.string().optional(),
  placeType: z.string().optional(),
  timeOfDay: z.string().optional(),
})
const POST = { config: { ...WRITE.config, form: QuestionForm } }

/** "1 = Mycket trygg" a line → answers; a line without "=" keeps its text as the code so the schema names it. */
export function parseAnswerLines(text: string): { code: string; label: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf('=')
      return i < 0 ? { code: l, label: '' } : { code: l.slice(0, i).trim(), label: l.slice(i + 1).trim() }
    })
}

export const splitCodes = (text: string) => text.split(/[\s,;]+/).filter(Boolean)

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** A question as the form shows it. */
export const questionValues = (q: SurveyQuestion): Record<string, string> => ({
  key: q.key,
  text: q.text,
  answers: q.answers.map((a) => `${a.code} = ${a.label}`).join('\n'),
  reported: q.reported.join(', '),
  reportedLabel: q.reportedLabel,
  placeType: q.placeType ?? '',
  timeOfDay: q.timeOfDay ?? '',
})

/** The form's values as a question definition (the schema judges it). */
function questionInput(values: Record<string, string>) {
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
  return {
    key: values.key ?? '',
    text: values.text ?? '',
    answers: parseAnswerLines(values.answers ?? ''),
    reported: splitCodes(values.reported ?? ''),
    reportedLabel: opt(values.reportedLabel),
    placeType: opt(values.placeType),
    timeOfDay: opt(values.timeOfDay),
  }
}

/** A problem's path `questions.3.answers.1.label` → the form field it belongs to. */
const FIELD_OF: Record<string, string> = {
  key: 'key',
  text: 'text',
  answers: 'answers',
  reported: 'reported',
  reportedLabel: 'reportedLabel',
  placeType: 'placeType',
  timeOfDay: 'timeOfDay',
}
export function problemErrors(problems: DefinitionProblem[], index: number, t: FastifyRequest['t']): FieldError[] {
  return problems.map((p) => {
    const parts = p.path.split('.')
    const own = parts[0] === 'questions' && parts[1] === String(index)
    const field = own ? (FIELD_OF[parts[2] ?? ''] ?? 'answers') : 'answers'
    return { field, message: t(p.key, p.params) }
  })
}

/** Adding and changing a survey's questions: the whole list goes to replaceQuestions with the survey's version. */
export function surveyDefinitionRoutes(app: FastifyInstance, deps: Deps) {
  const show = (reply: FastifyReply, props: Parameters<typeof QuestionFormPage>[0], status = 200) => reply.page(<QuestionFormPage {...props} />, status)

  async function save(req: FastifyRequest, reply: FastifyReply, editKey?: string) {
    const { survey, questions } = await loadEditableSurvey(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    const old = editKey ? questions.findIndex((q) => q.key === editKey) : -1
    if (editKey && old < 0) throw new NotFoundError()
    const raw = formValues(req.body)
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, str(Array.isArray(v) ? v[0] : v)]))
    if (editKey) values.key = editKey
    const input = questionInput(values)
    const list = questions.map(definitionOfQuestion) as unknown[]
    const index = editKey ? old : list.length
    list[index] = input
    const version = Number(values.version)
    try {
      await replaceQuestions(deps, ctxOf(req), survey.id, list, Number.isInteger(version) && version > 0 ? version : undefined)
    } catch (err) {
      if (err instanceof InvalidDefinitionError) {
        return show(reply, { survey, questionKey: editKey, values, errors: problemErrors(err.problems, index, req.t) }, 400)
      }
      if (err instanceof StaleVersionError) {
        return show(
          reply,
          {
            survey,
            questionKey: editKey,
            values: { ...values, version: String(survey.version) },
            errors: [{ field: 'text', message: req.t('surveyForms.errors.stale') }],
          },
          409,
        )
      }
      throw err
    }
    reply.flash('success', 'surveyForms.flash.questionSaved', { key: input.key })
    return reply.redirect(`/surveys/${survey.id}`, 303)
  }

  app.get('/surveys/:surveyId/questions/new', WRITE, async (req, reply) => {
    const { survey } = await loadEditableSurvey(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    // The usual four-step safety scale is filled in: most questions of these surveys use it.
    return show(reply, {
      survey,
      values: {
        answers: '1 = Mycket trygg\n2 = Ganska trygg\n3 = Ganska otrygg\n4 = Mycket otrygg',
        reported: '1, 2',
        reportedLabel: 'trygga',
        version: String(survey.version),
      },
    })
  })
  app.post('/surveys/:surveyId/questions/new', POST, (req, reply) => save(req, reply))

  app.get('/surveys/:surveyId/questions/:questionKey/edit', WRITE, async (req, reply) => {
    const { survey, questions } = await loadEditableSurvey(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    const q = questions.find((x) => x.key === paramsOf(req).questionKey)
    if (!q) throw new NotFoundError()
    return show(reply, { survey, questionKey: q.key, values: { ...questionValues(q), version: String(survey.version) } })
  })
  app.post('/surveys/:surveyId/questions/:questionKey/edit', POST, (req, reply) => save(req, reply, paramsOf(req).questionKey))
}
