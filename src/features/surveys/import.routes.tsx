import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { isUploadedFile } from '../../platform/files/uploads.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { problemLine } from '../../platform/jobs/task-problems.ts'
import { startTask } from '../../platform/jobs/tasks.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { CANONICAL_COLUMNS } from './definition.schemas.ts'
import { IGNORE, analyseHeader, normaliseHeader, readHeader } from './import-parse.ts'
import { importTarget, parseQuestionsOf } from './import.service.ts'
import { SURVEY_IMPORT_TASK, countRows, problemKeys } from './import.task.ts'
import type { Survey, SurveyQuestion } from './surveys.repo.ts'
import { type MappingStep, SurveyImportPage } from './views/import-page.tsx'

/** A survey file may be large (a national Medborgarenkät): 50 MB, beside the platform's 20 MB for documents. */
export const MAX_SURVEY_FILE_BYTES = 50 * 1024 * 1024

/**
 * The import page of a survey: the file is checked for its header at once (identifier columns are
 * refused, unknown headers lead to the mapping step), then read whole as a background task whose
 * page shows the progress and the outcome (`/tasks/:taskId`).
 *
 * The mapping step asks for the file again rather than keeping it: survey answers are not stored
 * while someone decides what a column is (decision 013), only while the import itself runs.
 */
export function surveyImportRoutes(app: FastifyInstance, deps: Deps) {
  const page = (reply: FastifyReply, props: { survey: Survey; questions: SurveyQuestion[] } & Partial<Parameters<typeof SurveyImportPage>[0]>, status = 200) =>
    reply.page(<SurveyImportPage maxMegabytes={MAX_SURVEY_FILE_BYTES / 1024 / 1024} {...props} />, status)

  app.get('/surveys/:surveyId/import', { config: { policy: 'surveys.write' } }, async (req, reply) => {
    const target = await importTarget(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    return page(reply, target)
  })

  app.post(
    '/surveys/:surveyId/import',
    {
      config: { policy: 'surveys.write', uploads: true, uploadLimit: MAX_SURVEY_FILE_BYTES },
      // Someone who may see the survey but not import into it is refused before the upload is read;
      // a survey they cannot see is left to the handler, after the CSRF check (as plans/import.routes.tsx).
      preParsing: async (req: FastifyRequest) => {
        try {
          await importTarget(deps, { actor: req.actor! }, paramsOf(req).surveyId)
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err
        }
      },
    },
    async (req, reply) => {
      const target = await importTarget(deps, { actor: req.actor! }, paramsOf(req).surveyId)
      const { survey, questions } = target
      const body = (req.body ?? {}) as Record<string, unknown>
      const file = body.file
      const fileError = (key: string, params?: Record<string, string | number>) =>
        page(reply, { ...target, errors: [{ field: 'file', message: req.t(key, params) }] }, 400)
      if (!isUploadedFile(file)) return fileError('surveyImport.errors.noFile')
      if (file.truncated || file.data.length > MAX_SURVEY_FILE_BYTES)
        return fileError('surveyImport.errors.tooLarge', { mb: MAX_SURVEY_FILE_BYTES / 1024 / 1024 })
      if (file.data.length === 0) return fileError('surveyImport.errors.empty')
      const head = await readHeader(file.data)
      if (!head.ok) return fileError('surveyImport.errors.unreadable', { reason: problemLine(req.t, problemKeys([head.problem])[0]) })

      const parseQuestions = parseQuestionsOf(questions)
      const { mapping, choices } = chosenMapping(body, head.headers, questions)
      const analysis = analyseHeader(head.headers, parseQuestions, mapping)
      if (analysis.identifiers.length) {
        const problems = problemKeys(analysis.problems.filter((p) => p.key === 'identifierColumn')).map((p) => problemLine(req.t, p))
        return page(
          reply,
          { ...target, problems, errors: [{ field: 'file', message: req.t('surveyImport.errors.identifiers', { count: problems.length }) }] },
          400,
        )
      }
      // Headers the format does not know, or required columns missing: the mapping step.
      const unknown = new Set(analysis.unknown)
      if (unknown.size || analysis.missing.length || analysis.problems.length) {
        const auto = analyseHeader(head.headers, parseQuestions)
        const ask = head.headers.flatMap((h, i) => (auto.unknown.includes(h) || choices[i] !== undefined ? [i] : []))
        const targets = head.headers.map((h, i) => choices[i] ?? (unknown.has(h) ? undefined : targetOf(h, mapping)))
        const errors: FieldError[] = [
          ...ask
            .filter((i) => unknown.has(head.headers[i]))
            .map((i) => ({ field: `col_${i}`, message: req.t('surveyImport.mapping.chooseError', { header: head.headers[i] }) })),
          ...analysis.missing.map((m) => ({
            field: 'file',
            message: req.t('surveyImport.mapping.missing', { column: req.t(`surveyImport.columns.${m === 'kommun' ? 'area' : m}`) }),
          })),
          ...analysis.problems
            .filter((p) => p.key === 'duplicateColumn' || p.key === 'noQuestionColumns')
            .map((p) => ({ field: 'file', message: problemLine(req.t, problemKeys([p])[0]) })),
        ]
        const mappingStep: MappingStep = { headers: head.headers, targets, ask: ask.length ? ask : head.headers.map((_, i) => i) }
        return page(reply, { ...target, mapping: mappingStep, errors }, 400)
      }

      const task = await startTask(deps, {
        kind: SURVEY_IMPORT_TASK,
        title: `${survey.name} – ${file.filename}`.slice(0, 300),
        createdBy: req.actor!.userId,
        organisationId: survey.organisationId,
        subjectId: survey.id,
        input: file.data,
        inputName: file.filename,
        total: countRows(file.data),
        params: { mapping, retryHref: `/surveys/${survey.id}/import` },
      })
      return reply.seeOther(`/tasks/${task.id}`)
    },
  )
}

/** What a header is taken as without a mapping: its normalised name (a canonical column or a question key). */
const targetOf = (header: string, mapping: Record<string, string>) => {
  const v = Object.hasOwn(mapping, header) ? mapping[header] : normaliseHeader(header)
  return v === IGNORE ? 'ignore' : v
}

/**
 * The mapping the form chose: `col_<i>` for the file's i-th header, honoured only when `name_<i>` still
 * names that header (a different file chosen the second time is asked about anew).
 */
function chosenMapping(body: Record<string, unknown>, headers: string[], questions: SurveyQuestion[]) {
  const allowed = new Set<string>(['ignore', ...CANONICAL_COLUMNS, ...questions.map((q) => q.key)])
  const mapping: Record<string, string> = {}
  const choices: (string | undefined)[] = []
  headers.forEach((h, i) => {
    const value = body[`col_${i}`]
    if (body[`name_${i}`] !== h || typeof value !== 'string' || !allowed.has(value)) return
    choices[i] = value
    mapping[h] = value === 'ignore' ? IGNORE : value
  })
  return { mapping, choices }
}
