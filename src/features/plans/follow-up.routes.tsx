import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { Entry } from './follow-up.repo.ts'
import { EntryInput } from './follow-up.schemas.ts'
import { getEntryContext, getItemFollowUp, saveEntry } from './follow-up.service.ts'
import { itemPageExtras } from './item-extras.ts'
import { periodName } from './period-name.ts'
import * as repo from './plans.repo.ts'
import { traceProblem } from './trace.service.ts'
import { EntryFormPage, entryValues } from './views/entry-form-page.tsx'
import { ItemPage } from './views/item-page.tsx'
import { TracePage } from './views/trace-page.tsx'

/** An item's page with its follow-up history, and the form for one period's entry (issue 8 §8). */
export function followUpRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/plan-items/:itemId', { config: { policy: 'plans.read' } }, async (req, reply) => {
    const ctx = await getItemFollowUp(deps, req.actor, paramsOf(req).itemId)
    const links = await repo.listLinks(deps.db, [ctx.item.id])
    const linked = (await Promise.all(links.filter((l) => l.itemId === ctx.item.id).map((l) => repo.findItem(deps.db, l.linkedItemId)))).filter(
      (i): i is repo.PlanItem => !!i,
    )
    const names = await repo.organisationNames(deps.db, [
      ctx.plan.organisationId,
      ...(ctx.item.responsibleOrganisationId ? [ctx.item.responsibleOrganisationId] : []),
    ])
    const extras = await itemPageExtras(deps, req.actor, ctx.plan, ctx.item, ctx.canEdit)
    return reply.page(
      <ItemPage
        plan={ctx.plan}
        item={ctx.item}
        names={names}
        linked={linked}
        rows={ctx.rows}
        canEdit={ctx.canEdit}
        canReport={ctx.canReport}
        extras={extras}
      />,
    )
  })

  app.get('/plan-items/:itemId/trace', { config: { policy: 'plans.read' } }, async (req, reply) => {
    const ctx = await traceProblem(deps, req.actor, paramsOf(req).itemId)
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    const extras = await itemPageExtras(deps, req.actor, ctx.plan, ctx.problem, false)
    return reply.page(<TracePage plan={ctx.plan} ownerName={names.get(ctx.plan.organisationId) ?? ''} problem={ctx.problem} tree={ctx.tree} extras={extras} />)
  })

  app.get('/plan-items/:itemId/follow-up/:periodKey', { config: { policy: 'plans.write' } }, async (req, reply) => {
    const { itemId, periodKey } = paramsOf(req)
    const ctx = await getEntryContext(deps, req.actor, itemId, periodKey)
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    return reply.page(
      <EntryFormPage
        plan={ctx.plan}
        ownerName={names.get(ctx.plan.organisationId) ?? ''}
        item={ctx.item}
        period={ctx.period}
        due={ctx.due}
        values={entryValues(ctx.entry)}
      />,
    )
  })

  app.post('/plan-items/:itemId/follow-up/:periodKey', { config: { policy: 'plans.write', form: EntryInput } }, async (req, reply) => {
    const { itemId, periodKey } = paramsOf(req)
    // The record and the right to report on it are checked before the form is read.
    const ctx = await getEntryContext(deps, req.actor, itemId, periodKey)
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    const page = { plan: ctx.plan, ownerName: names.get(ctx.plan.organisationId) ?? '', item: ctx.item, period: ctx.period, due: ctx.due }
    const form = parseForm(EntryInput, req.body, req.t)
    if (!form.ok) return reply.page(<EntryFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await saveEntry(deps, ctxOf(req), itemId, periodKey, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError && err.current) {
        // Overtaken: show what is stored beside what the user wrote; saving again replaces the stored one knowingly.
        const current = err.current as Entry
        return reply.page(
          <EntryFormPage
            {...page}
            conflict={current}
            values={{ ...formValues(req.body), version: String(current.version) }}
            errors={[{ field: '', message: req.t('plans.entry.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<EntryFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    const name = periodName(ctx.period)
    reply.flash('success', 'plans.flash.entrySaved', { title: ctx.item.title, period: req.t(name.key, name.params) })
    return reply.seeOther(`/plans/${ctx.plan.id}`)
  })
}
