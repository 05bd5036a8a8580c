import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'
import { planItems } from '../plans/plans.tables.ts'

export const METHOD_STATUSES = ['proposed', 'curated', 'declined'] as const
export type MethodStatus = (typeof METHOD_STATUSES)[number]

/** What is known of a method's effect, in words a coordinator can stand behind. */
export const EFFECT_LEVELS = ['documented', 'promising', 'mixed', 'unknown', 'none'] as const
export type EffectLevel = (typeof EFFECT_LEVELS)[number]

/** The fishbone's legs (Brå): a method addresses causes on the victim's, the offender's or the place's side. */
export const CAUSE_SIDES = ['victim', 'offender', 'place'] as const
export type CauseSide = (typeof CAUSE_SIDES)[number]

/**
 * A method or measure in the library (issue 10 §3): EST, CTC, trygghetsvandring, grannsamverkan,
 * SSPF … Länsstyrelsen curates; a municipality proposes (status 'proposed' until curated).
 */
export const methods = pgTable(
  'methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    /** Problem types it addresses, as free labels ("skadegörelse", "otrygghet i offentlig miljö"). */
    problemTypes: text('problem_types').array().notNull().default(sql`'{}'::text[]`),
    causeSides: text('cause_sides').array().$type<CauseSide[]>().notNull().default(sql`'{}'::text[]`),
    effectLevel: text('effect_level').$type<EffectLevel>().notNull().default('unknown'),
    effectText: text('effect_text').notNull().default(''),
    source: text('source').notNull().default(''),
    sourceUrl: text('source_url'),
    status: text('status').$type<MethodStatus>().notNull().default('proposed'),
    /** The party that proposed it (a municipality) or curates it (Länsstyrelsen). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('methods_slug_key').on(t.slug),
    check('methods_status_check', sql`${t.status} in ('proposed','curated','declined')`),
    check('methods_effect_check', sql`${t.effectLevel} in ('documented','promising','mixed','unknown','none')`),
    check('methods_sides_check', sql`${t.causeSides} <@ array['victim','offender','place']::text[]`),
  ],
)

/** A municipality that uses a method and may be asked about it: the contact is a role, not a person's account. */
export const methodContacts = pgTable(
  'method_contacts',
  {
    methodId: uuid('method_id')
      .notNull()
      .references(() => methods.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    contact: text('contact').notNull().default(''),
    sinceYear: integer('since_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.methodId, t.organisationId] })],
)

/** A measure of an åtgärdsplan that applies a method: the link that lets others see how it went. */
export const planItemMethods = pgTable(
  'plan_item_methods',
  {
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    methodId: uuid('method_id')
      .notNull()
      .references(() => methods.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planItemId, t.methodId] }), index('plan_item_methods_method_idx').on(t.methodId)],
)
