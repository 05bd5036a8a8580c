import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { canEditForParty, canManageCollaboration, canSee, collaborationScope, isPartner, isUuid } from '../collaborations/index.ts'
import { DEFAULT_MONTHS, type PartyResult, type RuleResult, evaluateCompliance, monthsBefore } from './compliance.evaluate.ts'
import * as repo from './compliance.repo.ts'

export interface ComplianceReport {
  collaboration: repo.CollaborationRow
  evaluatedAt: Date
  /** The enabled rules, in their fixed order. */
  rules: repo.RuleRow[]
  parties: (PartyResult & { signatureId: string | null; canFix: boolean })[]
  bodyNames: Record<string, string>
  canConfigure: boolean
}

/**
 * Evaluates the collaboration's commitments now, from the signatures, seats and attendance as they
 * are: nothing is stored, so the report can never be stale. Partners only (it names parties that
 * fall short). `canFix` says whether the actor may follow a party's fix links (its own party's editor,
 * the coordinator).
 * @throws NotFoundError, ForbiddenError
 */
export async function complianceReport(deps: Deps, actor: Actor | undefined, collaborationId: unknown): Promise<ComplianceReport> {
  const scope = isUuid(collaborationId) ? await collaborationScope(deps.db, collaborationId) : undefined
  if (!scope) throw new NotFoundError()
  if (!isPartner(actor, scope)) throw new ForbiddenError()
  const now = new Date()
  const today = formatIsoDate(now)
  const collaboration = (await repo.findCollaboration(deps.db, scope.collaborationId))!
  const rules = (await repo.rules(deps.db, collaboration.id)).filter((r) => r.enabled)
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
  const byId = new Map(parties.map((p) => [p.organisationId, p]))
  // Derived views show a record only to those who may see it (issue 7 A5): a seat or body the actor
  // may not see still counts, but the sentence does not name it and no link leads to it.
  const visibleBodies = new Set(bodies.filter((b) => canSee(actor, scope, b.visibility, b.ownerId)).map((b) => b.id))
  const visibleSeats = new Set(seats.filter((x) => visibleBodies.has(x.bodyId) && canSee(actor, scope, x.visibility, x.ownerId)).map((x) => x.id))
  const withheld = (r: RuleResult): RuleResult => {
    const fix = r.fix?.action === 'add_seat' ? { ...r.fix, bodyIds: r.fix.bodyIds.filter((id) => visibleBodies.has(id)) } : r.fix
    const base = fix?.action === 'add_seat' && fix.bodyIds.length === 0 ? { ...r, fix: undefined } : { ...r, fix }
    if (!r.evidenceSeatId || visibleSeats.has(r.evidenceSeatId)) return base
    return { ...base, messageKey: 'compliance.explain.metWithheld', params: {} }
  }
  return {
    collaboration,
    evaluatedAt: now,
    rules: rules.sort((a, b) => RULE_ORDER.indexOf(a.kind) - RULE_ORDER.indexOf(b.kind)),
    parties: results.map((r) => ({
      ...r,
      rules: r.rules.map(withheld),
      signatureId: byId.get(r.organisationId)?.signatureId ?? null,
      canFix: canEditForParty(actor, scope, r.organisationId),
    })),
    bodyNames: Object.fromEntries(bodies.filter((b) => visibleBodies.has(b.id)).map((b) => [b.id, b.name])),
    canConfigure: canManageCollaboration(actor, scope),
  }
}

const RULE_ORDER = ['working_group_official', 'steering_chief', 'steering_attendance']
