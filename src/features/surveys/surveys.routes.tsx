import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { decimalComma } from '../../platform/csv/csv.ts'
import { indicatorsForMunicipality } from '../indicators/index.ts'
import { sendTable } from '../../platform/xlsx/send-table.ts'
import { municipalityNames } from './definition.repo.ts'
import { SHOWN_GROUPS } from './suppression.ts'
import { canCreateSurveyFor } from './surveys.policy.ts'
import * as repo from './surveys.repo.ts'
import { cellKey, listReadableSurveys, loadSurvey, municipalitiesWithData, municipalityBasis, municipalityEstimates } from './surveys.service.ts'
import { KnowledgeHubPage, MunicipalityBasisPage } from './views/knowledge-pages.tsx'
import { HelpPage } from './views/help-page.tsx'
import { SurveyAreaPage } from './views/survey-area-page.tsx'
import { SurveyPage } from './views/survey-page.tsx'
import { SurveysListPage } from './views/surveys-list-page.tsx'

// Aggregates with suppression: public surveys are for everyone; the service hides the others (404).
const READ = { config: { policy: 'public' } }
const str = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined

/** Survey pages (issue 9 §6–9): readable without signing in for public surveys, with suppression everywhere. */
export function surveysRoutes(app: FastifyInstance, deps: Deps) {
  const ownerNames = (ids: string[]) => repo.organisationNames(deps.db, ids)

  app.get('/surveys', READ, async (req, reply) => {
    const surveys = await listReadableSurveys(deps, req.actor)
    const actor = req.actor
    const canStart = !!actor?.roles.some((r) => canCreateSurveyFor(actor, r.organisationId))
    return reply.page(<SurveysListPage surveys={surveys} owners={await ownerNames(surveys.map((s) => s.organisationId))} canStart={canStart} />)
  })

  app.get('/knowledge', READ, async (_req, reply) => reply.page(<KnowledgeHubPage municipalities={await municipalitiesWithData(deps)} />))

  app.get('/knowledge/municipalities/:municipalityCode', READ, async (req, reply) => {
    const code = paramsOf(req).municipalityCode
    const m = /^\d{4}$/.test(code) ? await repo.municipalityName(deps.db, code) : undefined
    if (!m) throw new NotFoundError()
    const [surveys, indicators] = await Promise.all([municipalityBasis(deps, req.actor, code), indicatorsForMunicipality(deps, code, m.countyCode)])
    return reply.page(<MunicipalityBasisPage municipality={{ code, ...m }} surveys={surveys} indicators={indicators} />)
  })

  app.get('/help/survey-estimates', { config: { policy: 'public' } }, async (_req, reply) => reply.page(<HelpPage />))

  app.get('/surveys/:surveyId', READ, async (req, reply) => {
    const ctx = await loadSurvey(deps, req.actor, paramsOf(req).surveyId)
    const [coverage, imports, owners, areas] = await Promise.all([
      repo.coverage(deps.db, ctx.survey.id),
      repo.listImports(deps.db, ctx.survey.id),
      ownerNames([ctx.survey.organisationId]),
      municipalityNames(deps.db, ctx.survey.areas),
    ])
    const collator = new Intl.Collator('sv')
    coverage.sort((a, b) => collator.compare(a.name, b.name))
    return reply.page(<SurveyPage {...ctx} owner={owners.get(ctx.survey.organisationId) ?? ''} areas={areas} coverage={coverage} imports={imports} />)
  })

  app.get('/surveys/:surveyId/areas/:municipalityCode', READ, async (req, reply) => {
    const { surveyId, municipalityCode } = paramsOf(req)
    const data = await municipalityEstimates(deps, req.actor, surveyId, municipalityCode)
    const asked = Number(str((req.query as Record<string, unknown>).year))
    const year = data.years.includes(asked) ? asked : (data.years[data.years.length - 1] ?? new Date().getFullYear())
    return reply.page(<SurveyAreaPage data={data} year={year} />)
  })

  /** The same numbers as the page, every year and question, suppression applied: "–" is never a 0. */
  app.get('/surveys/:surveyId/areas/:municipalityCode/estimates.csv', READ, async (req, reply) => {
    const { surveyId, municipalityCode } = paramsOf(req)
    const data = await municipalityEstimates(deps, req.actor, surveyId, municipalityCode)
    if (!data.years.length) throw new NotFoundError()
    const t = req.t
    const share = (v: number | null) => (v === null ? '–' : decimalComma(v * 100, 1))
    const rows = data.questions.flatMap((q) =>
      data.years.flatMap((year) =>
        [
          { code: municipalityCode, name: data.municipality.name },
          { code: data.municipality.countyCode, name: data.municipality.countyName },
        ].flatMap((area) => {
          const view = data.views.get(cellKey(area.code, year, q.key))
          if (!view) return []
          const d = view.difference
          return SHOWN_GROUPS.map((g) => {
            const cell = view.groups.find((x) => x.group === g)
            const shown = cell && !cell.suppressed ? cell : null
            return [
              area.code,
              area.name,
              year,
              q.key,
              q.text,
              t(`surveys.groups.${g}`),
              shown ? share(shown.estimate.share) : '–',
              shown ? share(shown.estimate.ciLow) : '–',
              shown ? share(shown.estimate.ciHigh) : '–',
              shown?.showN ? shown.estimate.n : '–',
              g === 'alla' && d ? share(d.estimate) : '',
              g === 'alla' && d ? decimalComma(d.pValue, 4) : '',
            ]
          })
        }),
      ),
    )
    const header = [
      'area',
      'area_name',
      'year',
      'question',
      'question_text',
      'group',
      'share_pct',
      'ci_low_pct',
      'ci_high_pct',
      'n',
      'women_minus_men_pp',
      'p_value',
    ].map((h) => t(`surveys.csv.${h}`))
    return sendTable(reply, { sheet: data.survey.name.slice(0, 31), header, rows }, 'csv', `enkat-${municipalityCode}`)
  })
}
