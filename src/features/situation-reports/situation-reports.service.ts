import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError, uniqueViolation } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type Organisation, findOrganisation } from '../organisations/index.ts'
import { type OrganisationProblem, problemsByIds, problemsOfOrganisation } from '../plans/index.ts'
import { NotAProblemOfTheMunicipality, PeriodTaken, ReportAdopted, ReportNotAdopted } from './situation-reports.errors.ts'
import { type ReportAccess, canEditReport, canReadReport } from './situation-reports.policy.ts'
import * as repo from './situation-reports.repo.ts'
import type { AdoptInput, CreateReportInput, ProblemAnalysisInput, SectionsInput } from './situation-reports.schemas.ts'
import { nextReviewDue } from './review.ts'
import { freezeFigures } from './frozen-figures.ts'

export const todayInSweden = (now = new Date()) => formatIsoDate(now)

const accessOf = (r: repo.SituationReport, organisation: Organisation): ReportAccess => ({
  organisationId: r.organisationId,
  countyCode: organisation.countyCode,
  visibility: r.visibility,
})

/** Where the actor works (their organisations' counties, and the länsstyrelser they coordinate for). */
export async function whereActorWorks(deps: Deps, actor: Actor | undefined) {
  if (!actor) return { counties: [], coordinatorOf: [] }
  const orgs = [...new Set(actor.roles.map((r) => r.organisationId))]
  const coordinating = [...new Set(actor.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId))]
  return repo.actorCounties(deps.db, orgs, coordinating)
}

export interface ReportContext {
  report: repo.SituationReport
  organisation: Organisation
  canEdit: boolean
}

/** A lägesbild the actor may read; one they may not is a 404, like one that does not exist. @throws NotFoundError */
export async function loadReport(deps: Deps, actor: Actor | undefined, reportId: string): Promise<ReportContext> {
  const report = await repo.findReport(deps.db, reportId)
  if (!report) throw new NotFoundError()
  const organisation = await findOrganisation(deps.db, report.organisationId)
  if (!organisation) throw new NotFoundError()
  if (!canReadReport(actor, accessOf(report, organisation), await whereActorWorks(deps, actor))) throw new NotFoundError()
  return { report, organisation, canEdit: canEditReport(actor, report) }
}

/** A lägesbild the actor may write (403 if they only read it). @throws NotFoundError, ForbiddenError */
export async function loadEditableReport(deps: Deps, actor: Actor | undefined, reportId: string): Promise<ReportContext> {
  const ctx = await loadReport(deps, actor, reportId)
  if (!ctx.canEdit) throw new ForbiddenError()
  return ctx
}

/** As loadEditableReport, and still a draft: an adopted lägesbild is said to be final before anything is read. @throws ReportAdopted */
export async function loadDraft(deps: Deps, actor: Actor | undefined, reportId: string): Promise<ReportContext> {
  const ctx = await loadEditableReport(deps, actor, reportId)
  if (ctx.report.status === 'adopted') throw new ReportAdopted()
  return ctx
}

/** A municipality's lägesbilder the actor may read, and whether they may start one. @throws NotFoundError */
export async function listReports(deps: Deps, actor: Actor | undefined, organisationId: string) {
  const organisation = await findOrganisation(deps.db, organisationId)
  if (organisation?.kind !== 'municipality') throw new NotFoundError()
  const where = await whereActorWorks(deps, actor)
  const reports = (await repo.listReports(deps.db, organisationId)).filter((r) => canReadReport(actor, accessOf(r, organisation), where))
  return { organisation, reports, canCreate: canEditReport(actor, { organisationId }) }
}

/** Who may start a lägesbild for a municipality, checked before the form is read. @throws NotFoundError, ForbiddenError */
export async function checkCreate(deps: Deps, actor: Actor | undefined, organisationId: string): Promise<Organisation> {
  const organisation = await findOrganisation(deps.db, organisationId)
  if (organisation?.kind !== 'municipality' || !organisation.municipalityCode) throw new NotFoundError()
  if (!canEditReport(actor, { organisationId })) throw new ForbiddenError()
  return organisation
}

/** @throws NotFoundError, ForbiddenError, PeriodTaken */
export async function createReport(deps: Deps, ctx: Ctx, input: CreateReportInput): Promise<repo.SituationReport> {
  const organisation = await checkCreate(deps, ctx.actor, input.organisationId)
  try {
    return await deps.db.transaction(async (tx) => {
      if ((await repo.maxRevision(tx, organisation.id, input.periodStart)) > 0) throw new PeriodTaken()
      const report = await repo.insertReport(tx, {
        organisationId: organisation.id,
        municipalityCode: organisation.municipalityCode!,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        visibility: input.visibility,
        reviewIntervalMonths: input.reviewIntervalMonths,
      })
      await audit(tx, ctx, {
        action: 'situation_report.created',
        entityType: 'situation_report',
        entityId: report.id,
        organisationId: organisation.id,
        after: report,
      })
      return report
    })
  } catch (err) {
    if (uniqueViolation(err, 'situation_reports_revision_key')) throw new PeriodTaken()
    throw err
  }
}

/** The sections, figures and sources of a draft. @throws NotFoundError, ForbiddenError, ReportAdopted, PeriodTaken, StaleVersionError */
export async function updateSections(deps: Deps, ctx: Ctx, reportId: string, input: SectionsInput): Promise<repo.SituationReport> {
  const { report: before } = await loadDraft(deps, ctx.actor, reportId)
  try {
    return await deps.db.transaction(async (tx) => {
      const { version, ...values } = input
      const after = await repo.updateReport(tx, reportId, version, values)
      if (!after) throw new StaleVersionError(await repo.findReport(tx, reportId))
      await audit(tx, ctx, {
        action: 'situation_report.updated',
        entityType: 'situation_report',
        entityId: reportId,
        organisationId: before.organisationId,
        before,
        after,
      })
      return after
    })
  } catch (err) {
    if (uniqueViolation(err, 'situation_reports_revision_key')) throw new PeriodTaken()
    throw err
  }
}

/** The municipality's problems to choose from, and the report's chosen ones with their analysis. */
export async function problemsPage(deps: Deps, actor: Actor | undefined, reportId: string) {
  const ctx = await loadDraft(deps, actor, reportId)
  const chosen = await repo.listProblems(deps.db, reportId)
  const candidates = await problemsOfOrganisation(deps, ctx.report.organisationId)
  // A chosen problem whose plan has since moved stays on the page, so nothing chosen disappears unseen.
  const missing = chosen.filter((c) => !candidates.some((p) => p.id === c.problemItemId)).map((c) => c.problemItemId)
  const all = [...candidates, ...(await problemsByIds(deps, missing))]
  const rank = (p: OrganisationProblem) => chosen.find((c) => c.problemItemId === p.id)?.priority ?? 1000
  const problems = all
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p)
  return { ...ctx, problems, chosen }
}

/**
 * The prioritised problems and their orsaksanalys become exactly these, numbered in order. Each must
 * be a problem of the municipality's own plans. The report's version guards it like the sections.
 * @throws NotFoundError, ForbiddenError, ReportAdopted, NotAProblemOfTheMunicipality, StaleVersionError
 */
export async function saveProblems(deps: Deps, ctx: Ctx, reportId: string, input: { version: number; problems: ProblemAnalysisInput[] }) {
  const { report } = await loadDraft(deps, ctx.actor, reportId)
  const own = new Set((await problemsOfOrganisation(deps, report.organisationId)).map((p) => p.id))
  const kept = new Set((await repo.listProblems(deps.db, reportId)).map((p) => p.problemItemId))
  if (input.problems.some((p) => !own.has(p.problemItemId) && !kept.has(p.problemItemId))) throw new NotAProblemOfTheMunicipality()
  if (new Set(input.problems.map((p) => p.problemItemId)).size !== input.problems.length) throw new NotAProblemOfTheMunicipality()
  return deps.db.transaction(async (tx) => {
    const before = await repo.listProblems(tx, reportId)
    const after = await repo.updateReport(tx, reportId, input.version, {})
    if (!after) throw new StaleVersionError(await repo.findReport(tx, reportId))
    const rows = input.problems.map((p, i) => ({ ...p, priority: i + 1 }))
    await repo.replaceProblems(tx, reportId, rows)
    await audit(tx, ctx, {
      action: 'situation_report.problems_updated',
      entityType: 'situation_report',
      entityId: reportId,
      organisationId: report.organisationId,
      before: before.map(({ id: _id, reportId: _r, ...p }) => p),
      after: rows,
    })
    return after
  })
}

/**
 * Adoption (Lag 2023:196 4 §: the municipality's lägesbild): the body, the date and the §; the next
 * review follows from the interval, and the kartläggning's figures are frozen with it (frozen-figures.ts).
 * From then on the row is final (the database refuses any change).
 * @throws NotFoundError, ForbiddenError, ReportAdopted, StaleVersionError
 */
export async function adoptReport(deps: Deps, ctx: Ctx, reportId: string, input: AdoptInput): Promise<repo.SituationReport> {
  const { report: before, organisation } = await loadDraft(deps, ctx.actor, reportId)
  return deps.db.transaction(async (tx) => {
    // The figures as the adopting user sees them, read in the adoption's own transaction; the version
    // check below makes sure they belong to the figures chosen in the row that is adopted.
    const adoptedFigures = await freezeFigures({ ...deps, db: tx }, ctx.actor, before.figures, {
      municipalityCode: before.municipalityCode,
      countyCode: organisation.countyCode,
    })
    const after = await repo.updateReport(tx, reportId, input.version, {
      adoptedFigures,
      status: 'adopted',
      adoptedBy: input.adoptedBy,
      adoptedOn: input.adoptedOn,
      adoptedParagraph: input.adoptedParagraph,
      nextReviewDue: nextReviewDue(input.adoptedOn, before.reviewIntervalMonths),
    })
    if (!after) throw new StaleVersionError(await repo.findReport(tx, reportId))
    await audit(tx, ctx, {
      action: 'situation_report.adopted',
      entityType: 'situation_report',
      entityId: reportId,
      organisationId: before.organisationId,
      before,
      after,
    })
    return after
  })
}

/**
 * "Starta ny version": a new draft revision of the same period, a copy of the adopted one (sections,
 * figures, sources, prioritised problems with their analysis) pointing back at it. A draft already
 * started from it is returned instead of a second one. The copy is a draft, so its figures are today's
 * again (the frozen ones stay with the adopted version).
 * @throws NotFoundError, ForbiddenError, ReportNotAdopted
 */
export async function startNewVersion(deps: Deps, ctx: Ctx, reportId: string): Promise<{ report: repo.SituationReport; created: boolean }> {
  const { report: from } = await loadEditableReport(deps, ctx.actor, reportId)
  if (from.status !== 'adopted') throw new ReportNotAdopted()
  return deps.db.transaction(async (tx) => {
    const existing = await repo.findDraftAfter(tx, from.id)
    if (existing) return { report: existing, created: false }
    const revision = (await repo.maxRevision(tx, from.organisationId, from.periodStart)) + 1
    const report = await repo.insertReport(tx, {
      organisationId: from.organisationId,
      municipalityCode: from.municipalityCode,
      title: from.title,
      periodStart: from.periodStart,
      periodEnd: from.periodEnd,
      revision,
      previousId: from.id,
      figures: from.figures,
      mappingText: from.mappingText,
      otherInformation: from.otherInformation,
      analysis: from.analysis,
      sources: from.sources,
      reviewIntervalMonths: from.reviewIntervalMonths,
      visibility: from.visibility,
    })
    const problems = await repo.listProblems(tx, from.id)
    await repo.replaceProblems(
      tx,
      report.id,
      problems.map(({ id: _id, reportId: _r, ...p }) => p),
    )
    await audit(tx, ctx, {
      action: 'situation_report.version_started',
      entityType: 'situation_report',
      entityId: report.id,
      organisationId: from.organisationId,
      after: { ...report, previousId: from.id, problems: problems.length },
    })
    return { report, created: true }
  })
}

/** Everything the document shows: the report, its municipality, the prioritised problems with the plan's causes. */
export async function reportDocument(deps: Deps, actor: Actor | undefined, reportId: string) {
  const ctx = await loadReport(deps, actor, reportId)
  const chosen = await repo.listProblems(deps.db, reportId)
  const details = new Map(
    (
      await problemsByIds(
        deps,
        chosen.map((c) => c.problemItemId),
      )
    ).map((p) => [p.id, p]),
  )
  const problems = chosen.map((c) => ({ analysis: c, problem: details.get(c.problemItemId) }))
  const previous = ctx.report.previousId ? await repo.findReport(deps.db, ctx.report.previousId) : undefined
  return { ...ctx, problems, previous }
}
export type ReportDocument = Awaited<ReturnType<typeof reportDocument>>
