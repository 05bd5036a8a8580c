import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { signatureTodos } from './todos.ts'
import { boardRoutes } from './board.routes.tsx'
import { declarationsRoutes } from './declarations.routes.tsx'
import { memoRoutes } from './memo.routes.tsx'
import { signaturesApi } from './signatures.api.ts'
import { signaturesRoutes } from './signatures.routes.tsx'

export { SIGNATURE_STATUSES, type SignatureStatus } from './declarations.tables.ts'
export { STATUS_COLOUR, STATUS_ORDER } from './signatures.workflow.ts'

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
  deps.policies.register('declarations.read', (a) => a?.via === 'session')
  deps.policies.register('declarations.write', (a) => a?.via === 'session')
  deps.policies.register('declarations.api', (a) => !!a)
  deps.todos.add('declarations', (actor) => signatureTodos(deps, actor))
  declarationsRoutes(app, deps)
  signaturesRoutes(app, deps)
  boardRoutes(app, deps)
  memoRoutes(app, deps)
  signaturesApi(app, deps)
}
