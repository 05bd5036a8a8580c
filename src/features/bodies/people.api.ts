import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { PersonInput } from './seats.schemas.ts'
import { createPerson, loadScopeForPeople } from './people.service.ts'
import { paramsOf } from '../../platform/http/params.ts'

const PersonResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  organisationId: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
})

/** POST /api/v1/collaborations/:id/people: the people page's create action over JSON. */
export function peopleApi(app: FastifyInstance, deps: Deps) {
  // Any authenticated client reaches the handler; the service decides (coordinator: any party, editor: their own).
  deps.policies.register('people.api.write', (a) => !!a)

  deps.api.route<unknown, PersonInput>(
    app,
    {
      method: 'POST',
      url: '/api/v1/collaborations/:id/people',
      policy: 'people.api.write',
      summary: 'Add a person of a party',
      description:
        'A person need not be a user. Coordinators add people of any party; an editor adds people of their own organisation. An organisation that is not a party gives 422.',
      tags: ['seats'],
      body: PersonInput,
      response: PersonResponse,
    },
    async (req, { body }) => {
      const scope = await loadScopeForPeople(deps.db, req.actor, paramsOf(req).id)
      const p = await createPerson(deps, { actor: req.actor!, requestId: req.id }, scope, body)
      return { id: p.id, name: p.name, title: p.title, organisationId: p.organisationId, email: p.email, phone: p.phone, version: p.version }
    },
  )
}
