import { sql } from 'drizzle-orm'
import { char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/** Sweden's 21 counties (län), keyed by their two-digit code. */
export const counties = pgTable('counties', {
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
})

/** Sweden's 290 municipalities (kommuner), keyed by their four-digit kommunkod. */
export const municipalities = pgTable(
  'municipalities',
  {
    code: char('code', { length: 4 }).primaryKey(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    name: text('name').notNull(),
    population: integer('population'),
    populationYear: integer('population_year'),
  },
  (t) => [index('municipalities_county_idx').on(t.countyCode)],
)

export const ORGANISATION_KINDS = ['county_board', 'police', 'municipality', 'region', 'state_agency', 'municipal_federation', 'university', 'other'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

/**
 * Every party a user can belong to: länsstyrelser, police units (a tree: myndighet → polisområde → LPO),
 * municipalities, regions, state agencies, kommunalförbund, lärosäten and others. `code` is a stable external key (kommunkod, a short slug) so
 * reference loads are idempotent; validity dates record reorganisations instead of deleting history.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    parentId: uuid('parent_id').references((): any => organisations.id),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    municipalityCode: char('municipality_code', { length: 4 }).references(() => municipalities.code),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_code_key').on(t.code),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_county_idx').on(t.countyCode),
    check(
      'organisations_kind_check',
      sql`${t.kind} in ('county_board','police','municipality','region','state_agency','municipal_federation','university','other')`,
    ),
    check('organisations_validity_check', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
)

/** Which lokalpolisområde covers a municipality, over time (the assignment can change). */
export const municipalityPoliceAreas = pgTable(
  'municipality_police_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: char('municipality_code', { length: 4 })
      .notNull()
      .references(() => municipalities.code),
    policeAreaId: uuid('police_area_id')
      .notNull()
      .references(() => organisations.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [uniqueIndex('municipality_police_areas_key').on(t.municipalityCode, t.validFrom)],
)
