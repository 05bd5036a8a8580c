import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { Summary } from './follow-up.repo.ts'
import { periodName } from './period-name.ts'
import * as repo from './plans.repo.ts'
import { PublishInput, SummaryForm, rowCount, summaryInput, toSummaryInput } from './summaries.schemas.ts'
import { type SummaryFormContext, getSummaries, getSummaryForm, publishSummary, saveSummary } from './summaries.service.ts'
import { SummaryFormPage, summaryValues } from './views/summary-form-page.tsx'
import { SummaryListPage } from './views/summary-list-page.tsx'

const READ = { config: { policy: 'plans.read' } }

/** The page props every state of the form shares. */
async function pageOf(deps: Deps, ctx: SummaryFormContext) {
  const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
  return {
    plan: ctx.plan,
    ownerName: names.get(ctx.plan.organisationId) ?? '',
    period: ctx.period,
    items: ctx.items,
    draft: ctx.latest?.status === 'draft' ? ctx.latest : undefined,
    published: ctx.published,
  }
}

const conflictErrors = (req: FastifyRequest) => [{ field: '', message: req.t('plans.summaries.conflictError') }]

/** Tertial and half-year summaries of a plan (issue 8 §9): listed for readers, written and published by the plan's editors. */
export function summariesRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/plans/:planId/summaries', READ, async (req, reply) => {
    const ctx = await getSummaries(deps, req.actor, paramsOf(req).planId)
    const items = await repo.listItems(deps.db, ctx.plan.id)
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    return reply.page(
      <SummaryListPage
        plan={ctx.plan}
        ownerName={names.get(ctx.plan.organisationId) ?? ''}
        periods={ctx.periods}
        summaries={ctx.summaries}
        items={items}
        canEdit={ctx.canEdit}
      />,
    )
  })

  app.get('/plans/:planId/summaries/:periodKey', { config: { policy: 'plans.write' } }, async (req, reply) => {
    const { planId, periodKey } = paramsOf(req)
    const redraft = (req.query as Record<string, unknown>).redraft === '1'
    const ctx = await getSummaryForm(deps, req.actor, planId, periodKey, { redraft })
    return reply.page(<SummaryFormPage {...(await pageOf(deps, ctx))} values={summaryValues(ctx)} />)
  })

  app.post('/plans/:planId/summaries/:periodKey', { config: { policy: 'plans.write', form: SummaryForm } }, async (req, reply) => {
    const { planId, periodKey } = paramsOf(req)
    // The plan and the right to write it are checked before the form is read.
    const ctx = await getSummaryForm(deps, req.actor, planId, periodKey)
    const page = await pageOf(deps, ctx)
    const rows = rowCount(formValues(req.body))
    const form = parseForm(summaryInput(rows), req.body, req.t)
    if (!form.ok) return reply.page(<SummaryFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await saveSummary(deps, ctxOf(req), planId, periodKey, toSummaryInput(form.data, rows))
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: what is stored is shown beside what the user wrote, which stays in the form, now
        // aimed at what is stored (the draft's version, or the revision after a publication).
        const current = err.current as Summary | undefined
        const next: Record<string, string> =
          current?.status === 'draft'
            ? { revision: String(current.revision), version: String(current.version) }
            : { revision: String((current?.revision ?? 0) + 1) }
        const { version: _stale, ...typed } = formValues(req.body)
        const fresh = await getSummaryForm(deps, req.actor, planId, periodKey)
        return reply.page(
          <SummaryFormPage {...(await pageOf(deps, fresh))} conflict={current} values={{ ...typed, ...next }} errors={conflictErrors(req)} />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<SummaryFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    const name = periodName(ctx.period)
    reply.flash('success', 'plans.summaries.flashSaved', { period: req.t(name.key, name.params) })
    return reply.seeOther(`/plans/${planId}/summaries/${periodKey}`)
  })

  app.post('/plans/:planId/summaries/:periodKey/publish', { config: { policy: 'plans.write', form: PublishInput } }, async (req, reply) => {
    const { planId, periodKey } = paramsOf(req)
    const ctx = await getSummaryForm(deps, req.actor, planId, periodKey)
    const form = parseForm(PublishInput, req.body, req.t)
    try {
      if (!form.ok) throw new StaleVersionError(ctx.latest)
      await publishSummary(deps, ctxOf(req), planId, periodKey, form.data)
    } catch (err) {
      if (!(err instanceof StaleVersionError)) throw err
      // Published or changed by someone else since the page was shown: nothing is published unseen.
      const fresh = await getSummaryForm(deps, req.actor, planId, periodKey)
      return reply.page(<SummaryFormPage {...(await pageOf(deps, fresh))} values={summaryValues(fresh)} errors={conflictErrors(req)} />, 409)
    }
    const name = periodName(ctx.period)
    reply.flash('success', 'plans.summaries.flashPublished', { period: req.t(name.key, name.params) })
    return reply.seeOther(`/plans/${planId}/summaries`)
  })
}
