import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { indicatorSeries, listIndicatorChoices } from '../indicators/index.ts'
import { cellKey, listReadableSurveys, loadSurvey, municipalityEstimates } from '../surveys/index.ts'
import type { FigureSources, SurveyFigureInput } from './figures.ts'

/**
 * The figures' numbers from the features that own them, through their public surface: a survey
 * question's estimates by gender (surveys), an indicator's series (indicators, when it exports
 * `indicatorSeries`). What the actor may not read is left out, as if it were not there.
 */
export function platformFigureSources(deps: Deps, actor: Actor | undefined): FigureSources {
  return {
    // Public statistics: the municipality beside its county and the country; per 100 000 inv. where the
    // indicator has it; the whole population only (a split by kön is shown on the indicator's page).
    async indicator(indicatorKey, { municipalityCode, countyCode }) {
      const series = await indicatorSeries(deps, indicatorKey, [municipalityCode, ...(countyCode ? [countyCode] : []), '00'])
      if (!series) return undefined
      const perCapita = series.indicator.hasPerCapita
      const rows = series.observations.filter((o) => o.breakdown === '')
      const values = rows.map((o) => ({ area: o.areaCode, period: o.period, value: perCapita ? o.per100000 : o.value, suppressed: o.suppressed }))
      // An area with nothing to show (the country has no population table for a rate) is left out.
      const areas = series.areas.filter((a, i) => i === 0 || values.some((v) => v.area === a.code && (v.value !== null || v.suppressed)))
      return {
        name: perCapita ? `${series.indicator.name} (per 100 000 invånare)` : series.indicator.name,
        unit: perCapita ? 'per_100000' : series.indicator.unit,
        attribution: series.indicator.attribution,
        definition: series.indicator.definition,
        areas,
        periods: [...new Set(rows.map((o) => o.period))].sort(),
        values: values.filter((v) => areas.some((a) => a.code === v.area)),
      }
    },
    async survey(surveyId, municipalityCode, questionKey) {
      try {
        const est = await municipalityEstimates(deps, actor, surveyId, municipalityCode, questionKey)
        const q = est.questions.find((x) => x.key === questionKey)
        if (!q) return undefined
        const years: SurveyFigureInput['years'] = []
        for (const year of est.years) {
          const view = est.views.get(cellKey(municipalityCode, year, questionKey))
          if (!view) continue
          years.push({
            year,
            groups: view.groups.map((g) =>
              g.suppressed
                ? { group: g.group, suppressed: true }
                : { group: g.group, suppressed: false, share: g.estimate.share, ciLow: g.estimate.ciLow, ciHigh: g.estimate.ciHigh },
            ),
          })
        }
        return {
          surveyName: est.survey.name,
          questionText: q.text,
          reportedLabel: q.reportedLabel,
          attribution: est.survey.attribution,
          threshold: est.survey.suppressionThreshold,
          areaName: est.municipality.name,
          years,
        }
      } catch (err) {
        if (err instanceof NotFoundError) return undefined
        throw err
      }
    },
    async catalogue() {
      const out: { value: string; label: string }[] = (await listIndicatorChoices(deps)).map((i) => ({ value: `indicator:${i.key}`, label: i.name }))
      for (const s of await listReadableSurveys(deps, actor)) {
        const { questions } = await loadSurvey(deps, actor, s.id)
        for (const q of questions) out.push({ value: `survey:${s.id}:${q.key}`, label: `${s.name}: ${q.text}` })
      }
      return out
    },
  }
}

/**
 * Whether the actor may read the survey today. A frozen figure keeps the numbers of adoption, but who
 * may see a survey's numbers is still the survey's rule: a reader who may not is shown none of them.
 */
export async function surveyReadable(deps: Deps, actor: Actor | undefined, surveyId: string): Promise<boolean> {
  try {
    await loadSurvey(deps, actor, surveyId)
    return true
  } catch (err) {
    if (err instanceof NotFoundError) return false
    throw err
  }
}
