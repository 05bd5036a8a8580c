import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { digestJob } from './digest.job.ts'
import { digestRoutes } from './digest.routes.tsx'
import { dashboardRoutes } from './dashboard.routes.tsx'
import { countyFollowUpTodos } from './dashboard.todos.ts'
import { exportRoutes } from './export.routes.tsx'
import { followUpRoutes } from './follow-up.routes.tsx'
import { followUpTodos } from './follow-up.todos.ts'
import { importRoutes } from './import.routes.tsx'
import { plansApi } from './plans.api.ts'
import { plansRoutes, registerPlanPolicies } from './plans.routes.tsx'
import { publicPromiseApi } from './public.api.ts'
import { publicPromiseRoutes } from './public.routes.tsx'
import { summariesRoutes } from './summaries.routes.tsx'

export { canEditPlan, canReadPlan, canReportOn, type PlanAccess } from './plans.policy.ts'
export type { Plan, PlanItem } from './plans.repo.ts'
export { type LocalPlanFact, localPlanFacts } from './law-facts.read.ts'
export { type CountyPlanFact, type PlanFollowUpFact, countyPlanFacts, planFollowUpFacts } from './report-facts.read.ts'
export { type MeasureSummary, editableMeasures, readableMeasures, readablePlanItem } from './measures.read.ts'
/** Other features add content to the rows of a plan's pages without plans importing them (no cycle). */
export { type PlanItemExtras, addPlanItemExtras } from './item-extras.ts'
export { type WorkProcessPlanFact, workProcessPlanFacts } from './work-process-facts.read.ts'
// The public medborgarlöften and their published summaries, as the public pages and API read them (open data).
export { type PublicPromisePage, type Summary as PublishedSummary, getPublicPromise, listPublicMunicipalities } from './public.service.ts'
export { type OrganisationProblem, type ProblemCause, problemsByIds, problemsOfOrganisation } from './problems.read.ts'
/** The evaluation's timeline (issue 10 §6): a party's adopted plans and follow-up entries per year. */
export { type PartyPlanHistory, partyPlanHistory } from './timeline.read.ts'

const AUDIT_LABELS: Record<string, string> = {
  'plan.created': 'plans.audit.created',
  'plan.updated': 'plans.audit.updated',
  'plan.imported': 'plans.import.audited',
  'plan_item.created': 'plans.audit.itemCreated',
  'plan_item.updated': 'plans.audit.itemUpdated',
  'follow_up.entry_created': 'followUp.audit.entryCreated',
  'follow_up.entry_updated': 'followUp.audit.entryUpdated',
  'follow_up.summary_created': 'followUp.audit.summaryCreated',
  'follow_up.summary_updated': 'followUp.audit.summaryUpdated',
  'follow_up.summary_published': 'followUp.audit.summaryPublished',
  'follow_up.digest_sent': 'plans.digest.audit.sent',
  'follow_up.digest_opted_out': 'plans.digest.audit.optedOut',
  'follow_up.digest_opted_in': 'plans.digest.audit.optedIn',
}

/**
 * Plans and follow-up (issue 8): the county strategy and verksamhetsplan, each municipality's SÖ,
 * åtgärdsplan and medborgarlöfte with the police, and the period-by-period follow-up of their
 * activities, measures and promises. The county reads, the municipality decides (plans.policy.ts).
 */
export async function plans(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerPlanPolicies(deps)
  // Residents read the promises without signing in (issue 8 §12).
  deps.nav.add({ href: '/public/medborgarloften', labelKey: 'plans.public.nav', order: 6, visible: (a) => !a })
  deps.auditLabels.actions(AUDIT_LABELS)
  deps.auditLabels.entities({
    plan: 'plans.audit.entity',
    plan_item: 'plans.audit.itemEntity',
    follow_up_entry: 'followUp.audit.entity',
    follow_up_summary: 'followUp.audit.summaryEntity',
  })
  plansRoutes(app, deps)
  followUpRoutes(app, deps)
  summariesRoutes(app, deps)
  importRoutes(app, deps)
  exportRoutes(app, deps)
  publicPromiseRoutes(app, deps)
  publicPromiseApi(app, deps)
  plansApi(app, deps)
  dashboardRoutes(app, deps)
  deps.todos.add('follow-up', (actor) => followUpTodos(deps, actor))
  digestRoutes(app, deps)
  digestJob(deps, app.log)
  deps.todos.add('follow-up-county', (actor) => countyFollowUpTodos(deps, actor))
}
