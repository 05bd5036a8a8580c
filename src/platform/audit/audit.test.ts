import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.ts'
import { queryRows } from '../db/query-rows.ts'
import type { Db } from '../db/types.ts'
import { GENESIS_HASH, audit } from './audit.ts'
import { verifyAuditChain } from './verify.ts'

// Integration tests on a real database: PGlite by default, the PostgreSQL server with TEST_DATABASE_URL.
let t: TestDatabase
let db: Db
before(async () => {
  t = await openTestDatabase()
  db = t.database.db
  // A table of our own stands for "the change" that an audit event accompanies.
  await db.execute(sql`create table audit_test_things (id serial primary key, name text not null)`)
})
after(() => t.drop())

const ctx = { actor: { label: 'test' }, requestId: 'req-test' }

/** One change and its audit event in one transaction, the way every service writes. */
const change = (name: string, entry: Partial<Parameters<typeof audit>[2]> = {}) =>
  db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number }>(tx, sql`insert into audit_test_things (name) values (${name}) returning id`)
    await audit(tx, ctx, { action: 'thing.created', entityType: 'thing', entityId: String(row.id), after: { name }, ...entry })
  })

const count = async (table: 'audit_events' | 'audit_test_things') =>
  Number((await queryRows<{ n: string }>(db, sql`select count(*)::text as n from ${sql.identifier(table)}`))[0].n)

/** The raw driver error (drizzle wraps it), with the SQLSTATE code the trigger raises. */
async function refused(statement: string) {
  await assert.rejects(t.database.query(statement), (err: { code?: string; message?: string }) => {
    assert.equal(err.code, '42501', `${statement} → ${err.code} ${err.message}`)
    assert.match(err.message ?? '', /append-only/)
    return true
  })
}

describe('audit trail', () => {
  test('the database refuses UPDATE, DELETE and TRUNCATE of audit events', async () => {
    await change('first')
    const before = await count('audit_events')
    await refused(`update audit_events set action = 'forged'`)
    await refused(`update audit_events set after = '{"name":"x"}' where seq = (select max(seq) from audit_events)`)
    await refused('delete from audit_events')
    await refused('truncate audit_events')
    assert.equal(await count('audit_events'), before)
    assert.deepEqual(await verifyAuditChain(db), { ok: true, count: before })
  })

  test('the chain verifies after many events, each pointing at the one before', async () => {
    for (let i = 0; i < 60; i++) await change(`thing ${i}`, { before: i % 2 ? { n: i } : undefined })
    const result = await verifyAuditChain(db, 7)
    assert.equal(result.ok, true)
    const rows = await queryRows<{ prev_hash: string; hash: string }>(db, sql`select prev_hash, hash from audit_events order by seq`)
    assert.equal(result.count, rows.length)
    assert.equal(rows[0].prev_hash, GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i].prev_hash, rows[i - 1].hash)
  })

  test('canonical JSON sorts keys at every depth, so nested objects verify whatever order jsonb keeps', async () => {
    await change('nested', { before: { z: [{ y: 1, x: 2 }], a: null }, after: { b: 1, a: { d: 1, c: 2 } } })
    const [row] = await queryRows<{ payload: string }>(db, sql`select payload from audit_events order by seq desc limit 1`)
    assert.match(row.payload, /"after":\{"a":\{"c":2,"d":1\},"b":1\}/)
    assert.match(row.payload, /"before":\{"a":null,"z":\[\{"x":2,"y":1\}\]\}/)
    assert.equal((await verifyAuditChain(db)).ok, true)
  })

  test('an audit written in a transaction that then fails is rolled back together with the change', async () => {
    const events = await count('audit_events')
    const things = await count('audit_test_things')
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into audit_test_things (name) values ('doomed')`)
        await audit(tx, ctx, { action: 'thing.created', entityType: 'thing', after: { name: 'doomed' } })
        throw new Error('boom')
      }),
      /boom/,
    )
    assert.equal(await count('audit_events'), events)
    assert.equal(await count('audit_test_things'), things)
    const doomed = await queryRows(db, sql`select 1 from audit_events where after->>'name' = 'doomed'`)
    assert.equal(doomed.length, 0)
    // The next event chains onto the last committed one, not onto the rolled-back one.
    await change('after rollback')
    assert.equal((await verifyAuditChain(db)).ok, true)
  })

  test('concurrent writers (4 × 25 transactions) append one chain without forks', async () => {
    const start = await count('audit_events')
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++) await change(`w${w}-${i}`, { action: 'thing.concurrent' })
    }
    await Promise.all([0, 1, 2, 3].map(writer))
    const rows = await queryRows<{ prev_hash: string }>(db, sql`select prev_hash from audit_events where action = 'thing.concurrent'`)
    assert.equal(rows.length, 100)
    assert.equal(await count('audit_events'), start + 100)
    const all = await queryRows<{ n: string; d: string }>(db, sql`select count(*)::text as n, count(distinct prev_hash)::text as d from audit_events`)
    assert.equal(all[0].d, all[0].n, 'no two events share a predecessor (no fork)')
    assert.deepEqual(await verifyAuditChain(db), { ok: true, count: start + 100 })
  })

  // Last: it leaves the chain broken on purpose.
  test('tampering with a stored event is detected at that event', async () => {
    const [victim] = await queryRows<{ seq: string }>(db, sql`select seq::text from audit_events where action = 'thing.created' order by seq limit 1 offset 3`)
    const seq = Number(victim.seq)
    // Only the table owner can do this: the trigger stops everyone else, and the check catches the owner.
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`)
    try {
      await db.execute(sql`update audit_events set after = '{"name":"forged"}' where seq = ${seq}`)
    } finally {
      await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`)
    }
    const result = await verifyAuditChain(db)
    assert.equal(result.ok, false)
    assert.equal(result.ok === false && result.seq, seq)
    assert.equal(result.ok === false && result.reason, 'columns differ from the hashed payload')
    await refused(`update audit_events set after = null where seq = ${seq}`)
  })
})
