import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { canEditForParty } from '../collaborations/index.ts'
import type { LoadedScope } from '../collaborations/index.ts'
import * as repo from './people.repo.ts'
import { createPerson, loadPerson, loadScopeForPeople, updatePerson } from './people.service.ts'
import { canAddForSomeParty } from './seats.policy.ts'
import { partyOptions } from './seats.forms.ts'
import { PersonInput, UpdatePersonInput } from './seats.schemas.ts'
import { PeopleListPage } from './views/people-list-page.tsx'
import { PersonFormPage } from './views/people-form-page.tsx'
import type { FormValues } from './views/seats-parts.tsx'
import { StalePage } from './views/seats-stale-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

const READ = { config: { policy: 'people.read' } }
const WRITE = { config: { policy: 'seats.write' } }

/** People of a collaboration's parties (/collaborations/:id/people …): partners read, owners edit. */
export function peopleRoutes(app: FastifyInstance, deps: Deps) {
  const ids = (req: FastifyRequest) => paramsOf(req)

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    scope: LoadedScope,
    form: { person?: repo.Person; values?: FormValues; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const organisations = await partyOptions(deps, req.actor, scope)
    return reply.page(<PersonFormPage collaborationId={scope.collaborationId} organisations={organisations} {...form} />, status)
  }

  app.get('/collaborations/:id/people', READ, async (req, reply) => {
    const scope = await loadScopeForPeople(deps.db, req.actor, ids(req).id)
    const rows = (await repo.listPeople(deps.db, scope.partyIds)).map((p) => ({ ...p, canEdit: canEditForParty(req.actor, scope, p.organisationId) }))
    return reply.page(
      <PeopleListPage collaborationId={scope.collaborationId} rows={sortBySv(rows, (r) => r.name)} canAdd={canAddForSomeParty(req.actor, scope)} />,
    )
  })

  app.get('/collaborations/:id/people/new', WRITE, async (req, reply) => {
    const scope = await loadScopeForPeople(deps.db, req.actor, ids(req).id)
    if (!canAddForSomeParty(req.actor, scope)) throw new ForbiddenError()
    return renderForm(req, reply, scope)
  })

  app.post('/collaborations/:id/people/new', { config: { ...WRITE.config, form: PersonInput } }, async (req, reply) => {
    const scope = await loadScopeForPeople(deps.db, req.actor, ids(req).id)
    // Refused before the form is read: a stranger gets 403, not the form's field errors.
    if (!canAddForSomeParty(req.actor, scope)) throw new ForbiddenError()
    const form = parseForm(PersonInput, req.body, req.t)
    if (!form.ok) return renderForm(req, reply, scope, { values: form.values, errors: form.errors }, 400)
    try {
      const person = await createPerson(deps, { actor: req.actor!, requestId: req.id }, scope, form.data)
      reply.flash('success', 'people.flash.created', { name: person.name })
    } catch (err) {
      const failed = formErrorOrThrow(err, req.t)
      return renderForm(req, reply, scope, { values: formValues(req.body), errors: failed.errors }, failed.status)
    }
    return reply.seeOther(`/collaborations/${scope.collaborationId}/people`)
  })

  app.get('/collaborations/:id/people/:personId/edit', WRITE, async (req, reply) => {
    const scope = await loadScopeForPeople(deps.db, req.actor, ids(req).id)
    const person = await loadPerson(deps.db, scope, ids(req).personId)
    if (!canEditForParty(req.actor, scope, person.organisationId)) throw new ForbiddenError()
    return renderForm(req, reply, scope, { person })
  })

  app.post('/collaborations/:id/people/:personId/edit', { config: { ...WRITE.config, form: UpdatePersonInput } }, async (req, reply) => {
    const scope = await loadScopeForPeople(deps.db, req.actor, ids(req).id)
    const person = await loadPerson(deps.db, scope, ids(req).personId)
    if (!canEditForParty(req.actor, scope, person.organisationId)) throw new ForbiddenError()
    const form = parseForm(UpdatePersonInput, req.body, req.t)
    if (!form.ok) return renderForm(req, reply, scope, { person, values: form.values, errors: form.errors }, 400)
    try {
      const after = await updatePerson(deps, { actor: req.actor!, requestId: req.id }, scope, person.id, form.data)
      reply.flash('success', 'people.flash.updated', { name: after.name })
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as repo.Person
        const names = new Map((await partyOptions(deps, req.actor, scope)).map((o) => [o.value, o.label]))
        const field = (key: string, yours: string | null | undefined, now: string | null | undefined) => ({
          label: req.t(key),
          yours: yours ?? '',
          current: now ?? '',
        })
        const rows = [
          field('people.fields.name', form.data.name, current.name),
          field('people.fields.title', form.data.title, current.title),
          field('people.fields.organisation', names.get(form.data.organisationId), names.get(current.organisationId)),
          field('people.fields.email', form.data.email, current.email),
          field('people.fields.phone', form.data.phone, current.phone),
        ]
        const back = `/collaborations/${scope.collaborationId}/people/${person.id}/edit`
        return reply.page(<StalePage title={req.t('people.stale.title')} rows={rows} backHref={back} backLabel={req.t('people.stale.back')} />, 409)
      }
      const failed = formErrorOrThrow(err, req.t)
      return renderForm(req, reply, scope, { person, values: formValues(req.body), errors: failed.errors }, failed.status)
    }
    return reply.seeOther(`/collaborations/${scope.collaborationId}/people`)
  })
}
