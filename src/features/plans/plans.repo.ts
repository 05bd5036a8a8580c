import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'
import { planItemLinks, planItems, plans } from './plans.tables.ts'

export type Plan = typeof plans.$inferSelect
export type PlanItem = typeof planItems.$inferSelect
export type NewPlan = typeof plans.$inferInsert
export type NewPlanItem = typeof planItems.$inferInsert

export async function findPlan(db: Db, id: string): Promise<Plan | undefined> {
  const [p] = await db.select().from(plans).where(eq(plans.id, id))
  return p
}

/** The plans a party owns or shares as the police area (newest period first). */
export async function listPlansOfParty(db: Db, organisationIds: readonly string[]): Promise<Plan[]> {
  if (organisationIds.length === 0) return []
  return db
    .select()
    .from(plans)
    .where(or(inArray(plans.organisationId, [...organisationIds]), inArray(plans.partnerOrganisationId, [...organisationIds])))
    .orderBy(sql`${plans.periodStart} desc`, asc(plans.kind), asc(plans.title))
}

export async function listPlansOfCollaboration(db: Db, collaborationId: string): Promise<Plan[]> {
  return db.select().from(plans).where(eq(plans.collaborationId, collaborationId)).orderBy(sql`${plans.periodStart} desc`, asc(plans.kind))
}

export async function listPlansOfKind(db: Db, kind: Plan['kind']): Promise<Plan[]> {
  return db.select().from(plans).where(eq(plans.kind, kind)).orderBy(sql`${plans.periodStart} desc`, asc(plans.title))
}

export async function insertPlan(db: Db, values: NewPlan): Promise<Plan> {
  const [p] = await db.insert(plans).values(values).returning()
  return p
}

export async function updatePlan(db: Db, id: string, version: number, values: Partial<NewPlan>): Promise<Plan | undefined> {
  const [p] = await db
    .update(plans)
    .set({ ...values, updatedAt: new Date(), version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning()
  return p
}

export async function listItems(db: Db, planId: string): Promise<PlanItem[]> {
  return db.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(asc(planItems.kind), asc(planItems.position), asc(planItems.createdAt))
}

export async function listItemsOfPlans(db: Db, planIds: readonly string[]): Promise<PlanItem[]> {
  if (planIds.length === 0) return []
  return db
    .select()
    .from(planItems)
    .where(inArray(planItems.planId, [...planIds]))
    .orderBy(asc(planItems.planId), asc(planItems.position))
}

export async function findItem(db: Db, id: string): Promise<PlanItem | undefined> {
  const [i] = await db.select().from(planItems).where(eq(planItems.id, id))
  return i
}

/** The next number within the plan and kind ("Orsak 3" after 1 and 2). */
export async function nextPosition(db: Db, planId: string, kind: PlanItem['kind']): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${planItems.position}), 0)::int + 1` })
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.kind, kind)))
  return Number(r.n)
}

export async function insertItem(db: Db, values: NewPlanItem): Promise<PlanItem> {
  const [i] = await db.insert(planItems).values(values).returning()
  return i
}

/**
 * Many new rows of one plan in one statement (an import): the rows travel as one JSON parameter, so
 * three hundred rows cost one round trip and no per-value binding. Returns the plan's rows with those
 * external ids.
 */
export async function insertItems(db: Db, planId: string, values: readonly Omit<NewPlanItem, 'planId'>[]): Promise<PlanItem[]> {
  if (values.length === 0) return []
  const rows = values.map((v) => ({
    kind: v.kind,
    parent_id: v.parentId ?? null,
    position: v.position,
    title: v.title,
    description: v.description ?? '',
    promisor: v.promisor ?? null,
    places: v.places ?? null,
    operative_goal: v.operativeGoal ?? null,
    starts_on: v.startsOn ?? null,
    ends_on: v.endsOn ?? null,
    responsible_organisation_id: v.responsibleOrganisationId ?? null,
    responsible_person: v.responsiblePerson ?? null,
    follow_up_method: v.followUpMethod ?? null,
    measure_type: v.measureType ?? null,
    measure_nature: v.measureNature ?? null,
    target_comparator: v.targetComparator ?? null,
    target_value: v.targetValue ?? null,
    target_unit: v.targetUnit ?? null,
    cadence: v.cadence ?? 'monthly',
    weight: v.weight ?? 1,
    external_id: v.externalId ?? null,
  }))
  await queryRows(
    db,
    sql`insert into plan_items (plan_id, kind, parent_id, position, title, description, promisor, places, operative_goal, starts_on, ends_on,
          responsible_organisation_id, responsible_person, follow_up_method, measure_type, measure_nature, target_comparator, target_value,
          target_unit, cadence, weight, external_id)
        select ${planId}::uuid, kind, parent_id, position, title, description, promisor, places, operative_goal, starts_on, ends_on,
          responsible_organisation_id, responsible_person, follow_up_method, measure_type, measure_nature, target_comparator, target_value,
          target_unit, cadence, weight, external_id
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(kind text, parent_id uuid, position integer, title text, description text,
          promisor text, places text, operative_goal text, starts_on date, ends_on date, responsible_organisation_id uuid, responsible_person text,
          follow_up_method text, measure_type text, measure_nature text, target_comparator text, target_value numeric, target_unit text,
          cadence text, weight integer, external_id text)`,
  )
  const ids = new Set(values.map((v) => v.externalId))
  return (await listItems(db, planId)).filter((i) => ids.has(i.externalId))
}

export async function updateItem(db: Db, id: string, version: number, values: Partial<NewPlanItem>): Promise<PlanItem | undefined> {
  const [i] = await db
    .update(planItems)
    .set({ ...values, updatedAt: new Date(), version: sql`${planItems.version} + 1` })
    .where(and(eq(planItems.id, id), eq(planItems.version, version)))
    .returning()
  return i
}

export async function listLinks(db: Db, itemIds: readonly string[]): Promise<{ itemId: string; linkedItemId: string }[]> {
  if (itemIds.length === 0) return []
  return db
    .select()
    .from(planItemLinks)
    .where(or(inArray(planItemLinks.itemId, [...itemIds]), inArray(planItemLinks.linkedItemId, [...itemIds])))
}

/** Replaces an item's outgoing links (a measure's causes, a promise's measures). */
export async function replaceLinks(db: Db, itemId: string, linkedIds: readonly string[]): Promise<void> {
  await db.delete(planItemLinks).where(eq(planItemLinks.itemId, itemId))
  if (linkedIds.length) await db.insert(planItemLinks).values(linkedIds.map((linkedItemId) => ({ itemId, linkedItemId })))
}

/**
 * An organisation and the units above it (LPO → polisområde → region → myndighet), so that the police's
 * editors at the polisområde work on the plans of the LPOs below them.
 */
export async function organisationWithAncestors(db: Db, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up(id, parent_id, depth) as (
      select ${organisations.id}, ${organisations.parentId}, 0 from ${organisations} where ${organisations.id} = ${organisationId}
      union all
      select o.id, o.parent_id, up.depth + 1 from organisations o join up on o.id = up.parent_id where up.depth < 10
    )
    select id from up`,
  )
  return rows.map((r) => r.id)
}

/** An organisation and every unit below it (a polisområde and its LPOs). */
export async function organisationWithDescendants(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return []
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive down(id, depth) as (
      select id, 0 from organisations where id in (${sql.join(
        organisationIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      union all
      select o.id, down.depth + 1 from organisations o join down on o.parent_id = down.id where down.depth < 10
    )
    select distinct id from down`,
  )
  return rows.map((r) => r.id)
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The party that owns a collaboration (its convening länsstyrelse). */
export async function collaborationOwner(db: Db, collaborationId: string): Promise<string | undefined> {
  const [c] = await db.select({ organisationId: collaborations.organisationId }).from(collaborations).where(eq(collaborations.id, collaborationId))
  return c?.organisationId
}

/**
 * Whether any of the actor's organisations belongs to the plan owner's county: lies in it, or is a
 * party of a collaboration of that county (Kriminalvården in ÖTMB). "Samverkans parter" means these.
 */
export async function sharesCounty(db: Db, actorOrgIds: readonly string[], ownerId: string): Promise<boolean> {
  if (actorOrgIds.length === 0) return false
  const ids = sql.join(
    actorOrgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const [r] = await queryRows<{ shares: boolean }>(
    db,
    sql`with owner as (select county_code from organisations where id = ${ownerId})
        select exists (select 1 from organisations o, owner where o.id in (${ids}) and o.county_code = owner.county_code)
            or exists (select 1 from collaboration_parties cp join collaborations c on c.id = cp.collaboration_id, owner
                       where cp.organisation_id in (${ids}) and c.county_code = owner.county_code) as shares`,
  )
  return !!r?.shares
}
