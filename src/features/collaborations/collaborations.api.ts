import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import type { CollaborationRow, PartyRow } from './collaborations.repo.ts'
import { BodyResponse, CollaborationDetailResponse, CollaborationResponse } from './collaborations.schemas.ts'
import { collaborationOverview, listCollaborationsFor } from './collaborations.service.ts'
import { paramsOf } from '../../platform/http/params.ts'

const collaborationJson = (c: CollaborationRow): z.infer<typeof CollaborationResponse> => ({
  id: c.id,
  code: c.code,
  name: c.name,
  shortName: c.shortName,
  countyCode: c.countyCode,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  purpose: c.purpose,
  ownerOrganisationId: c.organisationId,
  visibility: c.visibility,
  version: c.version,
})

const partyJson = (p: PartyRow) => ({
  organisationId: p.organisationId,
  code: p.code,
  name: p.name,
  kind: p.kind,
  isConvenor: p.isConvenor,
  joinedOn: p.joinedOn,
})

/** Read endpoints over the same services as the pages; a record the caller may not see is a 404. */
export function collaborationsApi(app: FastifyInstance, deps: Deps) {
  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/collaborations',
      policy: 'api.read',
      summary: 'List collaborations',
      description:
        'Collaborations visible to the caller (public ones, and those where the caller’s organisation is a party). Sorted by Swedish collation of the name.',
      tags: ['collaborations'],
      response: z.object({ items: z.array(CollaborationResponse) }),
    },
    async (req) => ({ items: (await listCollaborationsFor(deps, req.actor)).map(collaborationJson) }),
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/collaborations/:id',
      policy: 'api.read',
      summary: 'One collaboration with its current parties',
      tags: ['collaborations'],
      response: CollaborationDetailResponse,
    },
    async (req) => {
      const o = await collaborationOverview(deps, req.actor, paramsOf(req).id)
      return { ...collaborationJson(o.collaboration), parties: o.parties.map(partyJson) }
    },
  )

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/collaborations/:id/bodies',
      policy: 'api.read',
      summary: 'Bodies of a collaboration',
      description: 'Styrgrupp, beredningsgrupp, arbetsgrupper, nätverk … visible to the caller; parentBodyId is the reporting line.',
      tags: ['collaborations'],
      response: z.object({ items: z.array(BodyResponse) }),
    },
    async (req) => {
      const o = await collaborationOverview(deps, req.actor, paramsOf(req).id)
      return {
        items: o.bodies.map((b) => ({
          id: b.id,
          kind: b.kind,
          name: b.name,
          theme: b.theme,
          mandate: b.mandate,
          parentBodyId: b.parentBodyId,
          activeFrom: b.activeFrom,
          activeTo: b.activeTo,
          isExample: b.isExample,
          visibility: b.visibility,
          version: b.version,
        })),
      }
    },
  )
}
