import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { files } from '../../platform/files/files.tables.ts'
import { collaborations } from '../collaborations/collaborations.tables.ts'
import { organisations } from '../organisations/organisations.tables.ts'

/** Versions of the programme declaration; a version becomes immutable once any party has decided on it. */
export const declarationVersions = pgTable(
  'declaration_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    bodyText: text('body_text').notNull().default(''),
    fileId: uuid('file_id').references(() => files.id),
    adoptedOn: date('adopted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('declaration_versions_key').on(t.collaborationId, t.versionNo)],
)

export const SIGNATURE_STATUSES = ['invited', 'in_preparation', 'decided', 'signed', 'declined', 'withdrawn'] as const
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number]

/** One party's decision and signature on one declaration version: a workflow whose steps are dated. */
export const partySignatures = pgTable(
  'party_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationVersionId: uuid('declaration_version_id')
      .notNull()
      .references(() => declarationVersions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').$type<SignatureStatus>().notNull().default('invited'),
    invitedOn: date('invited_on'),
    caseNumber: text('case_number'),
    responsibleOfficial: text('responsible_official'),
    memoDate: date('memo_date'),
    decisionBody: text('decision_body'),
    decisionDate: date('decision_date'),
    decisionParagraph: text('decision_paragraph'),
    decisionLines: jsonb('decision_lines').$type<string[]>().notNull().default([]),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    signedOn: date('signed_on'),
    /** Older records only: a body meeting. New records point at the joint signing (signedAtEventId). */
    signedAtMeetingId: uuid('signed_at_meeting_id'),
    /** Signed at the collaboration's joint signing (gemensamt undertecknande). */
    signedAtEventId: uuid('signed_at_event_id').references((): any => jointEvents.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('party_signatures_key').on(t.declarationVersionId, t.organisationId),
    check('party_signatures_status_check', sql`${t.status} in ('invited','in_preparation','decided','signed','declined','withdrawn')`),
    check('party_signatures_signed_after_decision', sql`${t.signedOn} is null or ${t.decisionDate} is null or ${t.signedOn} >= ${t.decisionDate}`),
  ],
)

export const signatureAttachments = pgTable(
  'signature_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partySignatureId: uuid('party_signature_id')
      .notNull()
      .references(() => partySignatures.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signature_attachments_signature_idx').on(t.partySignatureId)],
)

/** The last values of a party's tjänsteskrivelse form, kept for the next draft. */
export const memoDrafts = pgTable(
  'memo_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partySignatureId: uuid('party_signature_id')
      .notNull()
      .references(() => partySignatures.id),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memo_drafts_signature_key').on(t.partySignatureId)],
)

export const JOINT_EVENT_KINDS = ['decision_meeting', 'signing'] as const
export type JointEventKind = (typeof JOINT_EVENT_KINDS)[number]
export const JOINT_EVENT_ANSWERS = ['no_answer', 'attends', 'declines'] as const
export type JointEventAnswer = (typeof JOINT_EVENT_ANSWERS)[number]

/**
 * The collaboration's own events around the declaration: the joint decision meeting (gemensamt
 * beslutsmöte) and the joint signing (gemensamt undertecknande). They belong to the collaboration,
 * not to a body, so they are not meetings of the meetings feature.
 */
export const jointEvents = pgTable(
  'joint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    kind: text('kind').$type<JointEventKind>().notNull(),
    eventDate: date('event_date').notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    place: text('place').notNull().default(''),
    /** Who each party is asked to send unless its own row says otherwise. */
    invitedLevel: text('invited_level').notNull().default(''),
    note: text('note').notNull().default(''),
    invitationFileId: uuid('invitation_file_id').references(() => files.id),
    /** The owning party (the collaboration's owner): who may change it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One event of a kind per day and collaboration: also what makes the demo load idempotent.
    uniqueIndex('joint_events_key').on(t.collaborationId, t.kind, t.eventDate),
    check('joint_events_kind_check', sql`${t.kind} in ('decision_meeting','signing')`),
    check('joint_events_time_check', sql`${t.endTime} is null or ${t.startTime} is null or ${t.endTime} > ${t.startTime}`),
  ],
)

/** A party invited to a joint event: the level it is asked to send and its answer. */
export const jointEventParties = pgTable(
  'joint_event_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jointEventId: uuid('joint_event_id')
      .notNull()
      .references(() => jointEvents.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invitedLevel: text('invited_level'),
    answer: text('answer').$type<JointEventAnswer>().notNull().default('no_answer'),
    /** Who attends, as the party answered (names or roles). */
    attendees: text('attendees').notNull().default(''),
    answeredOn: date('answered_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('joint_event_parties_key').on(t.jointEventId, t.organisationId),
    check('joint_event_parties_answer_check', sql`${t.answer} in ('no_answer','attends','declines')`),
  ],
)
