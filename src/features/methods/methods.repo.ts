import { and, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { methodContacts, methods, planItemMethods } from './methods.tables.ts'

export type Method = typeof methods.$inferSelect
export type NewMethod = typeof methods.$inferInsert
export type MethodContact = typeof methodContacts.$inferSelect

/** A method with how many municipalities use it and how many measures apply it. */
export type MethodRow = Method & { contactCount: number; measureCount: number }

export async function findMethod(db: Db, id: string): Promise<Method | undefined> {
  const [m] = await db.select().from(methods).where(eq(methods.id, id))
  return m
}

/**
 * The library as a viewer sees it, visibility in the query: every curated method, and the others
 * only when `allNonCurated` (curators) or when they belong to one of `ownOrganisations`.
 */
export async function listMethods(db: Db, opts: { allNonCurated: boolean; ownOrganisations: readonly string[] }): Promise<MethodRow[]> {
  const own = opts.ownOrganisations.length ? inArray(methods.organisationId, [...opts.ownOrganisations]) : sql`false`
  const visible = opts.allNonCurated ? sql`true` : or(eq(methods.status, 'curated'), own)
  return db
    .select({
      ...getTableColumns(methods),
      contactCount: sql<number>`(select count(*)::int from method_contacts c where c.method_id = ${methods.id})`,
      measureCount: sql<number>`(select count(*)::int from plan_item_methods l where l.method_id = ${methods.id})`,
    })
    .from(methods)
    .where(visible)
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [r] = await db.select({ id: methods.id }).from(methods).where(eq(methods.slug, slug))
  return !!r
}

export async function insertMethod(db: Db, values: NewMethod): Promise<Method> {
  const [m] = await db.insert(methods).values(values).returning()
  return m
}

/** Updates the row at the version the user saw; none when someone saved first. */
export async function updateMethod(db: Db, id: string, version: number, values: Partial<NewMethod>): Promise<Method | undefined> {
  const [m] = await db
    .update(methods)
    .set({ ...values, updatedAt: new Date(), version: sql`${methods.version} + 1` })
    .where(and(eq(methods.id, id), eq(methods.version, version)))
    .returning()
  return m
}

/** The municipalities that use a method, with their names. */
export async function listContacts(db: Db, methodId: string) {
  return db
    .select({
      organisationId: methodContacts.organisationId,
      organisationName: organisations.name,
      countyCode: organisations.countyCode,
      municipalityCode: organisations.municipalityCode,
      contact: methodContacts.contact,
      sinceYear: methodContacts.sinceYear,
    })
    .from(methodContacts)
    .innerJoin(organisations, eq(organisations.id, methodContacts.organisationId))
    .where(eq(methodContacts.methodId, methodId))
}
export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number]

export async function insertContact(db: Db, values: typeof methodContacts.$inferInsert): Promise<MethodContact | undefined> {
  const [c] = await db.insert(methodContacts).values(values).onConflictDoNothing().returning()
  return c
}

export async function deleteContact(db: Db, methodId: string, organisationId: string): Promise<MethodContact | undefined> {
  const [c] = await db
    .delete(methodContacts)
    .where(and(eq(methodContacts.methodId, methodId), eq(methodContacts.organisationId, organisationId)))
    .returning()
  return c
}

export async function linkedItemIds(db: Db, methodId: string): Promise<string[]> {
  const rows = await db.select({ id: planItemMethods.planItemId }).from(planItemMethods).where(eq(planItemMethods.methodId, methodId))
  return rows.map((r) => r.id)
}

/** The methods these plan rows apply, each with the row it is linked to. */
export async function methodsOfItems(db: Db, itemIds: readonly string[]): Promise<{ planItemId: string; method: Method }[]> {
  if (itemIds.length === 0) return []
  return db
    .select({ planItemId: planItemMethods.planItemId, method: getTableColumns(methods) })
    .from(planItemMethods)
    .innerJoin(methods, eq(methods.id, planItemMethods.methodId))
    .where(inArray(planItemMethods.planItemId, [...itemIds]))
}

/** The plan rows linked to any of these methods. */
export async function linksOfMethods(db: Db, methodIds: readonly string[]): Promise<{ methodId: string; planItemId: string }[]> {
  if (methodIds.length === 0) return []
  return db
    .select({ methodId: planItemMethods.methodId, planItemId: planItemMethods.planItemId })
    .from(planItemMethods)
    .where(inArray(planItemMethods.methodId, [...methodIds]))
}

export async function curatedMethods(db: Db): Promise<Method[]> {
  return db.select().from(methods).where(eq(methods.status, 'curated'))
}

export async function insertLink(db: Db, methodId: string, planItemId: string): Promise<boolean> {
  const rows = await db.insert(planItemMethods).values({ methodId, planItemId }).onConflictDoNothing().returning()
  return rows.length > 0
}

export async function deleteLink(db: Db, methodId: string, planItemId: string): Promise<boolean> {
  const rows = await db
    .delete(planItemMethods)
    .where(and(eq(planItemMethods.methodId, methodId), eq(planItemMethods.planItemId, planItemId)))
    .returning()
  return rows.length > 0
}

/** A party's name, county and kind. */
export async function findParty(db: Db, id: string) {
  const [o] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, countyCode: organisations.countyCode })
    .from(organisations)
    .where(eq(organisations.id, id))
  return o
}

/** The municipalities of the given counties (all of them when `all`), for the contacts form. */
export async function municipalitiesIn(db: Db, countyCodes: readonly string[], ids: readonly string[], all = false) {
  const where = all
    ? eq(organisations.kind, 'municipality')
    : and(
        eq(organisations.kind, 'municipality'),
        or(
          countyCodes.length ? inArray(organisations.countyCode, [...countyCodes]) : sql`false`,
          ids.length ? inArray(organisations.id, [...ids]) : sql`false`,
        ),
      )
  return db.select({ id: organisations.id, name: organisations.name, countyCode: organisations.countyCode }).from(organisations).where(where)
}

/** The counties the actor coordinates for (county boards) and the municipalities where they edit. */
export async function actorScope(db: Db, coordinatorOrgs: readonly string[], editorOrgs: readonly string[]) {
  const list = (ids: readonly string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )
  const coordinatorOf = coordinatorOrgs.length
    ? await queryRows<{ code: string }>(
        db,
        sql`select county_code as code from organisations where id in (${list(coordinatorOrgs)}) and kind = 'county_board' and county_code is not null`,
      )
    : []
  const municipalities = editorOrgs.length
    ? await queryRows<{ id: string }>(db, sql`select id from organisations where id in (${list(editorOrgs)}) and kind = 'municipality'`)
    : []
  return { coordinatorOf: coordinatorOf.map((r) => r.code.trim()), municipalities: municipalities.map((r) => r.id) }
}
