import { sql } from 'drizzle-orm'

/**
 * Today's date in Sweden, computed by the database. `current_date` follows the session's time zone
 * (UTC on our servers), which would make "today" end at 01:00 or 02:00 Swedish time.
 */
export const stockholmToday = sql`(now() at time zone 'Europe/Stockholm')::date`
