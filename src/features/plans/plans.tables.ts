import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

/**
 * The plans of issue 8: the collaboration's county strategy and yearly verksamhetsplan, and each
 * municipality's samverkansöverenskommelse (SÖ) with the police, åtgärdsplan and medborgarlöfte (ML).
 */
export const PLAN_KINDS = ['county_strategy', 'operational_plan', 'local_agreement', 'action_plan', 'citizen_promise'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]

/** Kinds written by the collaboration's coordinators; the others belong to a municipality (and its police area). */
export const COUNTY_PLAN_KINDS: readonly PlanKind[] = ['county_strategy', 'operational_plan']

/** Plans a municipality shares with its police area: both parties' editors write them. */
export const SHARED_KINDS: readonly PlanKind[] = ['local_agreement', 'action_plan', 'citizen_promise']

export const PLAN_STATUSES = ['draft', 'adopted', 'published'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** A signatory of an SÖ or ML: the KSO and the LPO chief, each with the date they signed. */
export interface PlanSignatory {
  role: string
  name: string
  signedOn?: string
}

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PlanKind>().notNull(),
    /** The collaboration a county strategy or verksamhetsplan belongs to; local plans may name it too. */
    collaborationId: uuid('collaboration_id').references(() => collaborations.id),
    /** The owning party: Länsstyrelsen for county plans, the municipality for local ones. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The police area that shares an SÖ, åtgärdsplan or ML with the municipality. */
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** What an ML rests on: medborgardialog, reported crime, EST, surveys. */
    basis: text('basis').notNull().default(''),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    adoptedBy: text('adopted_by'),
    adoptedOn: date('adopted_on'),
    adoptedParagraph: text('adopted_paragraph'),
    signatories: jsonb('signatories').$type<PlanSignatory[]>().notNull().default([]),
    /** Days after a period's end when its follow-up entry is due (issue 8: default 10). */
    dueDays: integer('due_days').notNull().default(10),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    visibility: text('visibility').$type<'public' | 'partners' | 'organisation'>().notNull().default('partners'),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('plans_organisation_idx').on(t.organisationId),
    index('plans_partner_idx').on(t.partnerOrganisationId),
    index('plans_collaboration_idx').on(t.collaborationId),
    check('plans_kind_check', sql`${t.kind} in ('county_strategy','operational_plan','local_agreement','action_plan','citizen_promise')`),
    check('plans_status_check', sql`${t.status} in ('draft','adopted','published')`),
    check('plans_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('plans_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('plans_due_days_check', sql`${t.dueDays} between 0 and 90`),
  ],
)

export const PLAN_ITEM_KINDS = ['goal', 'focus_area', 'activity', 'problem', 'cause', 'measure', 'promise'] as const
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number]
/** Items that are carried out and therefore followed up period by period. */
export const FOLLOWED_UP_KINDS: readonly PlanItemKind[] = ['activity', 'measure', 'promise']

export const CADENCES = ['monthly', 'quarterly', 'tertial', 'half_year'] as const
export type Cadence = (typeof CADENCES)[number]

export const PROMISORS = ['police', 'municipality', 'joint'] as const
export type Promisor = (typeof PROMISORS)[number]

/**
 * One row of a plan: a goal or focus area, an activity of the verksamhetsplan, a problem and its
 * numbered causes, a measure (Brå's columns), or a promise of an ML. `position` numbers them within
 * their kind ("Orsak 2").
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    kind: text('kind').$type<PlanItemKind>().notNull(),
    /** A cause's problem; an activity's goal. */
    parentId: uuid('parent_id').references((): any => planItems.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    promisor: text('promisor').$type<Promisor>(),
    places: text('places'),
    operativeGoal: text('operative_goal'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id),
    responsiblePerson: text('responsible_person'),
    followUpMethod: text('follow_up_method'),
    measureType: text('measure_type').$type<'situational' | 'social'>(),
    measureNature: text('measure_nature').$type<'one_off' | 'ordinary'>(),
    targetComparator: text('target_comparator').$type<'at_least' | 'exactly' | 'at_most'>(),
    targetValue: numeric('target_value', { precision: 12, scale: 2, mode: 'number' }),
    targetUnit: text('target_unit'),
    cadence: text('cadence').$type<Cadence>().notNull().default('monthly'),
    /** Weight in the parent's progress (shown, so anyone can recompute it). */
    weight: integer('weight').notNull().default(1),
    /** A stable id from an imported file, so a re-import updates instead of duplicating. */
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('plan_items_plan_idx').on(t.planId),
    uniqueIndex('plan_items_external_key').on(t.planId, t.externalId),
    check('plan_items_kind_check', sql`${t.kind} in ('goal','focus_area','activity','problem','cause','measure','promise')`),
    check('plan_items_cadence_check', sql`${t.cadence} in ('monthly','quarterly','tertial','half_year')`),
    check('plan_items_promisor_check', sql`${t.promisor} is null or ${t.promisor} in ('police','municipality','joint')`),
    check('plan_items_measure_type_check', sql`${t.measureType} is null or ${t.measureType} in ('situational','social')`),
    check('plan_items_measure_nature_check', sql`${t.measureNature} is null or ${t.measureNature} in ('one_off','ordinary')`),
    check('plan_items_target_check', sql`${t.targetComparator} is null or ${t.targetComparator} in ('at_least','exactly','at_most')`),
    check('plan_items_weight_check', sql`${t.weight} between 1 and 100`),
    check('plan_items_dates_check', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
)

/** Links between items: a measure addresses causes; a promise rests on measures; an activity serves a goal. */
export const planItemLinks = pgTable(
  'plan_item_links',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    linkedItemId: uuid('linked_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.linkedItemId] }), index('plan_item_links_linked_idx').on(t.linkedItemId)],
)
