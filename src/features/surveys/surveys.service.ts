import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import type { CellSums } from './estimates.ts'
import { canEditSurvey, canReadSurvey, type SurveyAccess } from './surveys.policy.ts'
import * as repo from './surveys.repo.ts'
import type { SexGroup } from './surveys.tables.ts'
import { type CellView, suppressCell } from './suppression.ts'

export interface SurveyContext {
  survey: repo.Survey
  questions: repo.SurveyQuestion[]
  canEdit: boolean
}

const accessOf = (s: repo.Survey): SurveyAccess => ({ organisationId: s.organisationId, countyCode: s.countyCode, visibility: s.visibility })

export async function actorCounties(deps: Deps, actor: Actor | undefined): Promise<string[]> {
  return actor ? repo.countiesOfOrganisations(deps.db, [...new Set(actor.roles.map((r) => r.organisationId))]) : []
}

/** A survey the actor may read (404 otherwise, so a curious visitor learns nothing of one kept private). */
export async function loadSurvey(deps: Deps, actor: Actor | undefined, surveyId: string): Promise<SurveyContext> {
  const survey = await repo.findSurvey(deps.db, surveyId)
  if (!survey) throw new NotFoundError()
  const counties = await actorCounties(deps, actor)
  if (!canReadSurvey(actor, accessOf(survey), counties)) throw new NotFoundError()
  return { survey, questions: await repo.listQuestions(deps.db, surveyId), canEdit: canEditSurvey(actor, accessOf(survey), counties) }
}

/** The surveys the actor may read. */
export async function listReadableSurveys(deps: Deps, actor: Actor | undefined): Promise<repo.Survey[]> {
  const counties = await actorCounties(deps, actor)
  return (await repo.listSurveys(deps.db)).filter((s) => canReadSurvey(actor, accessOf(s), counties))
}

export const cellKey = (area: string, year: number, questionKey: string) => `${area}|${year}|${questionKey}`

/** Suppressed views of every area × year × question in the rows, keyed by `cellKey`. */
export function cellViews(rows: repo.SumsRow[], threshold: number): Map<string, CellView> {
  const bySex = new Map<string, Partial<Record<SexGroup, CellSums>>>()
  for (const r of rows) {
    const key = cellKey(r.area, r.year, r.questionKey)
    const cell = bySex.get(key) ?? {}
    cell[r.sex] = { n: r.n, sumW: r.sumW, sumWy: r.sumWy, sumW2: r.sumW2, sumW2y: r.sumW2y }
    bySex.set(key, cell)
  }
  return new Map([...bySex].map(([key, cell]) => [key, suppressCell(cell, threshold)]))
}

export interface AreaEstimates extends SurveyContext {
  municipality: { code: string; name: string; countyCode: string; countyName: string }
  years: number[]
  views: Map<string, CellView>
}

/** One municipality's estimates beside its county's, every year and question (or one question). */
export async function municipalityEstimates(
  deps: Deps,
  actor: Actor | undefined,
  surveyId: string,
  municipalityCode: string,
  questionKey?: string,
): Promise<AreaEstimates> {
  const ctx = await loadSurvey(deps, actor, surveyId)
  const m = /^\d{4}$/.test(municipalityCode) ? await repo.municipalityName(deps.db, municipalityCode) : undefined
  if (!m) throw new NotFoundError()
  const rows = await repo.sumsForMunicipality(deps.db, surveyId, municipalityCode, questionKey)
  const years = [...new Set(rows.filter((r) => r.area === municipalityCode).map((r) => r.year))].sort((a, b) => a - b)
  return { ...ctx, municipality: { code: municipalityCode, ...m }, years, views: cellViews(rows, ctx.survey.suppressionThreshold) }
}

/** The estimates of one area (kommunkod or county code) × year × question, for the API. */
export async function areaCell(
  deps: Deps,
  actor: Actor | undefined,
  surveyId: string,
  area: string,
  year: number,
  questionKey: string,
): Promise<{ ctx: SurveyContext; view: CellView | null }> {
  const ctx = await loadSurvey(deps, actor, surveyId)
  if (!ctx.questions.some((q) => q.key === questionKey)) throw new NotFoundError()
  const rows = /^\d{2}$/.test(area)
    ? await repo.sumsForCountyTotal(deps.db, surveyId, area, questionKey)
    : /^\d{4}$/.test(area)
      ? (await repo.sumsForMunicipality(deps.db, surveyId, area, questionKey)).filter((r) => r.area === area)
      : []
  const view = cellViews(rows, ctx.survey.suppressionThreshold).get(cellKey(area, year, questionKey)) ?? null
  return { ctx, view }
}

export interface SurveyBasis {
  data: AreaEstimates
  year: number
}

/** Every readable survey with answers in a municipality, at its latest year (the "Lägesbild – underlag" page). */
export async function municipalityBasis(deps: Deps, actor: Actor | undefined, municipalityCode: string): Promise<SurveyBasis[]> {
  const readable = new Set((await listReadableSurveys(deps, actor)).map((s) => s.id))
  const ids = (await repo.surveysCovering(deps.db, municipalityCode)).filter((id) => readable.has(id))
  const out: SurveyBasis[] = []
  for (const id of ids) {
    const data = await municipalityEstimates(deps, actor, id, municipalityCode)
    const year = data.years[data.years.length - 1]
    if (year !== undefined) out.push({ data, year })
  }
  return out.sort((a, b) => a.data.survey.name.localeCompare(b.data.survey.name, 'sv'))
}

/** Municipalities with survey answers, per county, for the knowledge hub. */
export async function municipalitiesWithData(deps: Deps) {
  return repo.municipalitiesWithData(deps.db)
}

/** One area × year × question of a public survey, suppressed exactly as the public pages and API show it. */
export interface PublicEstimateCell {
  survey: repo.Survey
  area: { code: string; name: string }
  year: number
  question: repo.SurveyQuestion
  view: CellView
}

/**
 * Every cell of every survey an anonymous visitor may read (open data, issue 10 §7): for each
 * municipality with answers, the municipality's and its county's cells, through `municipalityEstimates`
 * — the function the public area page and its CSV use — so the suppression is the same to the cell.
 */
export async function publicEstimateCells(deps: Deps): Promise<PublicEstimateCell[]> {
  const out: PublicEstimateCell[] = []
  for (const survey of await listReadableSurveys(deps, undefined)) {
    const seen = new Set<string>()
    const covered = (await repo.coverage(deps.db, survey.id)).sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode))
    for (const { municipalityCode } of covered) {
      const data = await municipalityEstimates(deps, undefined, survey.id, municipalityCode)
      const areas = [
        { code: municipalityCode, name: data.municipality.name },
        { code: data.municipality.countyCode, name: data.municipality.countyName },
      ]
      for (const area of areas)
        for (const year of data.years)
          for (const question of data.questions) {
            const key = cellKey(area.code, year, question.key)
            const view = data.views.get(key)
            if (!view || seen.has(key)) continue
            seen.add(key)
            out.push({ survey, area, year, question, view })
          }
    }
  }
  return out
}
