import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { assertNotApproved, loadMeeting, requireManage } from './meetings.access.ts'
import { ActionItemDone } from './meetings.errors.ts'
import { ActionItemInput, DecisionInput, DistributionInput, MinutesInput, UpdateActionItemInput, UpdateDecisionInput } from './meetings.schemas.ts'
import { partyNames } from './meetings.service.ts'
import * as svc from './minutes.service.ts'
import { ActionItemPage, DecisionPage, DistributionPage, MinutesPage, actionItemValues } from './views/minutes-forms.tsx'
import { ctxOf } from '../../platform/http/ctx.ts'
import { formErrorOf } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

const write = { config: { policy: 'meetings.write' } }

/** Minutes text, decisions (§), action items and the distribution list of a meeting. */
export function minutesRoutes(app: FastifyInstance, deps: Deps) {
  /** The coordinator's forms for a meeting whose minutes are not yet approved (after justering: 409). */
  const openMeeting = async (req: FastifyRequest) => {
    const access = requireManage(await loadMeeting(deps.db, req.actor, paramsOf(req).meetingId))
    assertNotApproved(access.meeting)
    return access
  }
  const staleError = (req: FastifyRequest) => [{ field: '', message: req.t('meetings.stale.body') }]
  const back = (id: string, anchor = 'minutes-heading') => `/meetings/${id}#${anchor}`

  // ---- Minutes text ----
  app.get('/meetings/:meetingId/minutes', write, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    return reply.page(<MinutesPage body={body} meeting={meeting} values={{ minutesText: meeting.minutesText, version: String(meeting.version) }} />)
  })

  app.post('/meetings/:meetingId/minutes', { config: { ...write.config, form: MinutesInput } }, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    const form = parseForm(MinutesInput, req.body, req.t)
    if (!form.ok) return reply.page(<MinutesPage body={body} meeting={meeting} values={form.values} errors={form.errors} />, 400)
    try {
      await svc.saveMinutesText(deps, ctxOf(req), meeting.id, form.data)
    } catch (err) {
      if (!(err instanceof StaleVersionError)) throw err
      const { meeting: current } = await openMeeting(req)
      const values = { ...formValues(req.body), version: String(current.version) }
      return reply.page(<MinutesPage body={body} meeting={current} values={values} current={current} errors={staleError(req)} />, 409)
    }
    reply.flash('success', 'meetings.flash.minutesSaved')
    return reply.seeOther(back(meeting.id))
  })

  // ---- Decisions ----
  app.get('/meetings/:meetingId/decisions/new', write, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    return reply.page(<DecisionPage body={body} meeting={meeting} values={{}} />)
  })

  app.post('/meetings/:meetingId/decisions/new', { config: { ...write.config, form: DecisionInput } }, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    const form = parseForm(DecisionInput, req.body, req.t)
    if (!form.ok) return reply.page(<DecisionPage body={body} meeting={meeting} values={form.values} errors={form.errors} />, 400)
    const d = await svc.addDecision(deps, ctxOf(req), meeting.id, form.data)
    reply.flash('success', 'meetings.flash.decisionAdded', { paragraph: d.paragraph })
    return reply.seeOther(back(meeting.id))
  })

  app.get('/meetings/:meetingId/decisions/:decisionId/edit', write, async (req, reply) => {
    const { body, meeting, decision } = await svc.findDecisionFor(deps, req.actor, paramsOf(req).meetingId, paramsOf(req).decisionId)
    assertNotApproved(meeting)
    const values = { title: decision.title, decisionText: decision.decisionText, version: String(meeting.version) }
    return reply.page(<DecisionPage body={body} meeting={meeting} decision={decision} values={values} />)
  })

  app.post('/meetings/:meetingId/decisions/:decisionId/edit', { config: { ...write.config, form: UpdateDecisionInput } }, async (req, reply) => {
    const { meetingId, decisionId } = paramsOf(req)
    const { body, meeting, decision } = await svc.findDecisionFor(deps, req.actor, meetingId, decisionId)
    const form = parseForm(UpdateDecisionInput, req.body, req.t)
    if (!form.ok) return reply.page(<DecisionPage body={body} meeting={meeting} decision={decision} values={form.values} errors={form.errors} />, 400)
    try {
      await svc.updateDecision(deps, ctxOf(req), meetingId, decisionId, form.data)
    } catch (err) {
      if (!(err instanceof StaleVersionError)) throw err
      const now = await svc.findDecisionFor(deps, req.actor, meetingId, decisionId)
      const values = { ...formValues(req.body), version: String(now.meeting.version) }
      return reply.page(
        <DecisionPage body={body} meeting={now.meeting} decision={now.decision} current={now.decision} values={values} errors={staleError(req)} />,
        409,
      )
    }
    reply.flash('success', 'meetings.flash.decisionUpdated', { paragraph: decision.paragraph })
    return reply.seeOther(back(meetingId))
  })

  // ---- Action items ----
  app.get('/meetings/:meetingId/action-items/new', write, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    return reply.page(<ActionItemPage body={body} meeting={meeting} owners={await svc.ownerOptions(deps, meeting)} values={{ status: 'open' }} />)
  })

  app.post('/meetings/:meetingId/action-items/new', { config: { ...write.config, form: ActionItemInput } }, async (req, reply) => {
    const { body, meeting } = await openMeeting(req)
    const owners = await svc.ownerOptions(deps, meeting)
    const form = parseForm(ActionItemInput, req.body, req.t)
    if (!form.ok) return reply.page(<ActionItemPage body={body} meeting={meeting} owners={owners} values={form.values} errors={form.errors} />, 400)
    try {
      await svc.addActionItem(deps, ctxOf(req), meeting.id, form.data)
    } catch (err) {
      const f = formErrorOf(err, req.t)
      if (!f) throw err
      return reply.page(<ActionItemPage body={body} meeting={meeting} owners={owners} values={formValues(req.body)} errors={f.errors} />, f.status)
    }
    reply.flash('success', 'meetings.flash.actionItemAdded', { title: form.data.title })
    return reply.seeOther(back(meeting.id))
  })

  const loadItem = async (req: FastifyRequest) => {
    const loaded = await svc.loadActionItem(deps, req.actor, paramsOf(req).itemId)
    if (loaded.item.status === 'done') throw new ActionItemDone()
    return { ...loaded, owners: await svc.ownerOptions(deps, loaded.meeting) }
  }

  app.get('/action-items/:itemId/edit', write, async (req, reply) => {
    const { body, meeting, item, owners } = await loadItem(req)
    return reply.page(<ActionItemPage body={body} meeting={meeting} item={item} owners={owners} values={actionItemValues(item)} />)
  })

  app.post('/action-items/:itemId/edit', { config: { ...write.config, form: UpdateActionItemInput } }, async (req, reply) => {
    const { body, meeting, item, owners } = await loadItem(req)
    const form = parseForm(UpdateActionItemInput, req.body, req.t)
    if (!form.ok) return reply.page(<ActionItemPage body={body} meeting={meeting} item={item} owners={owners} values={form.values} errors={form.errors} />, 400)
    try {
      await svc.updateActionItem(deps, ctxOf(req), item.id, form.data)
    } catch (err) {
      const f = formErrorOf(err, req.t)
      if (f)
        return reply.page(
          <ActionItemPage body={body} meeting={meeting} item={item} owners={owners} values={formValues(req.body)} errors={f.errors} />,
          f.status,
        )
      if (!(err instanceof StaleVersionError)) throw err
      const now = await loadItem(req)
      const values = { ...formValues(req.body), version: String(now.item.version) }
      return reply.page(<ActionItemPage body={body} meeting={meeting} item={now.item} owners={owners} values={values} errors={staleError(req)} />, 409)
    }
    reply.flash('success', 'meetings.flash.actionItemUpdated', { title: form.data.title })
    return reply.seeOther(back(meeting.id))
  })

  // ---- Distribution ----
  const partyOptions = async (scope: { partyIds: readonly string[] }) =>
    (await partyNames(deps.db, scope.partyIds)).map((p) => ({ value: p.id, label: p.name }))

  app.get('/meetings/:meetingId/distribution', write, async (req, reply) => {
    const { body, meeting, scope } = await openMeeting(req)
    return reply.page(<DistributionPage body={body} meeting={meeting} parties={await partyOptions(scope)} values={{}} />)
  })

  app.post('/meetings/:meetingId/distribution', { config: { ...write.config, form: DistributionInput } }, async (req, reply) => {
    const { body, meeting, scope } = await openMeeting(req)
    const form = parseForm(DistributionInput, req.body, req.t)
    if (!form.ok)
      return reply.page(<DistributionPage body={body} meeting={meeting} parties={await partyOptions(scope)} values={form.values} errors={form.errors} />, 400)
    try {
      await svc.addDistribution(deps, ctxOf(req), meeting.id, form.data)
    } catch (err) {
      const f = formErrorOf(err, req.t)
      if (!f) throw err
      return reply.page(
        <DistributionPage body={body} meeting={meeting} parties={await partyOptions(scope)} values={formValues(req.body)} errors={f.errors} />,
        f.status,
      )
    }
    reply.flash('success', 'meetings.flash.distributionAdded')
    return reply.seeOther(back(meeting.id))
  })

  app.post('/meetings/:meetingId/distribution/:entryId/delete', write, async (req, reply) => {
    const { meetingId, entryId } = paramsOf(req)
    await svc.removeDistribution(deps, ctxOf(req), meetingId, entryId)
    reply.flash('success', 'meetings.flash.distributionRemoved')
    return reply.seeOther(back(meetingId))
  })
}
