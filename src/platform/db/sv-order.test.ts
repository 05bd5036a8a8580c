import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.ts'
import { queryRows } from './query-rows.ts'
import { containsPattern, svOrder } from './sv-order.ts'

let tdb: TestDatabase
before(async () => {
  tdb = await openTestDatabase()
})
after(() => tdb.drop())

test('the database sorts Swedish names with Å, Ä, Ö last, like Intl.Collator("sv")', async () => {
  const rows = await queryRows<{ name: string }>(
    tdb.database.db,
    sql`select name from municipalities where county_code = '05' order by ${svOrder(sql.raw('name'))}`,
  )
  const names = rows.map((r) => r.name)
  assert.deepEqual(names, [...names].sort(new Intl.Collator('sv').compare))
  assert.deepEqual(names.slice(-2), ['Åtvidaberg', 'Ödeshög'])
})

test('search text is matched literally', async () => {
  const rows = await queryRows<{ n: number }>(tdb.database.db, sql`select count(*)::int as n from municipalities where name ilike ${containsPattern('%')}`)
  assert.equal(rows[0].n, 0)
  assert.equal(containsPattern('a_b'), '%a\\_b%')
})
