import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { getCollaboration, listParties } from '../collaborations/index.ts'
import { findOrganisation, listOrganisations } from '../organisations/index.ts'
import { partyFollowUpCounts } from './dashboard.service.ts'
import * as followUpRepo from './follow-up.repo.ts'
import { itemFollowUp, todayInSweden } from './follow-up.service.ts'
import { canReportOn } from './plans.policy.ts'
import * as repo from './plans.repo.ts'
import { ITEM_KINDS_OF, LINK_TARGETS, PARENT_KINDS } from './plans.rules.ts'
import { CreateItemInput, CreatePlanInput, UpdateItemInput, UpdatePlanInput } from './plans.schemas.ts'
import {
  addItem,
  checkCreatePlan,
  createPlan,
  getCollaborationPlans,
  getPartyPlans,
  getPlanPage,
  loadEditablePlan,
  loadItem,
  updateItem,
  updatePlan,
} from './plans.service.ts'
import { PLAN_ITEM_KINDS, PLAN_KINDS, type PlanItemKind, type PlanKind } from './plans.tables.ts'
import { CollaborationPlansPage } from './views/collaboration-plans-page.tsx'
import { ItemFormPage, itemValues } from './views/item-form-page.tsx'
import { PartyPlansPage } from './views/party-plans-page.tsx'
import { PlanFormPage, planValues } from './views/plan-form-page.tsx'
import { PlanPage } from './views/plan-page.tsx'
import { planPageExtras } from './item-extras.ts'

const READ = { config: { policy: 'plans.read' } }
const WRITE = { config: { policy: 'plans.write' } }

/** Signed-in users read and write through these routes; who may see or change which plan is decided per plan in the service. */
export function registerPlanPolicies(deps: Deps) {
  deps.policies.register('plans.read', (a) => a?.via === 'session')
  deps.policies.register('plans.write', (a) => a?.via === 'session')
  // The JSON API: tokens too (the services decide per plan what their user may read).
  deps.policies.register('plans.api', (a) => !!a)
}

const staleErrors = (req: FastifyRequest) => [{ field: '', message: req.t('platform.errors.staleVersion') }]
const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOr404 = (v: string | undefined): string => {
  if (!v || !UUID.test(v)) throw new NotFoundError()
  return v
}
const planKind = (v: string | undefined): PlanKind => {
  if (!v || !(PLAN_KINDS as readonly string[]).includes(v)) throw new NotFoundError()
  return v as PlanKind
}

/** Police units of the municipality's county, for the partner of an SÖ, åtgärdsplan or ML. */
async function policeOptions(deps: Deps, countyCode: string | null) {
  const police = await listOrganisations(deps.db, { kind: 'police', ...(countyCode ? { countyCode } : {}) })
  return sortBySv(police, (o) => o.name).map((o) => ({ value: o.id, label: o.name }))
}

/** The parties a row can be assigned to: the plan's own, and the collaboration's or county's other parties. */
async function partyOptions(deps: Deps, plan: repo.Plan) {
  const owner = await findOrganisation(deps.db, plan.organisationId)
  const inCounty = owner?.countyCode ? await listOrganisations(deps.db, { countyCode: owner.countyCode }) : []
  const ids = new Set([plan.organisationId, ...(plan.partnerOrganisationId ? [plan.partnerOrganisationId] : []), ...inCounty.map((o) => o.id)])
  const names = await repo.organisationNames(deps.db, [...ids])
  return sortBySv(
    [...names].map(([value, label]) => ({ value, label })),
    (o) => o.label,
  )
}

/** Rows an item may hang under or link to: in this plan, or another plan of the same party or collaboration. */
async function candidates(deps: Deps, plan: repo.Plan, kind: PlanItemKind) {
  const wanted = new Set([...LINK_TARGETS[kind], ...PARENT_KINDS[kind]])
  if (wanted.size === 0) return []
  const plans = [
    plan,
    ...(await repo.listPlansOfParty(deps.db, [plan.organisationId])),
    ...(plan.collaborationId ? await repo.listPlansOfCollaboration(deps.db, plan.collaborationId) : []),
  ]
  const ids = [...new Set(plans.map((p) => p.id))]
  return (await repo.listItemsOfPlans(deps.db, ids)).filter((i) => wanted.has(i.kind))
}

export function plansRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/collaborations/:id/plans', READ, async (req, reply) => {
    const { collaboration } = await getCollaboration(deps, req.actor, paramsOf(req).id)
    const ctx = await getCollaborationPlans(deps, req.actor, collaboration.id)
    const parties = sortBySv(
      (await listParties(deps.db, collaboration.id)).filter((p) => p.kind === 'municipality'),
      (p) => p.name,
    )
    return reply.page(
      <CollaborationPlansPage
        collaboration={collaboration}
        plans={ctx.plans}
        canCreate={ctx.canCreate}
        municipalities={parties.map((p) => ({ id: p.organisationId, name: p.name }))}
      />,
    )
  })

  app.get('/organisations/:id/plans', READ, async (req, reply) => {
    const ctx = await getPartyPlans(deps, req.actor, paramsOf(req).id)
    const followUp = await partyFollowUpCounts(
      deps,
      ctx.organisation.id,
      ctx.plans.map((p) => p.id),
    )
    return reply.page(<PartyPlansPage {...ctx} followUp={followUp} />)
  })

  /** The form for a new plan: `kind` and the owner come in the query (`collaborationId` for county plans). */
  app.get('/plans/new', WRITE, async (req, reply) => {
    const { organisationId, kind, collaborationId } = query(req)
    const { owner, ...target } = await checkCreatePlan(
      deps,
      req.actor,
      planKind(kind),
      uuidOr404(organisationId),
      collaborationId && uuidOr404(collaborationId),
    )
    const year = todayInSweden().slice(0, 4)
    const values = { status: 'draft', visibility: 'partners', dueDays: '10', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` }
    return reply.page(
      <PlanFormPage
        kind={planKind(kind)}
        owner={owner}
        collaborationId={target.collaborationId}
        policeOptions={await policeOptions(deps, owner.countyCode)}
        values={values}
      />,
    )
  })

  app.post('/plans/new', { config: { ...WRITE.config, form: CreatePlanInput } }, async (req, reply) => {
    const body = formValues(req.body)
    const kind = planKind(str(body.kind))
    // Who may create is decided before the form is read: a forbidden user learns nothing from field errors.
    const { owner, collaborationId } = await checkCreatePlan(
      deps,
      req.actor,
      kind,
      uuidOr404(str(body.organisationId)),
      str(body.collaborationId) && uuidOr404(str(body.collaborationId)),
    )
    const page = { kind, owner, collaborationId, policeOptions: await policeOptions(deps, owner.countyCode) }
    const form = parseForm(CreatePlanInput, req.body, req.t)
    if (!form.ok) return reply.page(<PlanFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      const plan = await createPlan(deps, ctxOf(req), form.data)
      reply.flash('success', 'plans.flash.created', { title: plan.title })
      return reply.seeOther(`/plans/${plan.id}`)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<PlanFormPage {...page} values={body} errors={errors} />, status)
    }
  })

  app.get('/plans/:planId', READ, async (req, reply) => {
    const ctx = await getPlanPage(deps, req.actor, paramsOf(req).planId)
    const today = todayInSweden()
    const entries = await followUpRepo.listEntries(
      deps.db,
      ctx.items.map((i) => i.id),
    )
    const followUp = new Map(ctx.items.map((i) => [i.id, itemFollowUp(ctx.plan, i, entries, today)]))
    const reportable = new Set<string>()
    for (const i of ctx.items) {
      const chain = await repo.organisationWithAncestors(deps.db, i.responsibleOrganisationId ?? ctx.plan.organisationId)
      if (canReportOn(req.actor, ctx.access, chain)) reportable.add(i.id)
    }
    const extras = await planPageExtras(deps, req.actor, ctx.plan, ctx.items)
    return reply.page(<PlanPage {...ctx} followUp={followUp} reportable={reportable} extras={extras} />)
  })

  app.get('/plans/:planId/edit', WRITE, async (req, reply) => {
    const { plan } = await loadEditablePlan(deps, req.actor, paramsOf(req).planId)
    const owner = (await findOrganisation(deps.db, plan.organisationId))!
    return reply.page(
      <PlanFormPage kind={plan.kind} owner={owner} plan={plan} policeOptions={await policeOptions(deps, owner.countyCode)} values={planValues(plan)} />,
    )
  })

  app.post('/plans/:planId/edit', { config: { ...WRITE.config, form: UpdatePlanInput } }, async (req, reply) => {
    const { plan } = await loadEditablePlan(deps, req.actor, paramsOf(req).planId)
    const owner = (await findOrganisation(deps.db, plan.organisationId))!
    const page = { kind: plan.kind, owner, plan, policeOptions: await policeOptions(deps, owner.countyCode) }
    const form = parseForm(UpdatePlanInput, req.body, req.t)
    if (!form.ok) return reply.page(<PlanFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await updatePlan(deps, ctxOf(req), plan.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as repo.Plan
        return reply.page(<PlanFormPage {...page} values={{ ...formValues(req.body), version: String(current.version) }} errors={staleErrors(req)} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<PlanFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'plans.flash.saved', { title: form.data.title })
    return reply.seeOther(`/plans/${plan.id}`)
  })

  app.get('/plans/:planId/items/new', WRITE, async (req, reply) => {
    const { plan } = await loadEditablePlan(deps, req.actor, paramsOf(req).planId)
    // Without a kind the form offers the plan's main kind of row (a promise for an ML, a measure for an åtgärdsplan).
    const kind = (query(req).kind ?? ITEM_KINDS_OF[plan.kind].at(-1)) as PlanItemKind
    if (!(PLAN_ITEM_KINDS as readonly string[]).includes(kind) || !ITEM_KINDS_OF[plan.kind].includes(kind)) throw new NotFoundError()
    const names = await repo.organisationNames(deps.db, [plan.organisationId])
    return reply.page(
      <ItemFormPage
        plan={plan}
        ownerName={names.get(plan.organisationId) ?? ''}
        kind={kind}
        candidates={await candidates(deps, plan, kind)}
        partyOptions={await partyOptions(deps, plan)}
        values={{ cadence: 'monthly', weight: '1', promisor: kind === 'promise' ? 'joint' : '' }}
      />,
    )
  })

  app.post('/plans/:planId/items/new', { config: { ...WRITE.config, form: CreateItemInput } }, async (req, reply) => {
    const { plan } = await loadEditablePlan(deps, req.actor, paramsOf(req).planId)
    const body = formValues(req.body)
    const kind = ITEM_KINDS_OF[plan.kind].includes(body.kind as PlanItemKind) ? (body.kind as PlanItemKind) : ITEM_KINDS_OF[plan.kind][0]
    const names = await repo.organisationNames(deps.db, [plan.organisationId])
    const page = {
      plan,
      ownerName: names.get(plan.organisationId) ?? '',
      kind,
      candidates: await candidates(deps, plan, kind),
      partyOptions: await partyOptions(deps, plan),
    }
    const form = parseForm(CreateItemInput, req.body, req.t)
    if (!form.ok) return reply.page(<ItemFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await addItem(deps, ctxOf(req), plan.id, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ItemFormPage {...page} values={body} errors={errors} />, status)
    }
    reply.flash('success', 'plans.flash.itemAdded', { title: form.data.title })
    return reply.seeOther(`/plans/${plan.id}`)
  })

  app.get('/plan-items/:itemId/edit', WRITE, async (req, reply) => {
    const ctx = await loadItem(deps, req.actor, paramsOf(req).itemId)
    if (!ctx.canEdit) throw new ForbiddenError()
    const links = (await repo.listLinks(deps.db, [ctx.item.id])).filter((l) => l.itemId === ctx.item.id).map((l) => l.linkedItemId)
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    return reply.page(
      <ItemFormPage
        plan={ctx.plan}
        ownerName={names.get(ctx.plan.organisationId) ?? ''}
        kind={ctx.item.kind}
        item={ctx.item}
        candidates={await candidates(deps, ctx.plan, ctx.item.kind)}
        partyOptions={await partyOptions(deps, ctx.plan)}
        values={itemValues(ctx.item, links)}
      />,
    )
  })

  app.post('/plan-items/:itemId/edit', { config: { ...WRITE.config, form: UpdateItemInput } }, async (req, reply) => {
    const ctx = await loadItem(deps, req.actor, paramsOf(req).itemId)
    if (!ctx.canEdit) throw new ForbiddenError()
    const names = await repo.organisationNames(deps.db, [ctx.plan.organisationId])
    const page = {
      plan: ctx.plan,
      ownerName: names.get(ctx.plan.organisationId) ?? '',
      kind: ctx.item.kind,
      item: ctx.item,
      candidates: await candidates(deps, ctx.plan, ctx.item.kind),
      partyOptions: await partyOptions(deps, ctx.plan),
    }
    const form = parseForm(UpdateItemInput, req.body, req.t)
    if (!form.ok) return reply.page(<ItemFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await updateItem(deps, ctxOf(req), ctx.item.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as repo.PlanItem
        return reply.page(<ItemFormPage {...page} values={{ ...formValues(req.body), version: String(current.version) }} errors={staleErrors(req)} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ItemFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'plans.flash.saved', { title: form.data.title })
    return reply.seeOther(`/plan-items/${ctx.item.id}`)
  })
}
