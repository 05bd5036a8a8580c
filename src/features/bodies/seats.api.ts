import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import * as repo from './seats.repo.ts'
import { AddSeatBody, EndSeatBody, SeatResponse } from './seats.schemas.ts'
import { type SeatStatus, addSeat, endSeat, listBodySeats, seatStatus } from './seats.service.ts'
import { paramsOf } from '../../platform/http/params.ts'

const toResponse = (s: repo.SeatRow, status: SeatStatus): z.infer<typeof SeatResponse> => ({
  id: s.id,
  bodyId: s.bodyId,
  person: { id: s.personId, name: s.personName, title: s.personTitle, organisationId: s.personOrganisationId },
  organisationId: s.organisationId,
  organisationName: s.organisationName,
  role: s.role,
  level: s.level,
  membership: s.membership,
  validFrom: s.validFrom,
  validTo: s.validTo,
  status,
  visibility: s.visibility,
  version: s.version,
})

/** GET/POST /api/v1/bodies/:bodyId/seats and POST /api/v1/seats/:seatId/end, over the same service as the pages. */
export function seatsApi(app: FastifyInstance, deps: Deps) {
  // Any authenticated client (session or token) may try; the service decides per seat (canEditSeat).
  deps.policies.register('seats.api.write', (a) => !!a)

  deps.api.route(
    app,
    {
      method: 'GET',
      url: '/api/v1/bodies/:bodyId/seats',
      policy: 'api.read',
      summary: 'Seats of a body',
      description:
        'Partners of the collaboration see every seat; other clients see only seats whose visibility is public. Sorted by the person’s name (Swedish order).',
      tags: ['seats'],
      response: z.object({ items: z.array(SeatResponse) }),
    },
    async (req) => {
      const { rows } = await listBodySeats(deps, req.actor, paramsOf(req).bodyId)
      return { items: rows.sort((a, b) => compareSv(a.personName, b.personName)).map((r) => toResponse(r, r.status)) }
    },
  )

  deps.api.route<unknown, z.infer<typeof AddSeatBody>>(
    app,
    {
      method: 'POST',
      url: '/api/v1/bodies/:bodyId/seats',
      policy: 'seats.api.write',
      summary: 'Add a seat to a body',
      description:
        'Coordinators add any seat; an editor adds seats where both the party represented and the person belong to their own organisation. A seat overlapping another seat of the same person in the same body is refused with 409.',
      tags: ['seats'],
      body: AddSeatBody,
      response: SeatResponse,
    },
    async (req, { body }) => {
      const seat = await addSeat(deps, { actor: req.actor!, requestId: req.id }, paramsOf(req).bodyId, body)
      const row = (await repo.findSeatRow(deps.db, seat.id))!
      return toResponse(row, seatStatus(row))
    },
  )

  deps.api.route<unknown, z.infer<typeof EndSeatBody>>(
    app,
    {
      method: 'POST',
      url: '/api/v1/seats/:seatId/end',
      policy: 'seats.api.write',
      summary: 'End a seat',
      description: '`endedOn` is the seat’s last day; `version` must be the current version (409 otherwise).',
      tags: ['seats'],
      body: EndSeatBody,
      response: SeatResponse,
    },
    async (req, { body }) => {
      const seatId = paramsOf(req).seatId
      const seat = await endSeat(deps, { actor: req.actor!, requestId: req.id }, seatId, body)
      const row = (await repo.findSeatRow(deps.db, seat.id))!
      return toResponse(row, seatStatus(row))
    },
  )
}
