import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { getItemFollowUp, todayInSweden } from './follow-up.service.ts'
import { ENTRY_STATUSES } from './follow-up.tables.ts'
import type { Plan, PlanItem } from './plans.repo.ts'
import { getPartyPlans, getPlanPage } from './plans.service.ts'
import { CADENCES, PLAN_ITEM_KINDS, PLAN_KINDS, PLAN_STATUSES, PROMISORS } from './plans.tables.ts'

const PlanSummary = z.object({
  id: z.uuid(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  organisationId: z.uuid(),
  partnerOrganisationId: z.uuid().nullable(),
  collaborationId: z.uuid().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(PLAN_STATUSES),
  visibility: z.enum(['public', 'partners', 'organisation']),
  version: z.number().int(),
})

const Item = z.object({
  id: z.uuid(),
  kind: z.enum(PLAN_ITEM_KINDS),
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  promisor: z.enum(PROMISORS).nullable(),
  places: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  responsibleOrganisationId: z.uuid().nullable(),
  cadence: z.enum(CADENCES),
  target: z.object({ comparator: z.enum(['at_least', 'exactly', 'at_most']), value: z.number(), unit: z.string().nullable() }).nullable(),
  links: z.array(z.uuid()).describe('Items this one points to: a measure’s causes, a promise’s measures, an activity’s goal.'),
})

const planJson = (p: Plan): z.infer<typeof PlanSummary> => ({
  id: p.id,
  kind: p.kind,
  title: p.title,
  organisationId: p.organisationId,
  partnerOrganisationId: p.partnerOrganisationId,
  collaborationId: p.collaborationId,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  status: p.status,
  visibility: p.visibility,
  version: p.version,
})

const itemJson = (i: PlanItem, links: string[]): z.infer<typeof Item> => ({
  id: i.id,
  kind: i.kind,
  parentId: i.parentId,
  position: i.position,
  title: i.title,
  description: i.description,
  promisor: i.promisor,
  places: i.places,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  responsibleOrganisationId: i.responsibleOrganisationId,
  cadence: i.cadence,
  target: i.targetValue === null ? null : { comparator: i.targetComparator ?? 'at_least', value: i.targetValue, unit: i.targetUnit },
  links,
})

/**
 * Plans and their follow-up as JSON for machine clients (issue 8 leftover): the same services and
 * record checks as the pages, so a token sees exactly what its user would see — 404 for a plan they
 * may not read. Read only; writing stays in the forms, where the follow-up's rules are explained.
 */
export function plansApi(app: FastifyInstance, deps: Deps) {
  const common = { policy: 'plans.api', tags: ['plans'] }

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisations/:organisationId/plans',
      ...common,
      summary: 'The plans of a party the caller may read',
      description: 'The party’s own plans and those it shares (a police area’s SÖ, åtgärdsplan and medborgarlöfte with a municipality).',
      response: z.object({ items: z.array(PlanSummary) }),
    },
    async (req) => {
      const ctx = await getPartyPlans(deps, req.actor, paramsOf(req).organisationId)
      return { items: ctx.plans.map(planJson) }
    },
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/plans/:planId',
      ...common,
      summary: 'One plan with its rows and the links between them',
      description: 'A plan the caller may not read is a 404.',
      response: PlanSummary.extend({ summary: z.string(), basis: z.string(), items: z.array(Item) }),
    },
    async (req) => {
      const ctx = await getPlanPage(deps, req.actor, paramsOf(req).planId)
      const linksOf = (id: string) => ctx.links.filter((l) => l.itemId === id).map((l) => l.linkedItemId)
      return { ...planJson(ctx.plan), summary: ctx.plan.summary, basis: ctx.plan.basis, items: ctx.items.map((i) => itemJson(i, linksOf(i.id))) }
    },
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/plan-items/:itemId/follow-up',
      ...common,
      summary: 'The follow-up of one activity, measure or promise, period by period',
      description:
        'Every period of the item’s cadence up to today’s, newest first, with its state (reported, reported_late, overdue, due, open) and its entry where there is one.',
      response: z.object({
        item: z.object({ id: z.uuid(), planId: z.uuid(), title: z.string(), cadence: z.enum(CADENCES) }),
        periods: z.array(
          z.object({
            periodKey: z.string(),
            start: z.string(),
            end: z.string(),
            due: z.string(),
            state: z.enum(['reported', 'reported_late', 'overdue', 'due', 'open', 'future']),
            entry: z
              .object({
                status: z.enum(ENTRY_STATUSES),
                narrative: z.string(),
                outputValue: z.number().nullable(),
                outputUnit: z.string().nullable(),
                minutesSpent: z.number().int().nullable(),
                progressPercent: z.number().int().nullable(),
                authorName: z.string(),
                submittedAt: z.string(),
                late: z.boolean(),
              })
              .nullable(),
          }),
        ),
      }),
    },
    async (req) => {
      const ctx = await getItemFollowUp(deps, req.actor, paramsOf(req).itemId, todayInSweden())
      return {
        item: { id: ctx.item.id, planId: ctx.item.planId, title: ctx.item.title, cadence: ctx.item.cadence },
        periods: ctx.rows.map((r) => ({
          periodKey: r.period.key,
          start: r.period.start,
          end: r.period.end,
          due: r.due,
          state: r.state,
          entry: r.entry
            ? {
                status: r.entry.status,
                narrative: r.entry.narrative,
                outputValue: r.entry.outputValue,
                outputUnit: r.entry.outputUnit,
                minutesSpent: r.entry.minutesSpent,
                progressPercent: r.entry.progressPercent,
                authorName: r.entry.authorName,
                submittedAt: new Date(r.entry.submittedAt).toISOString(),
                late: r.entry.late,
              }
            : null,
        })),
      }
    },
  )
}
