import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { sendTable } from '../../platform/xlsx/send-table.ts'
import * as followUpRepo from './follow-up.repo.ts'
import { getItemFollowUp, itemFollowUp, todayInSweden } from './follow-up.service.ts'
import { historyTable, partyPlansTable, planTable } from './export-rows.ts'
import { getPartyPlans, getPlanPage } from './plans.service.ts'

/** A safe file name from a title: letters, digits and dashes (Å, Ä, Ö kept; the header carries an ASCII twin). */
const slug = (s: string) =>
  s
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLocaleLowerCase('sv') || 'export'

/**
 * Downloads of the plan lists (issue 8 §14), each exactly as its page shows it and only to those who
 * may see that page (the same service functions decide): a plan's rows with their latest follow-up,
 * an item's follow-up history, a party's plans.
 */
export function exportRoutes(app: FastifyInstance, deps: Deps) {
  const READ = { config: { policy: 'plans.read' } }
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/plans/:planId/export.${format}`, READ, async (req, reply) => {
      const ctx = await getPlanPage(deps, req.actor, paramsOf(req).planId)
      const today = todayInSweden()
      const entries = await followUpRepo.listEntries(
        deps.db,
        ctx.items.map((i) => i.id),
      )
      const followUp = new Map(ctx.items.map((i) => [i.id, itemFollowUp(ctx.plan, i, entries, today)]))
      const table = planTable({ plan: ctx.plan, items: ctx.items, links: ctx.links, names: ctx.names, followUp })
      return sendTable(reply, table, format, `${slug(ctx.plan.title)}-${today}`)
    })

    app.get(`/plan-items/:itemId/export.${format}`, READ, async (req, reply) => {
      const ctx = await getItemFollowUp(deps, req.actor, paramsOf(req).itemId)
      return sendTable(reply, historyTable(ctx.item, ctx.rows, req.t), format, `uppfoljning-${slug(ctx.item.title)}-${todayInSweden()}`)
    })

    app.get(`/organisations/:id/plans.${format}`, READ, async (req, reply) => {
      const ctx = await getPartyPlans(deps, req.actor, paramsOf(req).id)
      return sendTable(
        reply,
        partyPlansTable(ctx.organisation.name, ctx.plans, ctx.names, req.t),
        format,
        `planer-${slug(ctx.organisation.name)}-${todayInSweden()}`,
      )
    })
  }
}
