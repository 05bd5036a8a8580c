import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { isUploadedFile } from '../../platform/files/uploads.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { listCounties } from '../organisations/index.ts'
import { type DefinitionProblem, displayPath } from './definition.schemas.ts'
import { InvalidDefinitionError, createSurvey, loadEditableSurvey } from './definition.service.ts'
import { type StartOptions, editableAreas, startOptions, updateSurveyHead } from './survey-start.service.ts'
import { SurveyHeadPage } from './views/survey-head-page.tsx'
import { SurveyStartPage, type StartValues } from './views/survey-start-page.tsx'

/** A definition file is a few hundred questions at most: 1 MB is plenty. */
export const MAX_DEFINITION_BYTES = 1024 * 1024

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const areaList = z.union([z.string().regex(/^\d{4}$/), z.array(z.string().regex(/^\d{4}$/)).max(290)]).optional()

/** The new-survey form: the owner is an id (a choice, not text), the name free text, the areas kommunkoder. */
const StartForm = z.object({
  organisation: z.string().regex(UUID).optional(),
  name: z.string().max(200),
  areas: areaList,
})
/** The name-and-areas form of an existing survey, with the version it was read at. */
const HeadForm = z.object({
  version: z.string().regex(/^\d*$/).optional(),
  name: z.string().max(200),
  areas: areaList,
})

const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string')
const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')

/** The form's fields a definition problem belongs to: the name, the areas, or (otherwise) the name. */
function fieldErrors(problems: DefinitionProblem[], t: FastifyRequest['t']): FieldError[] {
  return problems.map((p) => ({ field: p.path.startsWith('areas') ? 'areas' : 'name', message: t(p.key, p.params) }))
}

/**
 * A definition file's problems as the error summary shows them: how many, then each with where it is
 * in the file ("questions[2].reported[0]: …"), as the CLI prints them.
 */
function fileErrors(problems: DefinitionProblem[], t: FastifyRequest['t']): FieldError[] {
  return [
    { field: 'definition', message: t('surveyDefinition.errors.invalidDefinition', { count: problems.length }) },
    ...problems.map((p) => ({ field: 'definition', message: p.path ? `${displayPath(p.path)}: ${t(p.key, p.params)}` : t(p.key, p.params) })),
  ]
}

/** The owner the form chose, when it is one the actor may start a survey for (one alone needs no choice). */
function chosenOwner(options: StartOptions, value: string): string | undefined {
  if (options.owners.some((o) => o.id === value)) return value
  return options.owners.length === 1 ? options.owners[0].id : undefined
}

/**
 * Starting a survey (issue 9 §4) — from its name and areas, or from a definition file in the CLI's
 * format — and changing its name and areas. createSurvey writes it, audited, in one transaction.
 */
export function surveyStartRoutes(app: FastifyInstance, deps: Deps) {
  const counties = async () => new Map((await listCounties(deps.db)).map((c) => [c.code, c.name]))
  const options = async (req: FastifyRequest) => {
    const o = await startOptions(deps, req.actor)
    if (o.owners.length === 0) throw new ForbiddenError()
    return o
  }
  const startPage = async (reply: FastifyReply, o: StartOptions, values?: StartValues, errors?: FieldError[]) =>
    reply.page(<SurveyStartPage options={o} counties={await counties()} values={values} errors={errors} />, errors ? 400 : 200)

  app.get('/surveys/new', { config: { policy: 'surveys.write' } }, async (req, reply) => startPage(reply, await options(req)))

  app.post('/surveys/new', { config: { policy: 'surveys.write', form: StartForm } }, async (req, reply) => {
    const o = await options(req)
    const raw = formValues(req.body)
    const values: StartValues = { organisation: one(raw.organisation), name: one(raw.name), areas: list(raw.areas) }
    const form = parseForm(StartForm, req.body, req.t)
    if (!form.ok) return startPage(reply, o, values, form.errors)
    const owner = chosenOwner(o, form.data.organisation ?? '')
    if (!owner) return startPage(reply, o, values, [{ field: 'organisation', message: req.t('surveyStart.errors.organisation') }])
    try {
      const survey = await createSurvey(deps, ctxOf(req), owner, { name: form.data.name, areas: list(form.data.areas) }, { questionsOptional: true })
      reply.flash('success', 'surveyStart.flash.created', { name: survey.name })
      return reply.seeOther(`/surveys/${survey.id}`)
    } catch (err) {
      if (err instanceof InvalidDefinitionError) return startPage(reply, o, values, fieldErrors(err.problems, req.t))
      throw err
    }
  })

  app.post(
    '/surveys/new/definition',
    {
      config: { policy: 'surveys.write', uploads: true, uploadLimit: MAX_DEFINITION_BYTES },
      // Someone who may start no survey is refused before a byte of the file is read; the platform
      // checks the session before this and the CSRF token (the form's first field) while reading.
      preParsing: async (req: FastifyRequest) => {
        await options(req)
      },
    },
    async (req, reply) => {
      const o = await options(req)
      const body = (req.body ?? {}) as Record<string, unknown>
      const refuse = (errors: FieldError[]) => startPage(reply, o, {}, errors)
      const owner = chosenOwner(o, one(body.organisation))
      if (!owner) return refuse([{ field: 'organisation-file', message: req.t('surveyStart.errors.organisation') }])
      const file = body.definition
      const fileError = (key: string, params?: Record<string, string | number>) => refuse([{ field: 'definition', message: req.t(key, params) }])
      if (!isUploadedFile(file) || file.data.length === 0) return fileError('surveyStart.errors.noFile')
      if (file.truncated || file.data.length > MAX_DEFINITION_BYTES) return fileError('surveyStart.errors.tooLarge', { kb: MAX_DEFINITION_BYTES / 1024 })
      let input: unknown
      try {
        input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.data).replace(/^\uFEFF/, ''))
      } catch (err) {
        return fileError('surveyStart.errors.notJson', { reason: (err as Error).message })
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) return fileError('surveyStart.errors.notObject')
      try {
        // The CLI's schema as it is: a file holds at least one question, as survey-import requires.
        const survey = await createSurvey(deps, ctxOf(req), owner, input)
        reply.flash('success', 'surveyStart.flash.createdFromFile', { name: survey.name, count: (input as { questions: unknown[] }).questions.length })
        return reply.seeOther(`/surveys/${survey.id}`)
      } catch (err) {
        if (err instanceof InvalidDefinitionError) return refuse(fileErrors(err.problems, req.t))
        throw err
      }
    },
  )

  const headPage = async (req: FastifyRequest, reply: FastifyReply, values?: SurveyHeadValues, errors?: FieldError[], status = 200) => {
    const { survey } = await loadEditableSurvey(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    const areas = await editableAreas(deps, req.actor!, survey)
    const shown = values ?? { name: survey.name, areas: survey.areas, version: String(survey.version) }
    return reply.page(<SurveyHeadPage survey={survey} areas={areas} counties={await counties()} values={shown} errors={errors} />, status)
  }

  app.get('/surveys/:surveyId/edit', { config: { policy: 'surveys.write' } }, (req, reply) => headPage(req, reply))

  app.post('/surveys/:surveyId/edit', { config: { policy: 'surveys.write', form: HeadForm } }, async (req, reply) => {
    // The record first: someone who may not change the survey gets the refusal, never the form's errors.
    const { survey } = await loadEditableSurvey(deps, { actor: req.actor! }, paramsOf(req).surveyId)
    const raw = formValues(req.body)
    const values: SurveyHeadValues = { name: one(raw.name), areas: list(raw.areas), version: one(raw.version) }
    const form = parseForm(HeadForm, req.body, req.t)
    if (!form.ok) return headPage(req, reply, values, form.errors, 400)
    const version = Number(form.data.version)
    try {
      await updateSurveyHead(deps, ctxOf(req), survey.id, { name: form.data.name, areas: list(form.data.areas) }, version > 0 ? version : undefined)
    } catch (err) {
      if (err instanceof InvalidDefinitionError) return headPage(req, reply, values, fieldErrors(err.problems, req.t), 400)
      if (err instanceof StaleVersionError)
        return headPage(req, reply, { ...values, version: String(survey.version) }, [{ field: 'name', message: req.t('surveyStart.errors.stale') }], 409)
      throw err
    }
    reply.flash('success', 'surveyStart.flash.saved')
    return reply.seeOther(`/surveys/${survey.id}`)
  })
}

type SurveyHeadValues = { name?: string; areas?: string[]; version?: string }
