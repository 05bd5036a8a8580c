import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import pg from 'pg'
import { type TestDatabase, openTestDatabase } from '../../test-support/test-database.ts'
import { type Database, fromPool } from '../db/connection.ts'
import { Jobs } from './jobs.ts'

/**
 * Instances behind a load balancer start together on one PostgreSQL server. pg-boss creates each
 * queue in one statement that inserts the queue row and then alters the job table; two processes
 * creating the same queues at once deadlock there (seen in CI: the second instance exited with
 * 40P01). PGlite has one connection, so nothing can interleave there: this runs on PostgreSQL only.
 */
const onServer = !!process.env.TEST_DATABASE_URL
let testDb: TestDatabase
const others: Database[] = []

before(async () => {
  if (onServer) testDb = await openTestDatabase()
})

after(async () => {
  for (const d of others) await d.close()
  if (onServer) await testDb.drop()
})

function instance(database: Database, round: number): Jobs {
  const jobs = new Jobs(database, { logLevel: 'silent' })
  for (let i = 0; i < 15; i++) jobs.define(`test.round${round}.q${i}`, async () => {})
  return jobs
}

test('two processes starting the queue together on one server both start, with every queue once', { skip: !onServer && 'PostgreSQL server only' }, async () => {
  const url = testDb.database.pool!.options.connectionString!
  for (let round = 0; round < 4; round++) {
    const second = fromPool(new pg.Pool({ connectionString: url, max: 5 }))
    others.push(second)
    const a = instance(testDb.database, round)
    const b = instance(second, round)
    try {
      await Promise.all([a.start({ work: false }), b.start({ work: false })])
      assert.equal(a.started && b.started, true)
      const { rows } = await testDb.database.pool!.query(`select count(*)::int as n from pgboss.queue where name like $1`, [`test.round${round}.%`])
      assert.equal(rows[0].n, 15)
    } finally {
      await a.stop()
      await b.stop()
    }
  }
})
