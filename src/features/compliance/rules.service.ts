import { and, eq, sql } from 'drizzle-orm'
import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { canManageCollaboration, collaborationScope, isUuid } from '../collaborations/index.ts'
import * as repo from './compliance.repo.ts'
import { complianceRules } from './compliance.tables.ts'
import type { UpdateRuleInput } from './rules.schemas.ts'

/**
 * Which commitments apply, to whom, from when and with which deadline is the coordinator's
 * configuration per collaboration (issue 6 A3): only the owning county's coordinator changes it.
 * @throws NotFoundError, ForbiddenError
 */
export async function loadRuleForManager(deps: Deps, actor: Actor | undefined, ruleId: unknown) {
  if (!isUuid(ruleId)) throw new NotFoundError()
  const [row] = await deps.db.select({ collaborationId: complianceRules.collaborationId }).from(complianceRules).where(eq(complianceRules.id, ruleId))
  const scope = row ? await collaborationScope(deps.db, row.collaborationId) : undefined
  if (!scope) throw new NotFoundError()
  if (!canManageCollaboration(actor, scope)) throw new ForbiddenError()
  const collaboration = (await repo.findCollaboration(deps.db, scope.collaborationId))!
  const rule = (await repo.rules(deps.db, scope.collaborationId)).find((r) => r.id === ruleId)!
  return { collaboration, rule }
}

/** The rules page: every rule, on or off. Partners read it; the coordinator changes it. */
export async function loadRules(deps: Deps, actor: Actor | undefined, collaborationId: unknown) {
  const scope = isUuid(collaborationId) ? await collaborationScope(deps.db, collaborationId) : undefined
  if (!scope) throw new NotFoundError()
  const canConfigure = canManageCollaboration(actor, scope)
  if (!canConfigure && !actor?.roles.some((r) => scope.partyIds.includes(r.organisationId))) throw new ForbiddenError()
  const collaboration = (await repo.findCollaboration(deps.db, scope.collaborationId))!
  const order = ['working_group_official', 'steering_chief', 'steering_attendance']
  const rules = (await repo.rules(deps.db, scope.collaborationId)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
  return { collaboration, rules, canConfigure }
}

/** @throws NotFoundError, ForbiddenError, StaleVersionError */
export async function updateRule(deps: Deps, ctx: Ctx, ruleId: unknown, input: UpdateRuleInput) {
  const { collaboration, rule } = await loadRuleForManager(deps, ctx.actor, ruleId)
  const params: Record<string, number> =
    rule.kind === 'steering_attendance'
      ? { thresholdPercent: input.thresholdPercent ?? rule.params.thresholdPercent ?? 50, months: input.months ?? rule.params.months ?? 12 }
      : rule.params
  const values = {
    enabled: input.enabled,
    partyKinds: input.partyKinds,
    appliesFrom: input.appliesFrom ?? null,
    deadlineMode: input.deadlineMode,
    deadlineMonths: input.deadlineMode === 'months_after_signature' ? (input.deadlineMonths ?? null) : null,
    sourceQuote: input.sourceQuote,
    params,
  }
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(complianceRules)
      .set({ ...values, version: sql`${complianceRules.version} + 1`, updatedAt: new Date() })
      .where(and(eq(complianceRules.id, rule.id), eq(complianceRules.version, input.version)))
      .returning({ id: complianceRules.id })
    if (updated.length === 0) throw new StaleVersionError(rule)
    const { id: _id, version: _v, ...before } = rule
    await audit(tx, ctx, {
      action: 'compliance_rule.updated',
      entityType: 'compliance_rule',
      entityId: rule.id,
      organisationId: collaboration.organisationId,
      before,
      after: { kind: rule.kind, ...values },
    })
    return { collaboration, rule: { ...rule, ...values } }
  })
}
