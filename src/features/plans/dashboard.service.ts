import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { type PartyRow, getManagedCollaboration, isUuid, listParties } from '../collaborations/index.ts'
import { type FollowUpCounts, followUpCounts, noCounts } from './dashboard.repo.ts'
import { todayInSweden } from './follow-up.service.ts'

export interface DashboardParty {
  party: PartyRow
  counts: FollowUpCounts
}

/**
 * The county dashboard (issue 8 §10): per party of the collaboration, its followed-up items by latest
 * status, the periods due and overdue, and the last update; and the same for all parties together.
 * The collaboration's managers only (its owner's coordinators, the admin): another county's
 * coordinator or a party's editor gets a 403, a collaboration they may not see a 404.
 * @throws NotFoundError, ForbiddenError
 */
export async function countyDashboard(deps: Deps, actor: Actor | undefined, collaborationId: string, today = todayInSweden()) {
  if (!isUuid(collaborationId)) throw new NotFoundError()
  const { collaboration, scope } = await getManagedCollaboration(deps, actor, collaborationId)
  // The scope holds the current parties already: the counts need not wait for their names.
  const [parties, { parties: counts, total }] = await Promise.all([listParties(deps.db, collaborationId), followUpCounts(deps.db, scope.partyIds, today)])
  const rows: DashboardParty[] = sortBySv(parties, (p) => p.name).map((party) => ({ party, counts: counts.get(party.organisationId) ?? noCounts() }))
  return { collaboration, parties: rows, total, today }
}

/** The due and overdue periods of a party's plans (and its units'), counted over the plans the reader sees, for its plans page. */
export async function partyFollowUpCounts(
  deps: Deps,
  organisationId: string,
  visiblePlanIds: readonly string[],
  today = todayInSweden(),
): Promise<FollowUpCounts> {
  const { total } = await followUpCounts(deps.db, [organisationId], today, visiblePlanIds)
  return total
}
