import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { people } from './bodies.tables.ts'

export type Person = typeof people.$inferSelect
export type PersonRow = Person & { organisationName: string }

export async function findPerson(db: Db, id: string): Promise<Person | undefined> {
  const [p] = await db.select().from(people).where(eq(people.id, id))
  return p
}

/**
 * Locks the person's row until the transaction ends. Every seat change for this person takes the
 * same lock first, so two concurrent requests cannot both pass the overlap check.
 */
export async function lockPerson(tx: Db, id: string): Promise<Person | undefined> {
  const [p] = await tx.select().from(people).where(eq(people.id, id)).for('update')
  return p
}

/** People of the given organisations (a collaboration's parties), with their organisation's name. */
export async function listPeople(db: Db, organisationIds: readonly string[]): Promise<PersonRow[]> {
  if (organisationIds.length === 0) return []
  return db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      organisationId: people.organisationId,
      organisationName: organisations.name,
      email: people.email,
      phone: people.phone,
      createdAt: people.createdAt,
      updatedAt: people.updatedAt,
      version: people.version,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(inArray(people.organisationId, [...organisationIds]))
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert): Promise<Person> {
  const [p] = await db.insert(people).values(values).returning()
  return p
}

/** Optimistic locking: undefined when the version is no longer current (or the person is gone). */
export async function updatePerson(
  db: Db,
  id: string,
  version: number,
  values: Pick<typeof people.$inferInsert, 'name' | 'title' | 'organisationId' | 'email' | 'phone'>,
): Promise<Person | undefined> {
  const [p] = await db
    .update(people)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning()
  return p
}
