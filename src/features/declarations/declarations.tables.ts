import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
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
    signedAtMeetingId: uuid('signed_at_meeting_id'),
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
