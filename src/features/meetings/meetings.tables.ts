import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { files } from '../../platform/files/files.tables.ts'
import { bodies, people, seats } from '../bodies/bodies.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

export const MEETING_KINDS = ['ordinary', 'extra', 'decision', 'workshop'] as const

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    kind: text('kind').$type<(typeof MEETING_KINDS)[number]>().notNull().default('ordinary'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    status: text('status').$type<'planned' | 'held' | 'cancelled'>().notNull().default('planned'),
    minutesText: text('minutes_text').notNull().default(''),
    /** Justering: once set, minutes, decisions and attendance are immutable. */
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedBy: text('minutes_approved_by'),
    /** Sent for justering: the justerare are chosen and the minutes wait for them; no edits meanwhile. */
    justeringRequestedAt: timestamp('justering_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('meetings_body_starts_idx').on(t.bodyId, t.startsAt),
    check('meetings_kind_check', sql`${t.kind} in ('ordinary','extra','decision','workshop')`),
    check('meetings_status_check', sql`${t.status} in ('planned','held','cancelled')`),
    check('meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
)

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter'),
    plannedMinutes: integer('planned_minutes'),
    fileId: uuid('file_id').references(() => files.id),
    /** An open action item carried from an earlier meeting. */
    actionItemId: uuid('action_item_id'),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
)

export const ATTENDANCE = ['present', 'absent', 'substitute_present'] as const

export const attendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => seats.id),
    status: text('status').$type<(typeof ATTENDANCE)[number]>().notNull(),
    substituteName: text('substitute_name'),
    /** Time contributed, in minutes (default the meeting's length). */
    minutesContributed: integer('minutes_contributed').notNull().default(0),
    recordedBy: uuid('recorded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_attendance_key').on(t.meetingId, t.seatId),
    check('meeting_attendance_status_check', sql`${t.status} in ('present','absent','substitute_present')`),
    check('meeting_attendance_minutes_check', sql`${t.minutesContributed} >= 0`),
  ],
)

/** Decisions in the minutes, numbered per body and year (§ 1, § 2 …). */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    year: integer('year').notNull(),
    paragraph: integer('paragraph').notNull(),
    title: text('title').notNull(),
    decisionText: text('decision_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_decisions_paragraph_key').on(t.bodyId, t.year, t.paragraph)],
)

export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerName: text('owner_name'),
    dueOn: date('due_on'),
    status: text('status').$type<'open' | 'in_progress' | 'done'>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('action_items_body_status_idx').on(t.bodyId, t.status), check('action_items_status_check', sql`${t.status} in ('open','in_progress','done')`)],
)

/** "Beslutet skickas till": who receives the minutes. */
export const meetingDistribution = pgTable(
  'meeting_distribution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    recipient: text('recipient').notNull(),
  },
  (t) => [index('meeting_distribution_meeting_idx').on(t.meetingId)],
)

export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => seats.id),
    email: text('email').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_invitations_key').on(t.meetingId, t.seatId)],
)

export const JUSTERING_METHODS = ['account', 'recorded'] as const

/**
 * The one or two justerare of a meeting's minutes, chosen among those present. Each confirms with
 * their own account (method 'account', user_id set) or the secretary records that they have justerat
 * on paper (method 'recorded', recorded_by set). The minutes lock when every justerare has confirmed.
 */
export const meetingJusterare = pgTable(
  'meeting_justerare',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => seats.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The name as it stands in the protocol (a substitute's own name when a substitute was present). */
    name: text('name').notNull(),
    position: integer('position').notNull(),
    method: text('method').$type<(typeof JUSTERING_METHODS)[number]>(),
    userId: uuid('user_id'),
    recordedBy: uuid('recorded_by'),
    justeradOn: date('justerad_on'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_justerare_key').on(t.meetingId, t.seatId),
    uniqueIndex('meeting_justerare_position_key').on(t.meetingId, t.position),
    check('meeting_justerare_position_check', sql`${t.position} in (1, 2)`),
    check('meeting_justerare_method_check', sql`${t.method} is null or ${t.method} in ('account','recorded')`),
    check('meeting_justerare_confirmed_check', sql`(${t.confirmedAt} is null) = (${t.method} is null)`),
  ],
)
