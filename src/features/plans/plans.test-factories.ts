import type { Deps } from '../../platform/deps.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { planItems, plans } from './plans.tables.ts'

/**
 * An adopted medborgarlöfte of a municipality with its LPO, running from last January to the end of
 * next year, with one promise that has a target — so it has periods to follow up whenever a test runs.
 */
export async function buildPlan(
  deps: Deps,
  opts: { organisationCode?: string; lpoCode?: string; visibility?: 'public' | 'partners' | 'organisation'; status?: 'draft' | 'adopted' | 'published' } = {},
) {
  const owner = await findOrganisationByCode(deps.db, opts.organisationCode ?? 'kommun-0580')
  const lpo = await findOrganisationByCode(deps.db, opts.lpoCode ?? 'lpo-linkoping')
  if (!owner || !lpo) throw new Error('buildPlan needs the reference data')
  const year = Number(formatIsoDate(new Date()).slice(0, 4))
  const [plan] = await deps.db
    .insert(plans)
    .values({
      kind: 'citizen_promise',
      organisationId: owner.id,
      partnerOrganisationId: lpo.id,
      title: `Medborgarlöfte ${owner.name}`,
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 1}-12-31`,
      status: opts.status ?? 'adopted',
      visibility: opts.visibility ?? 'partners',
    })
    .returning()
  const [promise] = await deps.db
    .insert(planItems)
    .values({
      planId: plan.id,
      kind: 'promise',
      position: 1,
      promisor: 'joint',
      title: 'genomföra trygghetsvandringar',
      targetComparator: 'at_least',
      targetValue: 4,
      targetUnit: 'trygghetsvandringar',
    })
    .returning()
  return { plan, promise, ownerId: owner.id, lpoId: lpo.id }
}
