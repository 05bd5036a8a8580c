import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { signatureTodos } from './todos.ts'
import { boardRoutes } from './board.routes.tsx'
import { declarationsRoutes } from './declarations.routes.tsx'
import { jointEventsRoutes } from './joint-events.routes.tsx'
import { memoRoutes } from './memo.routes.tsx'
import { signaturesApi } from './signatures.api.ts'
import { signaturesRoutes } from './signatures.routes.tsx'

export { SIGNATURE_STATUSES, type SignatureStatus } from './declarations.tables.ts'
export { STATUS_COLOUR, STATUS_ORDER } from './signatures.workflow.ts'
export { type SignatureFact, signatureFacts } from './report-facts.read.ts'
export { JOINT_EVENT_ANSWERS, JOINT_EVENT_KINDS, type JointEventAnswer, type JointEventKind } from './declarations.tables.ts'
/** Seed helper: a joint decision meeting or joint signing with the parties' answers (idempotent); returns its id. */
export { recordJointEvent, type JointEventSeed } from './joint-events.service.ts'
/** Other features (local agreements, medborgarlöften) add paragraphs to the memo's Bakgrund for a municipality. */
export { registerMemoBackground, type MemoBackgroundSource, memoDefaults } from './memo.service.ts'
export { upsertMemoDraft, findMemoDraft } from './signatures.repo.ts'
/** The evaluation's timeline (issue 10 §6): when each party signed, for partners only. */
export { type PartySigning, signingsOfCollaboration } from './timeline.read.ts'
export const jointEventsHref = (collaborationId: string) => `/collaborations/${collaborationId}/joint-events`

/** Where other features link to: the declaration and the status board of a collaboration. */
export const declarationHref = (collaborationId: string) => `/collaborations/${collaborationId}/declaration`
export const signatureBoardHref = (collaborationId: string) => `/collaborations/${collaborationId}/signatures`

/**
 * The programme declaration (versions), each party's decision and signature (a dated, audited
 * workflow with attachments), the status board with its CSV, and the tjänsteskrivelse generator.
 * Route policies only require a signed-in user (or any API actor); who may see or change what inside
 * a collaboration is decided in the services with collaborations.policy.ts.
 */
export async function declarations(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions({
    'declaration.version_created': 'declarations.audit.versionCreated',
    'declaration.version_updated': 'declarations.audit.versionUpdated',
    'memo.draft_saved': 'declarations.audit.memoDraftSaved',
    'signature.step': 'declarations.audit.signatureStep',
    'signature.attachment_added': 'declarations.audit.signatureAttachmentAdded',
    'signature.invited': 'declarations.audit.signatureInvited',
  })
  for (const action of ['created', 'updated', 'answer_recorded', 'signatures_linked'])
    deps.auditLabels.actions({ [`joint_event.${action}`]: `declarations.audit.jointEvent.${action}` })
  deps.auditLabels.entities({
    declaration_version: 'declarations.audit.versionEntity',
    party_signature: 'declarations.audit.signatureEntity',
    joint_event: 'declarations.audit.jointEventEntity',
  })
  deps.policies.register('declarations.read', (a) => a?.via === 'session')
  deps.policies.register('declarations.write', (a) => a?.via === 'session')
  deps.policies.register('declarations.api', (a) => !!a)
  deps.todos.add('declarations', (actor) => signatureTodos(deps, actor))
  declarationsRoutes(app, deps)
  signaturesRoutes(app, deps)
  boardRoutes(app, deps)
  memoRoutes(app, deps)
  jointEventsRoutes(app, deps)
  signaturesApi(app, deps)
}
