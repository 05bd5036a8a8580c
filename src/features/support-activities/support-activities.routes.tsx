import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { sendTable } from '../../platform/xlsx/send-table.ts'
import type { SupportActivity } from './support-activities.repo.ts'
import { ActivityInput, UpdateActivityInput, parseFilter } from './support-activities.schemas.ts'
import { checkWrite, createActivity, listPage, loadEditable, municipalitiesOf, removeActivity, thisYear, updateActivity } from './support-activities.service.ts'
import { ActivityFormPage, activityValues } from './views/form-page.tsx'
import { ListPage } from './views/list-page.tsx'
import { formatDuration, listHref } from './views/parts.tsx'

const READ = { config: { policy: 'supportActivities.read' } }
const WRITE = { config: { policy: 'supportActivities.write' } }

/**
 * Browser sessions only; which länsstyrelse's activities, and whether to write them, is decided in the
 * service per record (support-activities.policy.ts).
 */
export function registerPolicies(deps: Deps) {
  deps.policies.register('supportActivities.read', (a) => a?.via === 'session')
  deps.policies.register('supportActivities.write', (a) => a?.via === 'session')
}

const boardOf = (req: FastifyRequest) => parseFilter(req.query, thisYear()).boardId

export function supportActivitiesRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/support-activities', READ, async (req, reply) => {
    const p = await listPage(deps, req.actor, parseFilter(req.query, thisYear()))
    return reply.page(<ListPage {...p} />)
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/support-activities.${format}`, READ, async (req, reply) => {
      const p = await listPage(deps, req.actor, parseFilter(req.query, thisYear()))
      const t = req.t
      return sendTable(
        reply,
        {
          sheet: t('supportActivities.export.sheet'),
          header: ['heldOn', 'kind', 'title', 'municipality', 'minutes', 'time', 'participants', 'description'].map((k) => t(`supportActivities.export.${k}`)),
          rows: p.rows.map((r) => [
            r.heldOn,
            t(`supportActivities.kinds.${r.kind}`),
            r.title,
            r.municipalityName ?? t('supportActivities.countyWide'),
            r.minutes,
            r.minutes === null ? '' : formatDuration(t, r.minutes),
            r.participants,
            r.description,
          ]),
        },
        format,
        `stodinsatser-${p.year}`,
      )
    })
  }

  app.get('/support-activities/new', WRITE, async (req, reply) => {
    const board = await checkWrite(deps, req.actor, boardOf(req))
    return reply.page(<ActivityFormPage board={board} municipalities={await municipalitiesOf(deps, board)} values={{}} />)
  })

  app.post('/support-activities/new', { config: { ...WRITE.config, form: ActivityInput } }, async (req, reply) => {
    // Who may write is decided before the form is read: a refused user learns nothing from field errors.
    const board = await checkWrite(deps, req.actor, boardOf(req))
    const page = { board, municipalities: await municipalitiesOf(deps, board) }
    const form = parseForm(ActivityInput, req.body, req.t)
    if (!form.ok) return reply.page(<ActivityFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      const activity = await createActivity(deps, ctxOf(req), board.id, form.data)
      reply.flash('success', 'supportActivities.flash.created', { title: activity.title })
      return reply.seeOther(listHref(board.id, activity.heldOn.slice(0, 4)))
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ActivityFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
  })

  app.get('/support-activities/:activityId/edit', WRITE, async (req, reply) => {
    const { activity, board } = await loadEditable(deps, req.actor, paramsOf(req).activityId)
    return reply.page(
      <ActivityFormPage board={board} activity={activity} municipalities={await municipalitiesOf(deps, board)} values={activityValues(activity)} />,
    )
  })

  app.post('/support-activities/:activityId/edit', { config: { ...WRITE.config, form: UpdateActivityInput } }, async (req, reply) => {
    const { activity, board } = await loadEditable(deps, req.actor, paramsOf(req).activityId)
    const page = { board, activity, municipalities: await municipalitiesOf(deps, board) }
    const form = parseForm(UpdateActivityInput, req.body, req.t)
    if (!form.ok) return reply.page(<ActivityFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      const after = await updateActivity(deps, ctxOf(req), activity.id, form.data)
      reply.flash('success', 'supportActivities.flash.saved', { title: after.title })
      return reply.seeOther(listHref(board.id, after.heldOn.slice(0, 4)))
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: what is stored is shown beside what the user wrote, which stays in the form, now aimed at the stored version.
        const current = err.current as SupportActivity
        return reply.page(
          <ActivityFormPage
            {...page}
            conflict={current}
            values={{ ...formValues(req.body), version: String(current.version) }}
            errors={[{ field: '', message: req.t('supportActivities.form.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ActivityFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
  })

  app.post('/support-activities/:activityId/delete', WRITE, async (req, reply) => {
    const removed = await removeActivity(deps, ctxOf(req), paramsOf(req).activityId)
    reply.flash('success', 'supportActivities.flash.deleted', { title: removed.title })
    return reply.seeOther(listHref(removed.organisationId, removed.heldOn.slice(0, 4)))
  })
}
