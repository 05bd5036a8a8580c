import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { issuesToProblems } from '../../platform/forms/parse-form.ts'
import { sendProblem } from '../../platform/http/error-handler.tsx'
// The bodies feature's leaf modules, not its index: its index only exports what the pages of this
// feature read, and the write rules (parent in the collaboration, no reporting cycles) live in its service.
import type { Body } from '../bodies/index.ts'
import { BodyInput, UpdateBodyInput } from '../bodies/index.ts'
import { createBody, getBody, updateBody } from '../bodies/index.ts'
import { BODY_KINDS } from '../bodies/bodies.tables.ts'
import { AddPartyInput, BodyResponse, PartyResponse } from './collaborations.schemas.ts'
import { addParty } from './collaborations.service.ts'
import { VISIBILITIES } from './collaborations.tables.ts'
import { apiDate } from '../../platform/forms/dates.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { ctxOf } from '../../platform/http/ctx.ts'

const bodyJson = (b: Body): z.infer<typeof BodyResponse> => ({
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
})

/**
 * PATCH sends only the fields that change (null clears an optional one) and the version it was
 * made from. The merged record is then checked by the same schema as the edit form.
 */
const PatchBody = z.object({
  kind: z.enum(BODY_KINDS).optional(),
  name: z.string().optional(),
  theme: z.string().nullable().optional(),
  mandate: z.string().nullable().optional(),
  parentBodyId: z.uuid().nullable().optional(),
  activeFrom: apiDate().nullable().optional(),
  activeTo: apiDate().nullable().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  version: z.number().int().min(1),
})
type PatchBody = z.output<typeof PatchBody>
const EDITABLE = ['kind', 'name', 'theme', 'mandate', 'parentBodyId', 'activeFrom', 'activeTo', 'visibility'] as const

/** Writes to a collaboration's structure over JSON: the same services, rules and audit as the pages. */
export function collaborationsWriteApi(app: FastifyInstance, deps: Deps) {
  // Any authenticated client (session or token) reaches the handler; the services allow coordinators only.
  deps.policies.register('collaborations.api.write', (a) => !!a)
  const common = { policy: 'collaborations.api.write', tags: ['collaborations'] }

  deps.api.route<unknown, BodyInput>(
    app,
    {
      method: 'POST',
      url: '/api/v1/collaborations/:id/bodies',
      ...common,
      summary: 'Create a body in a collaboration',
      description: 'Coordinators of the owning länsstyrelse only. `parentBodyId` (the reporting line) must be a body of the same collaboration.',
      body: BodyInput,
      response: BodyResponse,
    },
    async (req, { body }) => bodyJson(await createBody(deps, ctxOf(req), paramsOf(req).id, body)),
  )

  deps.api.route<unknown, PatchBody>(
    app,
    {
      method: 'PATCH',
      url: '/api/v1/bodies/:bodyId',
      ...common,
      summary: 'Change a body',
      description:
        'Send the fields that change and the body’s current `version` (409 when stale). Coordinators only. A reporting line to the body itself or to a body below it is refused with 409 (errors[].path parentBodyId).',
      body: PatchBody,
      response: BodyResponse,
    },
    async (req, { body }, reply) => {
      const bodyId = paramsOf(req).bodyId
      const { body: current } = await getBody(deps, req.actor, bodyId)
      const merged: Record<string, unknown> = { version: body.version }
      for (const key of EDITABLE) merged[key] = (key in body ? body[key] : current[key]) ?? undefined
      const parsed = UpdateBodyInput.safeParse(merged)
      if (!parsed.success) return sendProblem(reply, 400, req.t('platform.errors.badRequestTitle'), { errors: issuesToProblems(parsed.error, req.t) })
      return bodyJson(await updateBody(deps, ctxOf(req), bodyId, parsed.data))
    },
  )

  deps.api.route<unknown, AddPartyInput>(
    app,
    {
      method: 'POST',
      url: '/api/v1/collaborations/:id/parties',
      ...common,
      summary: 'Add an organisation as a party',
      description: 'Coordinators only. An organisation that had left joins again; one that is already a party gives 409.',
      body: AddPartyInput,
      response: PartyResponse,
    },
    async (req, { body }) => {
      const { party, organisation } = await addParty(deps, ctxOf(req), paramsOf(req).id, body)
      return {
        organisationId: organisation.id,
        code: organisation.code,
        name: organisation.name,
        kind: organisation.kind,
        isConvenor: party.isConvenor,
        joinedOn: party.joinedOn,
      }
    },
  )
}
