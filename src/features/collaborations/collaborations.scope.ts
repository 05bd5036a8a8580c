import { and, eq } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { bodies } from '../bodies/bodies.tables.ts'
import type { CollaborationScope } from './collaborations.policy.ts'
import { collaborationParties, collaborations } from './collaborations.tables.ts'
import { isCurrentParty } from './collaborations.visibility.ts'

export interface LoadedScope extends CollaborationScope {
  collaborationId: string
}

/**
 * The owner and current parties of a collaboration: what every policy check in issue 3 needs. A party
 * that has left (left_on passed) is no longer a partner.
 */
export async function collaborationScope(db: Db, collaborationId: string): Promise<LoadedScope | undefined> {
  const [c] = await db
    .select({ id: collaborations.id, organisationId: collaborations.organisationId })
    .from(collaborations)
    .where(eq(collaborations.id, collaborationId))
  if (!c) return undefined
  const parties = await db
    .select({ organisationId: collaborationParties.organisationId })
    .from(collaborationParties)
    .where(and(eq(collaborationParties.collaborationId, c.id), isCurrentParty(collaborationParties.leftOn)))
  return { collaborationId: c.id, organisationId: c.organisationId, partyIds: parties.map((p) => p.organisationId) }
}

/** The scope of the collaboration a body belongs to. */
export async function scopeOfBody(db: Db, bodyId: string): Promise<LoadedScope | undefined> {
  const [b] = await db.select({ collaborationId: bodies.collaborationId }).from(bodies).where(eq(bodies.id, bodyId))
  return b ? collaborationScope(db, b.collaborationId) : undefined
}

export const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
