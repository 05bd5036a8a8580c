import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { ORGANISATION_KINDS } from '../organisations/organisations.tables.ts'
import { loadBoard } from './board.service.ts'
import { BoardResponse, SignatureResponse, StepBody, type StepInput } from './declarations.schemas.ts'
import { SIGNATURE_STATUSES } from './declarations.tables.ts'
import type { SignatureRow } from './signatures.repo.ts'
import { loadSignature, recordStep } from './signatures.service.ts'
import { paramsOf } from '../../platform/http/params.ts'

const BoardApiQuery = z.object({
  status: z.enum(SIGNATURE_STATUSES).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
})

const toResponse = (s: SignatureRow, nextSteps: string[]) => ({
  id: s.id,
  declarationVersionId: s.declarationVersionId,
  organisation: { id: s.organisationId, name: s.organisationName, kind: s.organisationKind },
  status: s.status,
  invitedOn: s.invitedOn,
  caseNumber: s.caseNumber,
  responsibleOfficial: s.responsibleOfficial,
  memoDate: s.memoDate,
  decisionBody: s.decisionBody,
  decisionDate: s.decisionDate,
  decisionParagraph: s.decisionParagraph,
  decisionLines: s.decisionLines,
  signerName: s.signerName,
  signerTitle: s.signerTitle,
  signedOn: s.signedOn,
  signedAtEventId: s.signedAtEventId,
  reason: s.reason,
  version: s.version,
  nextSteps,
})

/** The signature workflow over JSON: the same services, policies and rules as the pages. */
export function signaturesApi(app: FastifyInstance, deps: Deps) {
  // Any authenticated caller reaches the handlers; the services decide per collaboration and party.
  const common = { policy: 'declarations.api', tags: ['signatures'] }

  deps.api.route<z.output<typeof BoardApiQuery>>(
    app,
    {
      method: 'GET',
      url: '/api/v1/collaborations/:id/signatures',
      ...common,
      summary: 'Signature status of every party on the newest declaration version',
      description: 'Partners of the collaboration only. Filter by status and by party kind.',
      query: BoardApiQuery,
      response: BoardResponse,
    },
    async (req, { query }) => {
      const b = await loadBoard(deps, req.actor, paramsOf(req).id, { ...query, sort: 'party', dir: 'asc' })
      return {
        collaboration: { id: b.collaboration.id, name: b.collaboration.name },
        declarationVersion: b.version ? { id: b.version.id, versionNo: b.version.versionNo, title: b.version.title } : null,
        parties: b.rows.map((r) => ({
          organisationId: r.organisationId,
          name: r.name,
          kind: r.kind,
          signatureId: r.signatureId,
          status: r.status,
          invitedOn: r.invitedOn,
          decisionDate: r.decisionDate,
          signedOn: r.signedOn,
        })),
      }
    },
  )

  deps.api.route(
    app,
    { method: 'GET', url: '/api/v1/signatures/:id', ...common, summary: "One party's decision and signature record", response: SignatureResponse },
    async (req) => {
      const s = await loadSignature(deps, req.actor, paramsOf(req).id)
      return toResponse(s.signature, s.nextSteps)
    },
  )

  deps.api.route<unknown, StepInput>(
    app,
    {
      method: 'POST',
      url: '/api/v1/signatures/:id/steps',
      ...common,
      summary: 'Take the next step of the workflow (or correct the current one)',
      description:
        "invited → in_preparation → decided → signed, or declined / withdrawn with a reason. Send the record's `version`; a stale one gives 409. Coordinators for any party, editors for their own. Date rules (no future dates, signature not before the decision) give 400 with `errors[].path`.",
      body: StepBody,
      response: SignatureResponse,
    },
    async (req, { body }) => {
      const id = paramsOf(req).id
      await recordStep(deps, { actor: req.actor!, requestId: req.id }, id, body)
      const s = await loadSignature(deps, req.actor, id)
      return toResponse(s.signature, s.nextSteps)
    },
  )
}
