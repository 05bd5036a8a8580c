import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../organisations/organisations.tables.ts'

/** The kinds of local bodies a municipality's own model has (issue 6 D10). */
export const MUNICIPAL_BODY_KINDS = ['management_group', 'local_bra', 'safety_council', 'other'] as const
export type MunicipalBodyKind = (typeof MUNICIPAL_BODY_KINDS)[number]

/**
 * A municipality's own lednings- och samordningsmodell: one per municipality, written by the
 * municipality itself (decision 008). The samordningsfunktion is what Lag 2023:196 requires; the
 * fields are optional so a model can be started before it is named, and the page says it is missing.
 */
export const municipalModels = pgTable(
  'municipal_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    description: text('description').notNull().default(''),
    coordinationRole: text('coordination_role'),
    coordinationPerson: text('coordination_person'),
    coordinationSince: date('coordination_since'),
    /** Whether the page draws the organisation sketch (the list of bodies is always there). */
    showSketch: boolean('show_sketch').notNull().default(true),
    /** Demo-mode example data is labelled as such. */
    isExample: boolean('is_example').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('municipal_models_organisation_key').on(t.organisationId)],
)

/** A local body of the model: trygghetsråd, lokalt BRÅ, ledningsgrupp … with its people as roles, not accounts. */
export const municipalBodies = pgTable(
  'municipal_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => municipalModels.id),
    kind: text('kind').$type<MunicipalBodyKind>().notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    chair: text('chair'),
    members: text('members'),
    meetingRhythm: text('meeting_rhythm'),
    /** The local body it reports to, for the sketch. */
    parentId: uuid('parent_id').references((): any => municipalBodies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('municipal_bodies_model_idx').on(t.modelId),
    check('municipal_bodies_kind_check', sql`${t.kind} in ('management_group','local_bra','safety_council','other')`),
  ],
)
