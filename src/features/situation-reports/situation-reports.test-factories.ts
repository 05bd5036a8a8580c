import { eq, sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { planItems, plans } from '../plans/plans.tables.ts'
import { refreshAreaSums } from '../surveys/surveys.repo.ts'
import { surveyCellSums, surveyImports, surveyQuestions, surveys } from '../surveys/surveys.tables.ts'
import { situationReportProblems, situationReports } from './situation-reports.tables.ts'

/** A municipality's åtgärdsplan with two problems, the first with two causes and the second with one. */
export async function buildActionPlan(deps: Deps, organisationCode = 'kommun-0580') {
  const owner = await findOrganisationByCode(deps.db, organisationCode)
  if (!owner) throw new Error('buildActionPlan needs the reference data')
  const [plan] = await deps.db
    .insert(plans)
    .values({ kind: 'action_plan', organisationId: owner.id, title: `Åtgärdsplan 2025 – ${owner.name}`, periodStart: '2025-01-01', periodEnd: '2025-12-31' })
    .returning()
  const [p1, p2] = await deps.db
    .insert(planItems)
    .values([
      { planId: plan.id, kind: 'problem', position: 1, title: 'Otrygghet i Skäggetorp kvällstid', description: 'Kvinnor undviker centrum på kvällen.' },
      { planId: plan.id, kind: 'problem', position: 2, title: 'Narkotikaförsäljning vid skolorna' },
    ])
    .returning()
  const causes = await deps.db
    .insert(planItems)
    .values([
      { planId: plan.id, kind: 'cause', position: 1, parentId: p1.id, title: 'Dålig belysning längs gångstråken' },
      { planId: plan.id, kind: 'cause', position: 2, parentId: p1.id, title: 'Få vuxna ute kvällstid' },
      { planId: plan.id, kind: 'cause', position: 3, parentId: p2.id, title: 'Samlingsplatser utan insyn' },
    ])
    .returning()
  return { plan, problems: [p1, p2], causes, ownerId: owner.id }
}

/** A lägesbild of a municipality, a draft unless told otherwise (an adopted one is adopted by UPDATE, as the service does). */
export async function buildReport(
  deps: Deps,
  opts: {
    organisationCode?: string
    status?: 'draft' | 'adopted'
    visibility?: 'public' | 'partners' | 'organisation'
    periodStart?: string
    problemIds?: string[]
    figures?: (typeof situationReports.$inferInsert)['figures']
  } = {},
) {
  const owner = await findOrganisationByCode(deps.db, opts.organisationCode ?? 'kommun-0580')
  if (!owner?.municipalityCode) throw new Error('buildReport needs a municipality')
  const periodStart = opts.periodStart ?? `${2000 + Math.floor(Math.random() * 90)}-01-01`
  const [report] = await deps.db
    .insert(situationReports)
    .values({
      organisationId: owner.id,
      municipalityCode: owner.municipalityCode,
      title: `Lägesbild ${periodStart.slice(0, 4)}`,
      periodStart,
      periodEnd: `${periodStart.slice(0, 4)}-12-31`,
      visibility: opts.visibility ?? 'partners',
      mappingText: 'Anmälda brott har ökat i centrum.',
      figures: opts.figures ?? [],
      sources: [{ name: 'Brås statistik över anmälda brott', used: true, limitations: 'Visar bara anmälda brott.' }],
    })
    .returning()
  if (opts.problemIds?.length) {
    await deps.db
      .insert(situationReportProblems)
      .values(opts.problemIds.map((problemItemId, i) => ({ reportId: report.id, problemItemId, priority: i + 1, placeCauses: 'Mörka gångstråk.' })))
  }
  if (opts.status === 'adopted') {
    const [adopted] = await deps.db
      .update(situationReports)
      .set({
        status: 'adopted',
        adoptedBy: 'Kommunfullmäktige',
        adoptedOn: `${periodStart.slice(0, 4)}-11-20`,
        adoptedParagraph: '§ 187',
        nextReviewDue: sql`(${periodStart}::date + interval '2 years 11 months')::date`,
      })
      .where(eq(situationReports.id, report.id))
      .returning()
    return adopted
  }
  return report
}

/**
 * A survey of the municipality with one question and sums for 2021: women 20 %, men 34 % (the source
 * document's Medborgarenkät figures), and a question where the women are too few (suppressed).
 */
export async function buildSurvey(deps: Deps, organisationCode = 'kommun-0580') {
  const owner = await findOrganisationByCode(deps.db, organisationCode)
  if (!owner?.municipalityCode || !owner.countyCode) throw new Error('buildSurvey needs a municipality')
  const [survey] = await deps.db
    .insert(surveys)
    .values({
      name: 'Medborgarenkäten',
      kind: 'medborgarenkat',
      organisationId: owner.id,
      countyCode: owner.countyCode,
      attribution: 'Källa: Medborgarenkäten (test)',
    })
    .returning()
  const answers = [
    { code: '1', label: 'Mycket trygg' },
    { code: '2', label: 'Ganska trygg' },
    { code: '3', label: 'Inte särskilt trygg' },
  ]
  await deps.db.insert(surveyQuestions).values([
    { surveyId: survey.id, key: 'gator_torg', position: 1, text: 'Trygg på gator och torg', answers, reported: ['1', '2'] },
    { surveyId: survey.id, key: 'parker_kvall', position: 2, text: 'Trygg i parker kvällstid', answers, reported: ['1', '2'] },
  ])
  const [imp] = await deps.db
    .insert(surveyImports)
    .values({ surveyId: survey.id, fileName: 'test.csv', sha256: `${survey.id}`, respondents: 500, answers: 1000, years: [2021] })
    .returning()
  // Unit weights: Σw = n, Σwy = reported; Σw² = n, Σw²y = reported.
  const cell = (questionKey: string, sex: 'kvinna' | 'man', n: number, yes: number) => ({
    importId: imp.id,
    surveyId: survey.id,
    areaCode: owner.municipalityCode!,
    municipalityCode: owner.municipalityCode!,
    year: 2021,
    questionKey,
    sex,
    n,
    sumW: n,
    sumWy: yes,
    sumW2: n,
    sumW2y: yes,
  })
  await deps.db
    .insert(surveyCellSums)
    .values([
      cell('gator_torg', 'kvinna', 250, 50),
      cell('gator_torg', 'man', 250, 85),
      cell('parker_kvall', 'kvinna', 5, 1),
      cell('parker_kvall', 'man', 200, 44),
    ])
  // The municipality, county and country roll-up the estimates read, as an import writes it.
  await refreshAreaSums(deps.db, survey.id)
  return { survey, municipalityCode: owner.municipalityCode }
}
