import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.ts'
import { formatIsoDate } from '../i18n/format.ts'
import { queryRows } from './query-rows.ts'
import { stockholmToday } from './today.ts'

let tdb: TestDatabase
before(async () => {
  tdb = await openTestDatabase()
})
after(() => tdb.drop())

test("the database's 'today' is the Swedish date, whatever the session time zone", async () => {
  const rows = await tdb.database.db.transaction(async (tx) => {
    // A zone 14 hours ahead of UTC: current_date is then tomorrow for most of the Swedish day.
    await tx.execute(sql`set local time zone 'Pacific/Kiritimati'`)
    return queryRows<{ today: string }>(tx, sql`select ${stockholmToday}::text as today`)
  })
  assert.equal(rows[0].today, formatIsoDate(new Date()))
})
