import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { organisationsSeatedIn } from '../bodies/index.ts'
import { type CollaborationRow, collaborationScope, findCollaborationFor, listParties, viewerOf } from '../collaborations/index.ts'
import { type CollaborationSubject, assembleReport } from './report-data.ts'
import type { CommentView, Narrative, ReportModel, Snapshot } from './report-model.ts'
import { isSectionOf } from './sections.ts'
import { type ReportAccess, canComment, canManageYearlyReport, canReadYearlyReport, canWriteNarrative } from './yearly-reports.policy.ts'
import * as repo from './yearly-reports.repo.ts'
import type { AdoptInput, CommentInput, CreateInput, NarrativeInput, ReviewInput } from './yearly-reports.schemas.ts'
import type { YearlyReportKind, YearlyReportScope } from './yearly-reports.tables.ts'

export const todayInSweden = (now = new Date()) => formatIsoDate(now)

/** The report for this year, kind and span exists already. */
export class ReportExists extends DomainError {
  constructor() {
    super('report_exists', 'yearlyReports.errors.exists', 400, 'year')
  }
}

/** An adopted report is the archived version: nothing in it changes. */
export class ReportAdopted extends DomainError {
  constructor() {
    super('report_adopted', 'yearlyReports.errors.adopted', 409)
  }
}

export class ReportPdfUnavailable extends DomainError {
  constructor() {
    super('pdf_unavailable', 'yearlyReports.errors.pdfUnavailable', 503)
  }
}

/** The kinds that can be drafted. */
export const availableKinds = (): YearlyReportKind[] => ['follow_up', 'bra']

async function subjectOf(deps: Deps, actor: Actor | undefined, collaborationId: string): Promise<{ row: CollaborationRow; subject: CollaborationSubject }> {
  const row = await findCollaborationFor(deps.db, viewerOf(actor), collaborationId)
  if (!row?.countyCode) throw new NotFoundError()
  return {
    row,
    subject: {
      id: row.id,
      ownerId: row.organisationId,
      name: row.name,
      countyCode: row.countyCode.trim(),
      countyName: row.countyName ?? row.countyCode,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
    },
  }
}

async function accessOf(deps: Deps, r: Pick<repo.YearlyReport, 'status' | 'visibility' | 'collaborationId'>): Promise<ReportAccess> {
  const scope = await collaborationScope(deps.db, r.collaborationId)
  if (!scope) throw new NotFoundError()
  const parties = await listParties(deps.db, r.collaborationId)
  return {
    status: r.status,
    visibility: r.visibility,
    ownerId: scope.organisationId,
    partyIds: scope.partyIds,
    policePartyIds: parties.filter((p) => p.kind === 'police').map((p) => p.organisationId),
    preparationIds: await organisationsSeatedIn(deps, r.collaborationId, 'preparation', todayInSweden()),
  }
}

/** The reports of a collaboration the actor may read, and whether they may draft one. @throws NotFoundError */
export async function listPage(deps: Deps, actor: Actor | undefined, collaborationId: string) {
  const { row, subject } = await subjectOf(deps, actor, collaborationId)
  const reports = []
  for (const r of await repo.listReports(deps.db, collaborationId)) if (canReadYearlyReport(actor, await accessOf(deps, r))) reports.push(r)
  return { collaboration: subject, canCreate: canManageYearlyReport(actor, { ownerId: row.organisationId }), reports, kinds: availableKinds() }
}

/** Checks the actor may draft reports for the collaboration before any form is read. @throws NotFoundError, ForbiddenError */
export async function checkCreate(deps: Deps, actor: Actor | undefined, collaborationId: string) {
  const { row, subject } = await subjectOf(deps, actor, collaborationId)
  if (!canManageYearlyReport(actor, { ownerId: row.organisationId })) throw new ForbiddenError()
  return { row, subject }
}

export function reportTitle(
  kind: YearlyReportKind,
  scope: YearlyReportScope,
  year: number,
  c: Pick<CollaborationSubject, 'name' | 'periodStart' | 'periodEnd' | 'countyName'>,
  ownerName: string,
) {
  if (kind === 'bra') return `${ownerName}s rapport till Brå ${year}`
  if (scope === 'period') {
    // The evaluation over the period: final once the period's last year is reached, mid-term before.
    const which = year >= Number(c.periodEnd.slice(0, 4)) ? 'slututvärdering' : 'halvtidsutvärdering'
    return `${c.name}: ${which} ${c.periodStart.slice(0, 4)}–${year}`
  }
  return `${c.name}: uppföljning och utvärdering ${year}`
}

export async function createReport(deps: Deps, ctx: Ctx, collaborationId: string, input: CreateInput): Promise<repo.YearlyReport> {
  const { row, subject } = await checkCreate(deps, ctx.actor, collaborationId)
  return deps.db.transaction(async (tx) => {
    const report = await repo.insertReport(tx, {
      collaborationId,
      organisationId: row.organisationId,
      kind: input.kind,
      year: input.year,
      scope: input.scope,
      title: reportTitle(input.kind, input.scope, input.year, subject, row.ownerName),
      visibility: input.visibility,
    })
    if (!report) throw new ReportExists()
    await audit(tx, ctx, {
      action: 'yearly_report.created',
      entityType: 'yearly_report',
      entityId: report.id,
      organisationId: row.organisationId,
      after: report,
    })
    return report
  })
}

export interface ReportView {
  report: repo.YearlyReport
  collaboration: CollaborationSubject
  model: ReportModel
  narratives: Narrative[]
  comments: CommentView[]
  canManage: boolean
  canWrite: boolean
  canComment: boolean
}

const commentViews = (rows: repo.CommentRow[]): CommentView[] =>
  rows.map((c) => ({ ...c, createdAt: c.createdAt instanceof Date ? c.createdAt.toISOString() : String(c.createdAt) }))

/** A report as its reader sees it: the frozen snapshot once adopted, the live figures before. @throws NotFoundError */
export async function reportView(deps: Deps, actor: Actor | undefined, reportId: string): Promise<ReportView> {
  const report = await repo.findReport(deps.db, reportId)
  if (!report) throw new NotFoundError()
  const access = await accessOf(deps, report)
  if (!canReadYearlyReport(actor, access)) throw new NotFoundError()
  const { subject } = await subjectOf(deps, actor, report.collaborationId)
  const permissions = { canManage: canManageYearlyReport(actor, access), canWrite: canWriteNarrative(actor, access), canComment: canComment(actor, access) }
  if (report.status === 'adopted' && report.snapshot) {
    const snap = report.snapshot as Snapshot
    return { report, collaboration: subject, ...snap, ...permissions, canManage: false }
  }
  const model = await assembleReport(deps, actor, report, subject, todayInSweden())
  const narratives = (await repo.listSections(deps.db, reportId)).map((s) => ({ sectionKey: s.sectionKey, narrative: s.narrative, version: s.version }))
  return { report, collaboration: subject, model, narratives, comments: commentViews(await repo.listComments(deps.db, reportId)), ...permissions }
}

async function writable(deps: Deps, actor: Actor | undefined, reportId: string) {
  const report = await repo.findReport(deps.db, reportId)
  if (!report) throw new NotFoundError()
  const access = await accessOf(deps, report)
  if (!canReadYearlyReport(actor, access)) throw new NotFoundError()
  if (report.status === 'adopted') throw new ReportAdopted()
  return { report, access }
}

/** The narrative form's page: the section must be one of the report's. @throws NotFoundError, ForbiddenError, ReportAdopted */
export async function loadSection(deps: Deps, actor: Actor | undefined, reportId: string, sectionKey: string) {
  const { report, access } = await writable(deps, actor, reportId)
  if (!isSectionOf(report, sectionKey)) throw new NotFoundError()
  if (!canWriteNarrative(actor, access)) throw new ForbiddenError()
  return { report, section: await repo.findSection(deps.db, reportId, sectionKey) }
}

export async function saveNarrative(deps: Deps, ctx: Ctx, reportId: string, sectionKey: string, input: NarrativeInput) {
  const { report } = await loadSection(deps, ctx.actor, reportId, sectionKey)
  return deps.db.transaction(async (tx) => {
    const before = await repo.findSection(tx, reportId, sectionKey)
    if ((before?.version ?? 0) !== input.version) throw new StaleVersionError(before)
    const after = await repo.saveSection(tx, reportId, sectionKey, input.version, input.narrative, ctx.actor.userId)
    if (!after) throw new StaleVersionError(await repo.findSection(tx, reportId, sectionKey))
    await audit(tx, ctx, {
      action: 'yearly_report.narrative_saved',
      entityType: 'yearly_report',
      entityId: reportId,
      organisationId: report.organisationId,
      before: before ? { sectionKey, narrative: before.narrative } : undefined,
      after: { sectionKey, narrative: after.narrative },
    })
    return after
  })
}

/** Sends the draft to the beredningsgrupp for comments. @throws ForbiddenError, StaleVersionError */
export async function sendForComments(deps: Deps, ctx: Ctx, reportId: string, input: ReviewInput) {
  const { report, access } = await writable(deps, ctx.actor, reportId)
  if (!canManageYearlyReport(ctx.actor, access)) throw new ForbiddenError()
  if (report.status !== 'draft') return report
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateReport(tx, reportId, input.version, { status: 'review' })
    if (!after) throw new StaleVersionError(report)
    await audit(tx, ctx, { action: 'yearly_report.sent_for_comments', entityType: 'yearly_report', entityId: reportId, organisationId: report.organisationId })
    return after
  })
}

export async function checkComment(deps: Deps, actor: Actor | undefined, reportId: string) {
  const { report, access } = await writable(deps, actor, reportId)
  if (!canComment(actor, access)) throw new ForbiddenError()
  return report
}

export async function addComment(deps: Deps, ctx: Ctx, reportId: string, input: CommentInput) {
  const report = await checkComment(deps, ctx.actor, reportId)
  if (input.sectionKey && !isSectionOf(report, input.sectionKey)) throw new NotFoundError()
  // The comment is made for the commenter's organisation that sits in the beredningsgrupp (or the owner).
  const access = await accessOf(deps, report)
  const org =
    ctx.actor.roles.find((r) => access.preparationIds.includes(r.organisationId))?.organisationId ??
    ctx.actor.roles.find((r) => r.organisationId === access.ownerId)?.organisationId ??
    ctx.actor.organisationId
  return deps.db.transaction(async (tx) => {
    const c = await repo.insertComment(tx, {
      reportId,
      sectionKey: input.sectionKey ?? null,
      organisationId: org,
      authorId: ctx.actor.userId,
      body: input.body,
    })
    await audit(tx, ctx, {
      action: 'yearly_report.commented',
      entityType: 'yearly_report',
      entityId: reportId,
      organisationId: report.organisationId,
      after: c,
    })
    return c
  })
}

/** The adoption form's page. @throws NotFoundError, ForbiddenError, ReportAdopted */
export async function checkAdopt(deps: Deps, actor: Actor | undefined, reportId: string) {
  const { report, access } = await writable(deps, actor, reportId)
  if (!canManageYearlyReport(actor, access)) throw new ForbiddenError()
  return report
}

/**
 * The styrgrupp adopts the report (date, §): the figures, narratives and comments are frozen into
 * the snapshot in the same transaction, and the database refuses any later change.
 */
export async function adoptReport(deps: Deps, ctx: Ctx, reportId: string, input: AdoptInput) {
  const report = await checkAdopt(deps, ctx.actor, reportId)
  const view = await reportView(deps, ctx.actor, reportId)
  const snapshot: Snapshot = { model: view.model, narratives: view.narratives, comments: view.comments }
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateReport(tx, reportId, input.version, {
      status: 'adopted',
      adoptedBy: input.adoptedBy,
      adoptedOn: input.adoptedOn,
      adoptedParagraph: input.adoptedParagraph ?? null,
      visibility: input.visibility,
      snapshot,
    })
    if (!after) throw new StaleVersionError(report)
    await audit(tx, ctx, {
      action: 'yearly_report.adopted',
      entityType: 'yearly_report',
      entityId: reportId,
      organisationId: report.organisationId,
      after: { adoptedBy: after.adoptedBy, adoptedOn: after.adoptedOn, adoptedParagraph: after.adoptedParagraph, visibility: after.visibility },
    })
    return after
  })
}
