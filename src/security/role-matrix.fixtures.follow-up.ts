import { periodOf } from '../features/plans/periods.ts'
import { planItems, plans } from '../features/plans/plans.tables.ts'
import { buildPlan } from '../features/plans/plans.test-factories.ts'
import { buildMethod } from '../features/methods/methods.test-factories.ts'
import { buildActionPlan, buildReport } from '../features/situation-reports/situation-reports.test-factories.ts'
import { buildSupportActivity } from '../features/support-activities/support-activities.test-factories.ts'
import { buildSurvey } from '../features/surveys/surveys.test-factories.ts'
import { yearlyReports } from '../features/yearly-reports/yearly-reports.tables.ts'
import type { Deps } from '../platform/deps.ts'
import { one, orgId } from './role-matrix.helpers.ts'
import { formatIsoDate } from '../platform/i18n/format.ts'

/**
 * The role matrix's records of the plans, the knowledge base and the law (issues 8–10), owned by the
 * own party (Linköping) or the owning länsstyrelse: part of buildMatrixFixtures.
 */
export async function buildFollowUpFixtures(deps: Deps, { collaborationId, own, owner }: { collaborationId: string; own: string; owner: string }) {
  const today = formatIsoDate(new Date())
  const lastMonth = periodOf('monthly', formatIsoDate(new Date(Date.now() - 32 * 86400000)))
  // Linköping's ML with its LPO for the parties, and a published public one (plans.test-factories.ts).
  const { plan, promise: planItem } = await buildPlan(deps)
  const { plan: publicPlan } = await buildPlan(deps, { visibility: 'public', status: 'published' })
  // Linköping's lägesbild, and an åtgärdsplan whose problems it can prioritise.
  await buildActionPlan(deps)
  const report = await buildReport(deps, { periodStart: '2025-01-01' })

  // methods (issue 10): a proposal of Linköping's, and an åtgärdsplan of Linköping's with one measure.
  const method = await buildMethod(deps, { name: 'Nattvandring (matris)', status: 'proposed', organisationCode: 'kommun-0580' })
  const measurePlan = await one(
    deps.db
      .insert(plans)
      .values({ kind: 'action_plan', organisationId: own, title: 'Åtgärdsplan (matris)', periodStart: '2025-01-01', periodEnd: '2025-12-31' })
      .returning(),
  )
  const measure = await one(
    deps.db.insert(planItems).values({ planId: measurePlan.id, kind: 'measure', position: 1, title: 'Nattvandring i centrum' }).returning(),
  )

  return {
    planId: plan.id,
    planItemId: planItem.id,
    periodKey: lastMonth.key,
    tertialKey: periodOf('tertial', today).key,
    publicPlanId: publicPlan.id,
    reportId: report.id,
    yearlyReportId: (
      await one(
        deps.db
          .insert(yearlyReports)
          .values({ collaborationId, organisationId: owner, kind: 'follow_up', year: 2025, title: 'Uppföljning 2025 (matris)', visibility: 'partners' })
          .returning(),
      )
    ).id,
    methodId: method.id,
    measureId: measure.id,
    policeAreaId: await orgId(deps, 'lpo-linkoping'),
    supportActivityId: (await buildSupportActivity(deps)).id,
    surveyId: (await buildSurvey(deps, { organisationId: owner, visibility: 'partners' })).id,
  }
}
