import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { isPartner } from '../collaborations/collaborations.policy.ts'
import { collaborationScope, isUuid } from '../collaborations/collaborations.scope.ts'
import { DEFAULT_MONTHS, type EvalRule, type PartyResult, evaluateCompliance, monthsBefore } from './compliance.evaluate.ts'
import * as repo from './compliance.repo.ts'

export interface ComplianceReport {
  collaboration: repo.CollaborationRow
  evaluatedAt: Date
  rules: EvalRule[]
  parties: PartyResult[]
}

/**
 * Evaluates the collaboration's commitments now, from the seats and attendance as they are: nothing
 * is stored, so the report can never be stale. Partners only (it names parties that fall short).
 * @throws NotFoundError, ForbiddenError
 */
export async function complianceReport(deps: Deps, actor: Actor | undefined, collaborationId: unknown): Promise<ComplianceReport> {
  const scope = isUuid(collaborationId) ? await collaborationScope(deps.db, collaborationId) : undefined
  if (!scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  const now = new Date()
  const today = formatIsoDate(now)
  const collaboration = (await repo.findCollaboration(deps.db, scope.collaborationId))!
  const rules = await repo.enabledRules(deps.db, collaboration.id)
  const months = Math.max(DEFAULT_MONTHS, ...rules.map((r) => r.params?.months ?? 0))
  const [parties, { bodies, seats }, { meetings, attendance }] = await Promise.all([
    repo.activeParties(deps.db, collaboration.id, today),
    repo.bodiesAndSeats(deps.db, collaboration.id),
    repo.steeringMeetings(deps.db, collaboration.id, monthsBefore(now, months)),
  ])
  const results = evaluateCompliance({
    period: { start: collaboration.periodStart, end: collaboration.periodEnd },
    parties,
    bodies,
    seats,
    meetings,
    attendance,
    rules,
    today,
    now,
  })
  return { collaboration, evaluatedAt: now, rules, parties: results }
}
