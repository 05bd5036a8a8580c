import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import type { Plan } from './plans.repo.ts'
import { plans } from './plans.tables.ts'

/**
 * What the public may see of plans (issue 8 §12): medborgarlöften with visibility public that are in
 * force (adopted or published). The condition is in the query, so no page can forget it.
 */
const isPublicPromise = and(eq(plans.kind, 'citizen_promise'), eq(plans.visibility, 'public'), inArray(plans.status, ['adopted', 'published']))

/** Every public medborgarlöfte, newest period first. */
export async function listPublicPromises(db: Db): Promise<Plan[]> {
  return db.select().from(plans).where(isPublicPromise).orderBy(desc(plans.periodStart), asc(plans.title))
}

export async function findPublicPromise(db: Db, id: string): Promise<Plan | undefined> {
  const [p] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), isPublicPromise))
  return p
}

/** A municipality's public medborgarlöften, newest period first (the history of a page). */
export async function listPublicPromisesOf(db: Db, organisationId: string): Promise<Plan[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), isPublicPromise))
    .orderBy(desc(plans.periodStart), asc(plans.title))
}
