import type { Deps } from '../../platform/deps.ts'
import { refreshAreaSums } from './surveys.repo.ts'
import { surveyCellSums, surveyImports, surveyQuestions, surveys } from './surveys.tables.ts'

/**
 * A small survey with one question and answers for one municipality and year (enough women and men to
 * show): for route and matrix tests that need a survey to exist. The sums are written as an import would.
 */
export async function buildSurvey(
  deps: Deps,
  o: { organisationId: string; countyCode?: string; visibility?: 'public' | 'partners' | 'organisation'; municipalityCode?: string; year?: number },
): Promise<{ id: string; questionKey: string; municipalityCode: string; year: number }> {
  const municipalityCode = o.municipalityCode ?? '0580'
  const year = o.year ?? 2024
  const [s] = await deps.db
    .insert(surveys)
    .values({
      name: `Testenkät ${Math.random().toString(36).slice(2, 8)}`,
      organisationId: o.organisationId,
      countyCode: o.countyCode ?? '05',
      attribution: 'Källa: testenkät',
      visibility: o.visibility ?? 'partners',
    })
    .returning({ id: surveys.id })
  const id = s!.id
  await deps.db.insert(surveyQuestions).values({
    surveyId: id,
    key: 'trygg_kvall',
    position: 1,
    text: 'Hur trygg känner du dig ute sent en kväll?',
    answers: [
      { code: '1', label: 'Mycket trygg' },
      { code: '2', label: 'Ganska trygg' },
      { code: '3', label: 'Ganska otrygg' },
      { code: '4', label: 'Mycket otrygg' },
    ],
    reported: ['1', '2'],
  })
  const [imp] = await deps.db
    .insert(surveyImports)
    .values({ surveyId: id, fileName: 'test.csv', sha256: id.replaceAll('-', ''), respondents: 60, answers: 60, years: [year] })
    .returning({ id: surveyImports.id })
  const cell = (sex: 'kvinna' | 'man', n: number, yes: number) => ({
    importId: imp!.id,
    surveyId: id,
    areaCode: municipalityCode,
    municipalityCode,
    year,
    questionKey: 'trygg_kvall',
    sex,
    ageGroup: '',
    n,
    sumW: n,
    sumWy: yes,
    sumW2: n,
    sumW2y: yes,
  })
  await deps.db.insert(surveyCellSums).values([cell('kvinna', 30, 9), cell('man', 30, 15)])
  await refreshAreaSums(deps.db, id)
  return { id, questionKey: 'trygg_kvall', municipalityCode, year }
}
