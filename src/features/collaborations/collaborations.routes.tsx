import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import type { Collaboration } from './collaborations.repo.ts'
import { UpdateCollaborationInput } from './collaborations.schemas.ts'
import { collaborationOverview, getManagedCollaboration, listCollaborationsFor, updateCollaboration } from './collaborations.service.ts'
import { CollaborationEditPage, collaborationValues } from './views/collaboration-edit-page.tsx'
import { CollaborationPage } from './views/collaboration-page.tsx'
import { CollaborationsListPage } from './views/collaborations-list-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { changeCacheOf } from '../../platform/db/change-cache.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { viewerOf } from './collaborations.visibility.ts'

export const READ = { config: { policy: 'collaboration.read' } }

/** List, overview and the coordinator's edit page of a collaboration. */
export function collaborationsRoutes(app: FastifyInstance, deps: Deps) {
  // The list changes with the work tables (collaborations, parties) and the organisations' names; per
  // viewer (what they may see) and per day (a party counts until the day it leaves).
  const lists = changeCacheOf(deps, 'collaborations-list', (change) => change.kind !== 'user')
  app.get('/collaborations', READ, async (req, reply) => {
    const key = `${formatIsoDate(new Date())}|${JSON.stringify(viewerOf(req.actor))}`
    return reply.page(<CollaborationsListPage rows={await lists.get(key, () => listCollaborationsFor(deps, req.actor))} />)
  })

  app.get('/collaborations/:id', READ, async (req, reply) => {
    const overview = await collaborationOverview(deps, req.actor, paramsOf(req).id)
    return reply.page(<CollaborationPage {...overview} />)
  })

  app.get('/collaborations/:id/edit', READ, async (req, reply) => {
    const { collaboration } = await getManagedCollaboration(deps, req.actor, paramsOf(req).id)
    return reply.page(<CollaborationEditPage collaboration={collaboration} values={collaborationValues(collaboration)} />)
  })

  app.post('/collaborations/:id/edit', { config: { ...READ.config, form: UpdateCollaborationInput } }, async (req, reply) => {
    const id = paramsOf(req).id
    // The policy check comes before validation: a refused user learns nothing from error messages.
    const { collaboration } = await getManagedCollaboration(deps, req.actor, id)
    const form = parseForm(UpdateCollaborationInput, req.body, req.t)
    if (!form.ok) return reply.page(<CollaborationEditPage collaboration={collaboration} values={form.values} errors={form.errors} />, 400)
    try {
      await updateCollaboration(deps, ctxOf(req), id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as Collaboration
        // The user's text stays in the form; the hidden version becomes the current one, so saving
        // again is a deliberate choice made after seeing what the other person saved.
        const values = { ...formValues(req.body), version: String(current.version) }
        return reply.page(<CollaborationEditPage collaboration={collaboration} values={values} current={current} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<CollaborationEditPage collaboration={collaboration} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'collaborations.edit.saved', { name: form.data.shortName })
    return reply.seeOther(`/collaborations/${id}`)
  })
}
