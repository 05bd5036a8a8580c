import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { type Visibility, collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

export const BODY_KINDS = ['steering', 'preparation', 'working_group', 'network', 'local_council', 'other'] as const
export type BodyKind = (typeof BODY_KINDS)[number]
export const SEAT_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'adjunct'] as const
/** Förtroendevald (e.g. kommunstyrelsens ordförande), chef/ledningsnivå, tjänsteperson (handläggare). */
export const SEAT_LEVELS = ['elected', 'chief', 'official'] as const
export const SEAT_MEMBERSHIPS = ['ordinary', 'substitute'] as const

/** Styrgrupp, beredningsgrupp, arbetsgrupper, nätverk: with mandate and reporting line. */
export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    kind: text('kind').$type<BodyKind>().notNull(),
    name: text('name').notNull(),
    theme: text('theme'),
    mandate: text('mandate').notNull().default(''),
    parentBodyId: uuid('parent_body_id').references((): any => bodies.id),
    activeFrom: date('active_from'),
    activeTo: date('active_to'),
    /** Demo-mode example working groups are labelled as such. */
    isExample: boolean('is_example').notNull().default(false),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    visibility: text('visibility').$type<Visibility>().notNull().default('public'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('bodies_collaboration_idx').on(t.collaborationId),
    check('bodies_kind_check', sql`${t.kind} in ('steering','preparation','working_group','network','local_council','other')`),
    check('bodies_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('bodies_active_check', sql`${t.activeTo} is null or ${t.activeFrom} is null or ${t.activeTo} >= ${t.activeFrom}`),
  ],
)

/** A person who sits in bodies; need not be a user, and a seat never grants access. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    title: text('title'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('people_organisation_idx').on(t.organisationId)],
)

export const seats = pgTable(
  'seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The party this person represents in the body. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<(typeof SEAT_ROLES)[number]>().notNull().default('member'),
    level: text('level').$type<(typeof SEAT_LEVELS)[number]>().notNull(),
    membership: text('membership').$type<(typeof SEAT_MEMBERSHIPS)[number]>().notNull().default('ordinary'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** Chief-level seats are public by default, others visible to partners only. */
    visibility: text('visibility').$type<Visibility>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('seats_body_idx').on(t.bodyId),
    index('seats_person_idx').on(t.personId),
    index('seats_organisation_idx').on(t.organisationId),
    check('seats_role_check', sql`${t.role} in ('chair','vice_chair','secretary','member','adjunct')`),
    check('seats_level_check', sql`${t.level} in ('elected','chief','official')`),
    check('seats_membership_check', sql`${t.membership} in ('ordinary','substitute')`),
    check('seats_visibility_check', sql`${t.visibility} in ('public','partners','organisation')`),
    check('seats_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
)

/**
 * Who convened a body, period by period (issue 6 B7): Regbrå has existed since 2010 and Länsstyrelsen
 * has convened it since 2017, so the convenor is history, not a property of the body. A time the
 * table says nothing about is shown as "uppgift saknas" rather than guessed. Periods of one body
 * never overlap (checked in the service, under a lock on the body row).
 */
export const bodyConvenors = pgTable(
  'body_convenors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('body_convenors_body_idx').on(t.bodyId), check('body_convenors_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`)],
)
