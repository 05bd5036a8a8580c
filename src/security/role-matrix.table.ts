import { mailOutbox } from '../features/mail/outbox.tables.ts'
import type { Deps } from '../platform/deps.ts'
import { LAW_AND_FOLLOW_UP_ROWS } from './role-matrix.table.law.ts'
import { COLUMNS, type Column, type Fixtures, freshAgendaItem, freshConvenor, freshDistribution, freshGrant, freshToken } from './role-matrix.fixtures.ts'

/**
 * B11: who may use every route that takes a record, on their own party's record and on another's.
 * ONE row per route with a parameter (method and path as registered); role-matrix.test.ts fails for
 * a route without a row, so a new route is decided here before it ships.
 *
 * Columns, in order (role-matrix.fixtures.ts says who they are):
 *   admin · coordinator of the owning county (Östergötland) · coordinator of another county (Stockholm)
 *   · editor own · editor other · reporter own · reporter other · reader own · reader other
 *   · API token with read scope · with write scope (both of the own party's editor) · anonymous
 *
 * Outcomes:
 *   ok   the route does what it is for: 2xx/3xx, or 400 (the form's own errors: the body is empty) or
 *        409 (a stale version, minutes under justering) — answers that come after the record check
 *   403  refused
 *   404  hidden: the record is not shown to the actor, so for them it does not exist
 *        The product hides (404) what it loads through a visibility-filtered query: users and audit
 *        events outside the actor's scope, and bodies with visibility `partners` together with what
 *        hangs under them (seats, meetings, their agenda, minutes and justering). What it loads through
 *        a collaboration the actor may see (a public one) it refuses with 403: the collaboration's
 *        people, declaration, signatures, joint events and compliance rules. Both are refusals.
 *   in   not signed in: 401 for the API and forms, a redirect to /login for pages. Pages and forms
 *        are for browser sessions: an API token there is no session, so it gets this too
 *
 * What the table says on purpose:
 * - The coordinator of another county sees a public collaboration and the municipal models (as anyone
 *   signed in does) but nothing inside the collaboration: its bodies and meetings are hidden (404),
 *   its people, declaration and compliance refused (403), its users and audit events hidden.
 * - Coordinators of the owning county manage the collaboration; a municipality's own model is its
 *   own editor's (and the admin's), not the county's.
 * - A party's editor changes only their own party's seats, people, signature and memo; reporters and
 *   readers read. Being a party of the collaboration is not a seat in every body: the other party
 *   has no seat in the body, so it records no attendance.
 * - The reader of the own party is the meeting's justerare: the only one who may confirm, and who
 *   may see the justering page — but not choose or record justerare (the convenor's work).
 * - API write routes get a valid JSON body (`json`): Fastify checks a body against the route's
 *   published schema before any handler, which tells nobody anything about a record; with a valid
 *   body only authorisation decides. Form routes get an empty form with the session's CSRF token:
 *   a refused actor must get the refusal, never the form's field errors (the record check comes
 *   before validation).
 */

export type Outcome = 'ok' | 'forbidden' | 'hidden' | 'login'

export interface Row {
  /** One outcome per column, in the order of COLUMNS, separated by spaces. */
  cells: string
  /** Parameters other than the default fixture for their name (a fresh record for each cell that deletes one). */
  params?: (deps: Deps, fx: Fixtures) => Promise<Record<string, string>> | Record<string, string>
  /** The JSON body of an API write: valid, so that only authorisation decides. */
  json?: (fx: Fixtures) => unknown
  /** The form of a route that answers a malformed form with 404 rather than field errors. */
  form?: (fx: Fixtures) => Record<string, string>
  /** Runs after every other row: its allowed cells change what other rows would see. */
  last?: true
}

const LONG: Record<string, Outcome> = { ok: 'ok', '403': 'forbidden', '404': 'hidden', in: 'login' }

export function parseRow(cells: string): Record<Column, Outcome> {
  const parts = cells.trim().split(/\s+/)
  if (parts.length !== COLUMNS.length) throw new Error(`a row has ${parts.length} cells, not ${COLUMNS.length}: ${cells}`)
  for (const p of parts) if (!LONG[p]) throw new Error(`unknown outcome ${p} in: ${cells}`)
  return Object.fromEntries(COLUMNS.map((c, i) => [c, LONG[parts[i]]])) as Record<Column, Outcome>
}

export const MATRIX: Record<string, Row> = withoutRepeats(
  {
    'GET /admin/users/:id': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /admin/users/:id/roles': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /admin/users/:id/roles/:grantId/delete': {
      cells: 'ok ok 404 403 403 403 403 403 403 in in in',
      params: async (deps, fx) => ({ grantId: await freshGrant(deps, fx) }),
    },
    'POST /admin/users/:id/status': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /organisations/:id/structure': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    // Plans (issue 8): the municipality and its police area write; the county's coordinators and the
    // collaboration's parties read (the matrix plan is for the parties); a coordinator of another county
    // does not see it; reporters of the own party write follow-up entries only.
    'GET /collaborations/:id/plans': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    'GET /organisations/:id/plans': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    'GET /plans/:planId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plans/:planId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /plans/:planId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /plans/:planId/items/new': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /plans/:planId/items/new': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /plans/:planId/summaries': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plans/:planId/summaries/:periodKey': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in', params: (_deps, fx) => ({ periodKey: fx.tertialKey }) },
    'POST /plans/:planId/summaries/:periodKey': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in', params: (_deps, fx) => ({ periodKey: fx.tertialKey }) },
    'POST /plans/:planId/summaries/:periodKey/publish': {
      cells: 'ok 403 404 ok 403 403 403 403 403 in in in',
      params: (_deps, fx) => ({ periodKey: fx.tertialKey }),
    },
    // A published, public medborgarlöfte is for everyone, signed in or not, with a token or without.
    'GET /public/medborgarloften/:planId': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok', params: (_deps, fx) => ({ planId: fx.publicPlanId }) },
    'GET /api/v1/public/citizen-promises/:planId': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok', params: (_deps, fx) => ({ planId: fx.publicPlanId }) },
    // Indicators' aggregate observations are public statistics (issue 9 §2). Importing into a national
    // indicator is for coordinators of any county (and the admin); a municipality's editor may not.
    'GET /indicators/:key': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok' },
    'GET /indicators/:key/observations.csv': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok' },
    'GET /api/v1/indicators/:key/observations': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok' },
    'GET /indicators/:key/import': { cells: 'ok ok ok 403 403 403 403 403 403 in in in' },
    'POST /indicators/:key/import': { cells: 'ok ok ok 403 403 403 403 403 403 in in in' },
    // Surveys (issue 9): the fixture survey is the owning länsstyrelse's, for the county's parties. Read
    // through public routes (aggregates only); the service hides it (404) from anyone outside the county.
    'GET /surveys/:surveyId': { cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404', params: (_deps, fx) => ({ surveyId: fx.surveyId }) },
    'GET /surveys/:surveyId/areas/:municipalityCode': { cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404', params: (_deps, fx) => ({ surveyId: fx.surveyId }) },
    'GET /surveys/:surveyId/areas/:municipalityCode/estimates.csv': {
      cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404',
      params: (_deps, fx) => ({ surveyId: fx.surveyId }),
    },
    // The import of a survey's file is for those who run it: the owning länsstyrelse's coordinators (and
    // the county's) and the admin; the county's parties read the survey but may not import (403).
    'GET /surveys/:surveyId/import': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /surveys/:surveyId/import': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /surveys/:surveyId/questions/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /surveys/:surveyId/questions/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /surveys/:surveyId/questions/:questionKey/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /surveys/:surveyId/questions/:questionKey/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    // surveys-ui (issue 9 §4): a survey's name and areas change for those who edit its questions.
    'GET /surveys/:surveyId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /surveys/:surveyId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    // A background task is its creator's (the own party's editor) and the admin's: hidden from everyone else.
    'GET /tasks/:taskId': { cells: 'ok 404 404 ok 404 404 404 404 404 in in in' },
    // Without its query the API answers 400 to everyone alike (the same for a survey that does not exist),
    // so nothing is learnt; with a valid query an outsider gets 404 (surveys.routes.test.ts).
    'GET /api/v1/surveys/:surveyId/estimates': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok', params: (_deps, fx) => ({ surveyId: fx.surveyId }) },
    // A municipality's underlag lists only the surveys the visitor may read: the page itself is for everyone.
    'GET /knowledge/municipalities/:municipalityCode': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok' },
    // Import (issue 8 §13): the plan's editors only, refused before the upload is read; the templates and
    // every export (§14) to whoever may read the list they come from.
    'GET /plans/:planId/import': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /plans/:planId/import': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /plans/:planId/import/template.xlsx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plans/:planId/import/template.csv': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plans/:planId/export.csv': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plans/:planId/export.xlsx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plan-items/:itemId/export.csv': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /plan-items/:itemId/export.xlsx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /organisations/:id/plans.csv': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    'GET /organisations/:id/plans.xlsx': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    // The matrix's plan item is a promise, not a problem: the trace answers 404 for every reader.
    'GET /plan-items/:itemId/trace': { cells: '404 404 404 404 404 404 404 404 404 in in in' },
    'GET /plan-items/:itemId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    // The plans API (read only): the same record checks as the pages, and tokens act as their user.
    'GET /api/v1/organisations/:organisationId/plans': { cells: 'ok ok ok ok ok ok ok ok ok ok ok in' },
    'GET /api/v1/plans/:planId': { cells: 'ok ok 404 ok ok ok ok ok ok ok ok in' },
    'GET /api/v1/plan-items/:itemId/follow-up': { cells: 'ok ok 404 ok ok ok ok ok ok ok ok in' },
    'GET /plan-items/:itemId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /plan-items/:itemId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /plan-items/:itemId/follow-up/:periodKey': { cells: 'ok 403 404 ok 403 ok 403 403 403 in in in' },
    'POST /plan-items/:itemId/follow-up/:periodKey': { cells: 'ok 403 404 ok 403 ok 403 403 403 in in in' },
    // The lägesbild (issue 9 §11): the municipality writes it (decision 008); Länsstyrelsen and the
    // county's parties read the one shared with the partners; another county's coordinator finds nothing.
    // "Starta ny version" of the matrix's draft answers 409 (only an adopted one gets a new version).
    'GET /organisations/:id/situation-reports': { cells: 'ok ok ok ok ok ok ok ok ok in in in' },
    'GET /situation-reports/:reportId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /situation-reports/:reportId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /situation-reports/:reportId/edit': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /situation-reports/:reportId/problems': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /situation-reports/:reportId/problems': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /situation-reports/:reportId/adopt': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /situation-reports/:reportId/adopt': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /situation-reports/:reportId/new-version': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'POST /situation-reports/:reportId/new-version': { cells: 'ok 403 404 ok 403 403 403 403 403 in in in' },
    'GET /situation-reports/:reportId/export.docx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /situation-reports/:reportId/export.pdf': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    // The county dashboard of follow-up (issue 8 §10): the collaboration's managers only.
    'GET /collaborations/:id/follow-up': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/parties': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/parties/:partyId/remove': { cells: 'ok ok 403 403 403 403 403 403 403 in in in', last: true },
    'GET /public/collaborations/:code': { cells: 'ok ok ok ok ok ok ok ok ok ok ok ok' },
    'GET /api/v1/collaborations/:id': { cells: 'ok ok ok ok ok ok ok ok ok ok ok in' },
    'GET /api/v1/collaborations/:id/bodies': { cells: 'ok ok ok ok ok ok ok ok ok ok ok in' },
    'POST /api/v1/collaborations/:id/bodies': {
      cells: 'ok ok 403 403 403 403 403 403 403 403 403 in',
      json: () => ({ kind: 'working_group', name: 'Arbetsgrupp (matris)', visibility: 'partners' }),
    },
    'PATCH /api/v1/bodies/:bodyId': { cells: 'ok ok 404 403 403 403 403 403 403 403 403 in', json: () => ({ name: 'Styrgrupp (matris)', version: 999 }) },
    'POST /api/v1/collaborations/:id/parties': { cells: 'ok ok 403 403 403 403 403 403 403 403 403 in', json: (fx) => ({ organisationId: fx.otherPartyId }) },
    'GET /collaborations/:id/bodies/new': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/bodies': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /bodies/:bodyId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /bodies/:bodyId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /bodies/:bodyId/convenors/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/convenors/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /bodies/:bodyId/convenors/:convenorId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/convenors/:convenorId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/convenors/:convenorId/delete': {
      cells: 'ok ok 404 403 403 403 403 403 403 in in in',
      params: async (deps, fx) => ({ convenorId: await freshConvenor(deps, fx) }),
    },
    'GET /bodies/:bodyId/seats': { cells: 'ok ok 404 ok ok ok ok ok ok 404 404 404' },
    'GET /bodies/:bodyId/seats/new': { cells: 'ok ok 404 ok ok 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/seats/new': { cells: 'ok ok 404 ok ok 403 403 403 403 in in in' },
    'GET /seats/:seatId/edit': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
    'POST /seats/:seatId/edit': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
    'POST /seats/:seatId/end': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
    'GET /collaborations/:id/people': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /collaborations/:id/people/new': { cells: 'ok ok 403 ok ok 403 403 403 403 in in in' },
    'POST /collaborations/:id/people/new': { cells: 'ok ok 403 ok ok 403 403 403 403 in in in' },
    'GET /collaborations/:id/people/:personId/edit': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/people/:personId/edit': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'GET /api/v1/bodies/:bodyId/seats': { cells: 'ok ok 404 ok ok ok ok ok ok ok ok in' },
    'POST /api/v1/bodies/:bodyId/seats': {
      cells: 'ok ok 404 ok 403 403 403 403 403 403 ok in',
      json: (fx) => ({ personId: fx.personId, organisationId: fx.ownPartyId, level: 'official', validFrom: '2022-01-01' }),
    },
    'POST /api/v1/seats/:seatId/end': { cells: 'ok ok 404 ok 403 403 403 403 403 403 ok in', json: () => ({ endedOn: '2026-01-01', version: 999 }) },
    'POST /api/v1/collaborations/:id/people': {
      cells: 'ok ok 403 ok 403 403 403 403 403 403 ok in',
      json: (fx) => ({ name: 'Ny person (matris)', organisationId: fx.ownPartyId }),
    },
    'GET /collaborations/:id/declaration': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /collaborations/:id/declaration/versions/new': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/declaration/versions': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /declaration-versions/:versionId/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /declaration-versions/:versionId': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /files/:fileId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /signatures/:signatureId': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'POST /signatures/:signatureId/steps': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'POST /signatures/:signatureId/attachments': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'GET /collaborations/:id/signatures': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /collaborations/:id/signatures.csv': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'POST /collaborations/:id/signatures/invitations': {
      cells: 'ok ok 403 403 403 403 403 403 403 in in in',
      form: (fx) => ({ organisationId: fx.otherPartyId }),
    },
    'GET /signatures/:signatureId/memo': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'POST /signatures/:signatureId/memo': { cells: 'ok ok 403 ok 403 403 403 403 403 in in in' },
    'GET /collaborations/:id/joint-events': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /collaborations/:id/joint-events/new': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /collaborations/:id/joint-events': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /joint-events/:eventId': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /joint-events/:eventId/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /joint-events/:eventId': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /joint-events/:eventId/parties/:organisationId': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /joint-events/:eventId/parties/:organisationId': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /api/v1/collaborations/:id/signatures': { cells: 'ok ok 403 ok ok ok ok ok ok ok ok in' },
    'GET /api/v1/signatures/:id': { cells: 'ok ok 403 ok ok ok ok ok ok ok ok in' },
    'POST /api/v1/signatures/:id/steps': {
      cells: 'ok ok 403 ok 403 403 403 403 403 403 ok in',
      json: () => ({ step: 'in_preparation', version: 999, responsibleOfficial: 'Anna Andersson' }),
    },
    'GET /collaborations/:id/compliance': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /api/v1/collaborations/:id/compliance': { cells: 'ok ok 403 ok ok ok ok ok ok ok ok in' },
    'GET /collaborations/:id/compliance/rules': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /compliance-rules/:ruleId/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'POST /compliance-rules/:ruleId/edit': { cells: 'ok ok 403 403 403 403 403 403 403 in in in' },
    'GET /bodies/:bodyId/meetings': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /bodies/:bodyId/meetings/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /bodies/:bodyId/meetings/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/invitations': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId/agenda/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/agenda/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/agenda/:itemId/move': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/agenda/:itemId/delete': {
      cells: 'ok ok 404 403 403 403 403 403 403 in in in',
      params: async (deps, fx) => ({ meetingId: fx.plannedMeetingId, itemId: await freshAgendaItem(deps, fx) }),
    },
    'GET /meetings/:meetingId/agenda/:itemId/file': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/attendance': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/attendance': { cells: 'ok ok 404 ok 403 403 403 403 403 in in in' },
    'GET /collaborations/:collaborationId/time': { cells: 'ok ok 403 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/minutes': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/minutes': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId/decisions/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/decisions/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId/decisions/:decisionId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/decisions/:decisionId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId/action-items/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/action-items/new': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /action-items/:itemId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /action-items/:itemId/edit': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'GET /meetings/:meetingId/distribution': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/distribution': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    'POST /meetings/:meetingId/distribution/:entryId/delete': {
      cells: 'ok ok 404 403 403 403 403 403 403 in in in',
      params: async (deps, fx) => ({ entryId: await freshDistribution(deps, fx) }),
    },
    'GET /meetings/:meetingId/justering': { cells: 'ok ok 404 403 403 403 403 ok 403 in in in' },
    'POST /meetings/:meetingId/justering': { cells: 'ok ok 404 403 403 403 403 403 403 in in in', last: true },
    'POST /meetings/:meetingId/justering/confirm': { cells: '403 403 404 403 403 403 403 ok 403 in in in', last: true },
    'POST /meetings/:meetingId/justering/record': { cells: 'ok ok 404 403 403 403 403 403 403 in in in', last: true },
    'POST /meetings/:meetingId/justering/withdraw': { cells: 'ok ok 404 403 403 403 403 403 403 in in in', last: true },
    'GET /meetings/:meetingId/protocol': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/protocol.docx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/protocol.pdf': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/kallelse.docx': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /bodies/:bodyId/calendar.ics': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /meetings/:meetingId/meeting.ics': { cells: 'ok ok 404 ok ok ok ok ok ok in in in' },
    'GET /calendar/:userId/:mac.ics': { cells: '404 404 404 404 404 404 404 404 404 404 404 404' },
    'GET /api/v1/bodies/:bodyId/meetings': { cells: 'ok ok 404 ok ok ok ok ok ok ok ok in' },
    'GET /api/v1/meetings/:meetingId': { cells: 'ok ok 404 ok ok ok ok ok ok ok ok in' },
    'POST /api/v1/bodies/:bodyId/meetings': {
      cells: 'ok ok 404 403 403 403 403 403 403 403 403 in',
      json: () => ({ title: 'Möte (matris)', kind: 'ordinary', date: '2027-01-15', startTime: '10:00', endTime: '12:00' }),
    },
    'PUT /api/v1/meetings/:meetingId/attendance': { cells: 'ok ok 404 ok 403 403 403 403 403 403 ok in', json: () => ({ entries: [] }) },
    'GET /admin/audit/:seq': { cells: 'ok ok 404 403 403 403 403 403 403 in in in' },
    // The outbox holds every unsent message of the installation (addresses, invitations): the system admin's alone.
    'GET /admin/outbox/:messageId': {
      cells: 'ok 403 403 403 403 403 403 403 403 in in in',
      params: async (deps) => {
        const [m] = await deps.db
          .insert(mailOutbox)
          .values({ toAddress: 'matris@example.se', subject: 'Matris', text: 'Ett meddelande som inte skickades.' })
          .returning({ id: mailOutbox.id })
        return { messageId: m.id }
      },
    },
    'POST /admin/api-tokens/:id/revoke': {
      cells: 'ok 403 403 403 403 403 403 403 403 in in in',
      params: async (deps, fx) => ({ id: await freshToken(deps, fx) }),
    },
  },
  LAW_AND_FOLLOW_UP_ROWS,
)

/** One table from its parts; a route in two parts would silently lose a row, so it is refused. */
function withoutRepeats(...parts: Record<string, Row>[]): Record<string, Row> {
  const all: Record<string, Row> = {}
  for (const part of parts)
    for (const [route, row] of Object.entries(part)) {
      if (route in all) throw new Error(`two rows for ${route}`)
      all[route] = row
    }
  return all
}
