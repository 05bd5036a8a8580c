import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { listOrganisations } from '../organisations/index.ts'
import { READ } from './collaborations.routes.tsx'
import { AddPartyInput } from './collaborations.schemas.ts'
import { isUuid } from './collaborations.scope.ts'
import { addParty, getManagedCollaboration, partiesForManagement, removeParty } from './collaborations.service.ts'
import { PartiesPage } from './views/parties-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

/** The coordinator's party administration: add an organisation, let a party leave. */
export function partiesRoutes(app: FastifyInstance, deps: Deps) {
  async function render(req: FastifyRequest, id: string, form: { values?: Record<string, string | string[]>; errors?: FieldError[] } = {}) {
    const ctx = await partiesForManagement(deps, req.actor, id)
    const current = new Set(ctx.parties.filter((p) => p.current).map((p) => p.organisationId))
    // Organisations valid today that are not current parties; a name shared by two gets its county.
    const orgs = (await listOrganisations(deps.db)).filter((o) => !current.has(o.id))
    const seen = new Map<string, number>()
    for (const o of orgs) seen.set(o.name, (seen.get(o.name) ?? 0) + 1)
    const options = sortBySv(
      orgs.map((o) => ({ value: o.id, label: seen.get(o.name)! > 1 && o.countyName ? `${o.name} (${o.countyName})` : o.name })),
      (o) => o.label,
    )
    return <PartiesPage collaboration={ctx.collaboration} parties={ctx.parties} organisations={options} {...form} />
  }

  app.get('/collaborations/:id/parties', READ, async (req, reply) => reply.page(await render(req, paramsOf(req).id)))

  app.post('/collaborations/:id/parties', { config: { ...READ.config, form: AddPartyInput } }, async (req, reply) => {
    const id = paramsOf(req).id
    // The policy check comes before validation: a refused user learns nothing from error messages.
    await getManagedCollaboration(deps, req.actor, id)
    const form = parseForm(AddPartyInput, req.body, req.t)
    if (!form.ok) return reply.page(await render(req, id, { values: form.values, errors: form.errors }), 400)
    try {
      const { organisation } = await addParty(deps, ctxOf(req), id, form.data)
      reply.flash('success', 'collaborations.parties.added', { name: organisation.name })
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(await render(req, id, { values: formValues(req.body), errors }), status)
    }
    return reply.seeOther(`/collaborations/${id}/parties`)
  })

  app.post('/collaborations/:id/parties/:partyId/remove', READ, async (req, reply) => {
    const id = paramsOf(req).id
    const { partyId } = paramsOf(req)
    if (!isUuid(partyId)) throw new NotFoundError()
    const removed = await removeParty(deps, ctxOf(req), id, partyId)
    if (removed) reply.flash('success', 'collaborations.parties.removed')
    else reply.flash('info', 'collaborations.parties.alreadyLeft')
    return reply.seeOther(`/collaborations/${id}/parties`)
  })
}
