import { buildSupportActivity } from '../features/support-activities/support-activities.test-factories.ts'
import type { Deps } from '../platform/deps.ts'
import { type Fixtures, freshMunicipalBody } from './role-matrix.fixtures.ts'
import type { Row } from './role-matrix.table.ts'

/**
 * The role matrix's rows for issue 10 (the law tracker, yearly reports and their PDF/A, Brå's five
 * steps, methods, support activities, the party timeline): the same columns and outcomes as
 * role-matrix.table.ts, which joins them into MATRIX.
 */
export const LAW_AND_FOLLOW_UP_ROWS: Record<string, Row> = {
  // law-tracker (issue 10 §1): the tracker of a county is read by everyone working in it (its statuses rest on
  // public decisions), hidden from other counties; its settings are the county coordinators' (and the admin's).
  'GET /law/counties/:countyCode': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'GET /law/municipalities/:municipalityCode': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'GET /law/counties/:countyCode/settings': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
  'POST /law/counties/:countyCode/settings': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
  // yearly-reports (issue 10 §4): a draft for the partners — read by the collaboration's parties, hidden from
  // others; drafted, sent for comments and adopted by the owning länsstyrelse's coordinators; the narrative
  // by them and Polisen (no police party in the fixtures); comments only while out for comments (403 now, for
  // everyone). Pages are for sessions and anonymous readers of an adopted public report: a token is not shown a draft.
  'GET /collaborations/:collaborationId/yearly-reports': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
  'POST /collaborations/:collaborationId/yearly-reports': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
  'GET /yearly-reports/:reportId': {
    cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'GET /yearly-reports/:reportId/export.docx': {
    cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'GET /yearly-reports/:reportId/export.pdf': {
    cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'GET /yearly-reports/:reportId/sections/:sectionKey': {
    cells: 'ok ok 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'POST /yearly-reports/:reportId/sections/:sectionKey': {
    cells: 'ok ok 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'POST /yearly-reports/:reportId/review': {
    cells: 'ok ok 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'POST /yearly-reports/:reportId/comments': {
    cells: '403 403 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'GET /yearly-reports/:reportId/adopt': {
    cells: 'ok ok 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'POST /yearly-reports/:reportId/adopt': {
    cells: 'ok ok 404 403 403 403 403 403 403 in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  // pdfa-export (issue 10 §4): an adopted report's archival copy as PDF/A, a background task. Asked for by
  // whoever may read the report, with a session (the task page is its creator's); the matrix's report is a
  // draft, so the readers get 409 (only an adopted report is archived) and no LibreOffice starts. The
  // download takes a finished PDF/A task of this report: the matrix's task is a survey import, so 404.
  'POST /yearly-reports/:reportId/pdfa': {
    cells: 'ok ok 404 ok ok ok ok ok ok in in in',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  'GET /yearly-reports/:reportId/pdfa/:taskId': {
    cells: '404 404 404 404 404 404 404 404 404 404 404 404',
    params: (_deps: Deps, fx: Fixtures) => ({ reportId: fx.yearlyReportId }),
  },
  // The same for the lägesbild (its pages are for sessions): the matrix's lägesbild is a draft too.
  'POST /situation-reports/:reportId/pdfa': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'GET /situation-reports/:reportId/pdfa/:taskId': { cells: '404 404 404 404 404 404 404 404 404 in in in' },
  // work-process (issue 10)
  // Brå's five steps per municipality–police-area pair: the county's parties read them; the
  // municipality's editors, the police area's and the county's coordinators record a point; another
  // county finds nothing (404). The matrix's pair is Linköping and LPO Linköping.
  'GET /organisations/:id/work-process': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'GET /work-process/:municipalityId/:policeAreaId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'GET /work-process/:municipalityId/:policeAreaId/checks/:checkKey': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
  'POST /work-process/:municipalityId/:policeAreaId/checks/:checkKey': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
  'GET /organisations/:id/structure/edit': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'POST /organisations/:id/structure/edit': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'GET /organisations/:id/structure/bodies/new': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'POST /organisations/:id/structure/bodies/new': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'GET /organisations/:id/structure/bodies/:bodyId/edit': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'POST /organisations/:id/structure/bodies/:bodyId/edit': { cells: 'ok 403 403 ok 403 403 403 403 403 in in in' },
  'POST /organisations/:id/structure/bodies/:bodyId/delete': {
    cells: 'ok 403 403 ok 403 403 403 403 403 in in in',
    params: async (deps, fx) => ({ bodyId: await freshMunicipalBody(deps, fx) }),
  },
  'GET /collaborations/:id': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
  'GET /collaborations/:id/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
  'POST /collaborations/:id/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
  'GET /collaborations/:id/parties': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
  // methods (issue 10): the fixture is a proposal of the own party, so it is hidden from the other party and the
  // anonymous visitor; every länsstyrelse's coordinators curate the (national) library. Linking a measure needs a
  // plan with measures to edit (only the own editor has one); naming a municipality as a user needs one to answer for.
  'GET /methods/:methodId': { cells: 'ok ok ok ok 404 ok 404 ok 404 404 404 404' },
  'GET /methods/:methodId/edit': { cells: 'ok ok ok ok 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/edit': { cells: 'ok ok ok ok 404 403 404 403 404 in in in' },
  'GET /methods/:methodId/curate': { cells: 'ok ok ok 403 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/curate': { cells: 'ok ok ok 403 404 403 404 403 404 in in in' },
  'GET /methods/:methodId/contacts': { cells: 'ok ok ok ok 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/contacts': { cells: 'ok ok ok ok 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/contacts/remove': { cells: 'ok ok ok ok 404 403 404 403 404 in in in' },
  'GET /methods/:methodId/measures': { cells: '403 403 403 ok 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/measures': { cells: '403 403 403 ok 404 403 404 403 404 in in in' },
  'POST /methods/:methodId/measures/remove': { cells: '403 403 403 ok 404 403 404 403 404 in in in' },
  // methods in plans (issue 10 §3): a measure's methods, seen and linked from its åtgärdsplan (the own party's,
  // shared with the county's parties). Reading follows the plan's read rule, linking the plan's edit rule.
  'GET /measures/:measureId/methods': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
  'POST /measures/:measureId/methods': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
  'POST /measures/:measureId/methods/remove': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
  // support-activities (issue 10): Länsstyrelsen's own record of its support to the municipalities.
  // Its coordinators (and the admin) write; the supported municipality's users read (on the list)
  // but do not write (403); everyone else, another county's coordinator included, does not see it (404).
  'GET /support-activities/:activityId/edit': {
    cells: 'ok ok 404 403 404 403 404 403 404 in in in',
    params: async (deps) => ({ activityId: (await buildSupportActivity(deps)).id }),
  },
  'POST /support-activities/:activityId/edit': {
    cells: 'ok ok 404 403 404 403 404 403 404 in in in',
    params: async (deps) => ({ activityId: (await buildSupportActivity(deps)).id }),
  },
  'POST /support-activities/:activityId/delete': {
    cells: 'ok ok 404 403 404 403 404 403 404 in in in',
    params: async (deps) => ({ activityId: (await buildSupportActivity(deps)).id }),
  },
  // party timeline (issue 10): whoever sees the collaboration sees its timeline; each source hides
  // what the actor may not see (signatures for partners, partners-only bodies, plans by their policy).
  'GET /collaborations/:collaborationId/timeline': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
}
