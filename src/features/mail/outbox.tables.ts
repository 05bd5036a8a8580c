import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Messages that were not sent because no SMTP_URL is set: kept here so that nothing is lost and an
 * administrator can read them (/admin/outbox). They hold e-mail addresses, so they are deleted after
 * OUTBOX_RETENTION_DAYS (outbox.job.ts). `job_id` is the mail.send job that wrote the row: a retried
 * job does not write it twice.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** The calendar invitation sent with the message, if any (iCalendar text). */
    ics: text('ics'),
    jobId: text('job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mail_outbox_job_key').on(t.jobId), index('mail_outbox_created_idx').on(t.createdAt)],
)
