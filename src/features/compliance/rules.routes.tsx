import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { UpdateRuleInput } from './rules.schemas.ts'
import { loadRuleForManager, loadRules, updateRule } from './rules.service.ts'
import { RuleEditPage, ruleValues } from './views/rule-edit-page.tsx'
import { RulesPage } from './views/rules-page.tsx'

/** The commitment rules of a collaboration: partners read them, the owning coordinator edits each. */
export function rulesRoutes(app: FastifyInstance, deps: Deps) {
  const READ = { config: { policy: 'compliance.read' } }

  app.get('/collaborations/:id/compliance/rules', READ, async (req, reply) => {
    return reply.page(<RulesPage {...(await loadRules(deps, req.actor, paramsOf(req).id))} />)
  })

  app.get('/compliance-rules/:ruleId/edit', READ, async (req, reply) => {
    const { collaboration, rule } = await loadRuleForManager(deps, req.actor, paramsOf(req).ruleId)
    return reply.page(<RuleEditPage collaboration={collaboration} rule={rule} values={ruleValues(rule)} />)
  })

  app.post('/compliance-rules/:ruleId/edit', { config: { ...READ.config, form: UpdateRuleInput } }, async (req, reply) => {
    const { ruleId } = paramsOf(req)
    // The policy check comes before validation: a refused user learns nothing from error messages.
    const { collaboration, rule } = await loadRuleForManager(deps, req.actor, ruleId)
    const form = parseForm(UpdateRuleInput, req.body, req.t)
    if (!form.ok) return reply.page(<RuleEditPage collaboration={collaboration} rule={rule} values={form.values} errors={form.errors} />, 400)
    try {
      await updateRule(deps, ctxOf(req), ruleId, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // The user's choices stay; the version becomes the current one, so saving again is deliberate.
        const fresh = await loadRuleForManager(deps, req.actor, ruleId)
        const values = { ...formValues(req.body), version: String(fresh.rule.version) }
        return reply.page(<RuleEditPage collaboration={collaboration} rule={fresh.rule} values={values} stale />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<RuleEditPage collaboration={collaboration} rule={rule} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'compliance.ruleEdit.saved', { rule: req.t(`compliance.rules.${rule.kind}.name`) })
    return reply.seeOther(`/collaborations/${collaboration.id}/compliance/rules`)
  })
}
