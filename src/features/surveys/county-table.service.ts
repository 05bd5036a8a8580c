import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import * as repo from './surveys.repo.ts'
import { cellKey, cellViews, listReadableSurveys } from './surveys.service.ts'

/** A shown group of a cell: the share and its interval, or nothing at all when suppressed. */
export type GenderGroup =
  | { group: 'kvinna' | 'man' | 'alla'; suppressed: true }
  | { group: 'kvinna' | 'man' | 'alla'; suppressed: false; share: number; ciLow: number | null; ciHigh: number | null }

/** A survey's questions by gender for a county and each of its municipalities in one year, suppression applied. */
export interface CountyGenderTable {
  survey: { id: string; name: string; attribution: string; threshold: number }
  year: number
  questions: { key: string; text: string; reportedLabel: string }[]
  /** The county first, then its municipalities with data, in Swedish order. */
  areas: { code: string; name: string }[]
  /** Keyed `area|question`; an area without answers to a question has no entry. */
  cells: Record<string, GenderGroup[]>
}

/**
 * The gender analysis of every survey of a county the actor may read, for its latest year up to
 * `maxYear` (a survey is not run every year; the table says which year it is) (issue 10 §4):
 * the same roll-up and the same small-cell suppression as the survey pages, so the yearly report can
 * never show a number the survey page hides.
 */
export async function countyGenderTables(
  deps: Deps,
  actor: Actor | undefined,
  countyCode: string,
  countyName: string,
  maxYear: number,
): Promise<CountyGenderTable[]> {
  const surveys = (await listReadableSurveys(deps, actor)).filter((s) => s.countyCode.trim() === countyCode)
  const out: CountyGenderTable[] = []
  for (const survey of surveys) {
    const year = await repo.latestCountyYear(deps.db, survey.id, countyCode, maxYear)
    if (year === undefined) continue
    const rows = await repo.sumsForCountyYear(deps.db, survey.id, countyCode, year)
    if (rows.length === 0) continue
    const questions = (await repo.listQuestions(deps.db, survey.id)).filter((q) => rows.some((r) => r.questionKey === q.key))
    const views = cellViews(rows, survey.suppressionThreshold)
    const codes = [...new Set(rows.map((r) => r.area).filter((a) => a !== countyCode))]
    const names = await Promise.all(codes.map(async (c) => ({ code: c, name: (await repo.municipalityName(deps.db, c))?.name ?? c })))
    const cells: Record<string, GenderGroup[]> = {}
    for (const area of [countyCode, ...codes]) {
      for (const q of questions) {
        const view = views.get(cellKey(area, year, q.key))
        if (!view) continue
        cells[`${area}|${q.key}`] = view.groups.map((g) =>
          g.suppressed
            ? { group: g.group, suppressed: true }
            : { group: g.group, suppressed: false, share: g.estimate.share, ciLow: g.estimate.ciLow, ciHigh: g.estimate.ciHigh },
        )
      }
    }
    out.push({
      survey: { id: survey.id, name: survey.name, attribution: survey.attribution, threshold: survey.suppressionThreshold },
      year,
      questions: questions.map((q) => ({ key: q.key, text: q.text, reportedLabel: q.reportedLabel })),
      areas: [{ code: countyCode, name: countyName }, ...names.sort((a, b) => compareSv(a.name, b.name))],
      cells,
    })
  }
  return out
}
