import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { type TestDatabase, openTestDatabase } from '../../test-support/test-database.ts'
import { Jobs } from './jobs.ts'
import { deferred, eventually, within } from './testing.ts'

describe('jobs on pg-boss', () => {
  let testDb: TestDatabase
  let jobs: Jobs
  const received = deferred<{ data: unknown; id: string }>()
  let flakyCalls = 0
  let slowFinished = false
  const ticked = deferred<unknown>()

  before(async () => {
    testDb = await openTestDatabase()
    jobs = new Jobs(testDb.database, { pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1, logLevel: 'silent' })
    jobs.define('test.echo', async (data, job) => received.resolve({ data, id: job.id }))
    jobs.define(
      'test.flaky',
      async () => {
        flakyCalls++
        if (flakyCalls === 1) throw new Error('first attempt fails')
      },
      { retryLimit: 3, retryDelaySeconds: 1 },
    )
    jobs.define('test.slow', async () => {
      await sleep(700)
      slowFinished = true
    })
    jobs.define('test.nightly', async () => {})
    jobs.every('test.nightly', '0 3 * * *', { scope: 'all' })
    jobs.define('test.minutely', async (data) => ticked.resolve(data))
    jobs.every('test.minutely', '* * * * *', { tick: true })
  })

  after(async () => {
    await jobs.stop()
    await testDb.drop()
  })

  test('send before start is refused, and so is an undefined job', async () => {
    await assert.rejects(jobs.send('test.echo', {}), /not started/)
    assert.throws(() => jobs.define('test.echo', async () => {}), /already defined/)
  })

  test('a sent job runs its handler with the data', async () => {
    const t0 = Date.now()
    await jobs.start({ work: true })
    assert.equal(jobs.started, true)
    await assert.rejects(jobs.send('test.unknown', {}), /not defined/)
    const id = await jobs.send('test.echo', { hello: 'värld', n: 3 })
    assert.ok(id)
    const got = await within(received.promise, 'test.echo handler')
    assert.deepEqual(got, { data: { hello: 'värld', n: 3 }, id })
    const job = await eventually(async () => {
      const j = await jobs.getJob('test.echo', id)
      return j?.state === 'completed' && j
    }, 'test.echo completed')
    assert.equal(job.name, 'test.echo')
    console.log(`# start + first job: ${Date.now() - t0} ms (${testDb.database.kind})`)
  })

  test('a handler that throws is retried with backoff and then succeeds', async () => {
    const t0 = Date.now()
    const id = (await jobs.send('test.flaky', { x: 1 }))!
    const job = await eventually(async () => {
      const j = await jobs.getJob('test.flaky', id)
      return j?.state === 'completed' && j
    }, 'test.flaky completed after a retry')
    assert.equal(flakyCalls, 2)
    assert.ok(job.retryCount >= 1, `retryCount ${job.retryCount}`)
    // The queue's settings come from define(): 3 retries starting after 1 s, with backoff.
    const [queue] = (
      await testDb.database.query<{ retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
        'select retry_limit, retry_delay, retry_backoff from pgboss.queue where name = $1',
        ['test.flaky'],
      )
    ).rows
    assert.deepEqual({ ...queue }, { retry_limit: 3, retry_delay: 1, retry_backoff: true })
    console.log(`# failure + retry: ${Date.now() - t0} ms`)
  })

  test('schedules are registered in Europe/Stockholm time, and a due one runs', async () => {
    const { rows } = await testDb.database.query<{ name: string; cron: string; timezone: string; data: unknown }>(
      'select name, cron, timezone, data from pgboss.schedule order by name',
    )
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [
        { name: 'test.minutely', cron: '* * * * *', timezone: 'Europe/Stockholm', data: { tick: true } },
        { name: 'test.nightly', cron: '0 3 * * *', timezone: 'Europe/Stockholm', data: { scope: 'all' } },
      ],
    )
    // Every-minute cron is always due: pg-boss's clock queues it through its internal send-it queue.
    assert.deepEqual(await within(ticked.promise, 'the every-minute schedule ran'), { tick: true })
  })

  test('a job sent within a transaction exists only if the transaction commits', async () => {
    const db = testDb.database.db
    const kept = await db.transaction((tx) => jobs.send('test.nightly', { n: 1 }, { within: tx }))
    assert.ok(kept)
    let dropped: string | null = null
    await assert.rejects(
      db.transaction(async (tx) => {
        dropped = await jobs.send('test.nightly', { n: 2 }, { within: tx })
        throw new Error('roll back')
      }),
      /roll back/,
    )
    assert.ok(dropped, 'pg-boss gave the job an id inside the transaction')
    const { rows } = await testDb.database.query<{ id: string }>('select id from pgboss.job where id = any($1::uuid[])', [[kept, dropped]])
    assert.deepEqual(
      rows.map((r) => r.id),
      [kept],
    )
  })

  test('stop lets a running handler finish, completes its job and does not hang', async () => {
    const id = (await jobs.send('test.slow', {}))!
    await eventually(async () => (await jobs.getJob('test.slow', id))?.state === 'active', 'test.slow active')
    const t0 = Date.now()
    await jobs.stop()
    const took = Date.now() - t0
    assert.equal(slowFinished, true)
    assert.equal(jobs.started, false)
    assert.ok(took < 4000, `stop took ${took} ms`)
    const { rows } = await testDb.database.query<{ state: string }>('select state from pgboss.job where id = $1', [id])
    assert.equal(rows[0]?.state, 'completed')
    // The database is still usable by the app after pg-boss has let go of it.
    assert.equal((await testDb.database.query<{ one: number }>('select 1 as one')).rows[0].one, 1)
    console.log(`# stop with a running handler: ${took} ms`)
  })

  test('a schedule no longer in the code is removed at the next start, and a job queued at start is sent', async () => {
    const next = new Jobs(testDb.database, { logLevel: 'silent' })
    next.define('test.nightly', async () => {})
    next.every('test.nightly', '30 4 * * *')
    next.queueAtStart('test.nightly', { atStart: true })
    await next.start({ work: true })
    try {
      const queued = await testDb.database.query('select 1 from pgboss.job where name = $1 and data @> $2::jsonb', ['test.nightly', '{"atStart":true}'])
      assert.equal(queued.rows.length, 1)
      const { rows } = await testDb.database.query<{ name: string; cron: string }>('select name, cron from pgboss.schedule')
      assert.deepEqual(
        rows.map((r) => ({ ...r })),
        [{ name: 'test.nightly', cron: '30 4 * * *' }],
      )
    } finally {
      await next.stop()
    }
  })
})
