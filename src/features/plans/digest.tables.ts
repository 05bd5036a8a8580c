import { date, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.tables.ts'

/**
 * The daily follow-up digests that were sent (issue 8 §11), one row per user and day (Swedish date).
 * The row is written in the same transaction that queues the mail, and the key makes a second row
 * impossible: two workers, or a rerun of the job, never send a user two digests in one day.
 */
export const digestLog = pgTable(
  'digest_log',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day').notNull(),
    /** How many items the digest listed. */
    items: integer('items').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'digest_log_pkey', columns: [t.userId, t.day] })],
)

/** Users who asked for no daily digest (/account/reminders); everyone else with a reporting role gets one. */
export const digestOptOuts = pgTable('digest_opt_outs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
