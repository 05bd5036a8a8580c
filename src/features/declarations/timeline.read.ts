import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { collaborationScope, isPartner } from '../collaborations/index.ts'
import { declarationVersions, partySignatures } from './declarations.tables.ts'

export interface PartySigning {
  organisationId: string
  signedOn: string
  versionNo: number
}

/**
 * When each party signed the declaration (every version it signed), for the evaluation's timeline
 * (issue 10 §6). The declaration work is the partners' business (as on the signature board): anyone
 * else gets none.
 */
export async function signingsOfCollaboration(deps: Deps, actor: Actor | undefined, collaborationId: string): Promise<PartySigning[]> {
  const scope = await collaborationScope(deps.db, collaborationId)
  if (!scope || !isPartner(actor, scope)) return []
  const rows = await deps.db
    .select({ organisationId: partySignatures.organisationId, signedOn: partySignatures.signedOn, versionNo: declarationVersions.versionNo })
    .from(partySignatures)
    .innerJoin(declarationVersions, eq(declarationVersions.id, partySignatures.declarationVersionId))
    .where(and(eq(declarationVersions.collaborationId, collaborationId), eq(partySignatures.status, 'signed'), isNotNull(partySignatures.signedOn)))
    .orderBy(asc(partySignatures.signedOn))
  return rows.map((r) => ({ organisationId: r.organisationId, signedOn: r.signedOn!, versionNo: r.versionNo }))
}
