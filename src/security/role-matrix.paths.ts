import type { Fixtures } from './role-matrix.fixtures.ts'

/** The route's path with each parameter taken from `params` or, by its name, from the fixtures. */
export function pathFor(fx: Fixtures, url: string, params: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name] ?? byName(fx, url, name)
    if (v === undefined) throw new Error(`${url}: no fixture for :${name}`)
    return v
  })
}

function byName(fx: Fixtures, url: string, name: string): string | undefined {
  const before = url.slice(0, url.indexOf(`:${name}`))
  if (name === 'id') {
    if (before.endsWith('/users/')) return fx.targetUserId
    if (before.endsWith('/organisations/')) return fx.ownPartyId
    if (before.endsWith('/collaborations/')) return fx.collaborationId
    if (before.endsWith('/signatures/')) return fx.signatureId
    if (before.endsWith('/api-tokens/')) return fx.tokenId
    return undefined
  }
  if (name === 'itemId' && (before.startsWith('/plan-items/') || before.startsWith('/api/v1/plan-items/'))) return fx.planItemId
  if (name === 'itemId') return before.includes('/agenda/') ? fx.agendaItemId : fx.actionItemId
  if (name === 'bodyId' && before.startsWith('/organisations/')) return fx.municipalBodyId
  const map: Record<string, string> = {
    grantId: fx.targetGrantId,
    bodyId: fx.bodyId,
    convenorId: fx.convenorId,
    partyId: fx.removablePartyRowId,
    seatId: fx.seatId,
    personId: fx.personId,
    versionId: fx.versionId,
    fileId: fx.fileId,
    signatureId: fx.signatureId,
    eventId: fx.jointEventId,
    organisationId: fx.ownPartyId,
    ruleId: fx.ruleId,
    planId: fx.planId,
    reportId: fx.reportId,
    activityId: fx.supportActivityId,
    periodKey: fx.periodKey,
    meetingId: fx.meetingId,
    decisionId: fx.decisionId,
    entryId: fx.distributionId,
    collaborationId: fx.collaborationId,
    userId: fx.readerOwnUserId,
    seq: fx.auditSeq,
    code: fx.collaborationCode,
    mac: 'not-the-mac',
    // A national indicator of the reference seed (db/seed/indicators.ts).
    key: 'bra_anmalda_brott_totalt',
    surveyId: fx.surveyId,
    methodId: fx.methodId,
    // A measure of the own party's åtgärdsplan, seen from the plan: the methods it applies (issue 10 §3).
    measureId: fx.measureId,
    questionKey: 'trygg_kvall',
    taskId: fx.taskId,
    municipalityCode: '0580',
    countyCode: '05',
    sectionKey: 'law',
    // work-process (issue 10): Linköping and LPO Linköping, and a manual point.
    municipalityId: fx.ownPartyId,
    policeAreaId: fx.policeAreaId,
    checkKey: 'joint-decision',
  }
  return map[name]
}
