import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { type TestDatabase, openTestDatabase } from '../../test-support/test-database.ts'
import type { Deps } from '../deps.ts'
import { STALE_TASK_MS, sweepStaleTasks } from './tasks.ts'
import { backgroundTasks } from './tasks.tables.ts'

let testDb: TestDatabase
before(async () => {
  testDb = await openTestDatabase()
})
after(() => testDb?.drop())

test('a task a dead process left running is ended as failed and its upload dropped; a live one and a finished one are left', async () => {
  const db = testDb.database.db
  const now = new Date()
  const longAgo = new Date(now.getTime() - STALE_TASK_MS - 60_000)
  const task = (status: 'queued' | 'running' | 'done', updatedAt: Date) => ({
    kind: 'survey.import',
    title: 'enkat.csv',
    createdBy: randomUUID(),
    status,
    input: Buffer.from('kommun;ar;kon\n0580;2025;kvinna\n'),
    updatedAt,
  })
  const [stale, queued, live, done] = await db
    .insert(backgroundTasks)
    .values([task('running', longAgo), task('queued', longAgo), task('running', new Date(now.getTime() - 60_000)), task('done', longAgo)])
    .returning({ id: backgroundTasks.id })

  assert.equal(await sweepStaleTasks({ db } as unknown as Deps, now), 2)
  const row = async (id: string) => (await db.select().from(backgroundTasks).where(eq(backgroundTasks.id, id)))[0]
  for (const { id } of [stale, queued]) {
    const r = await row(id)
    assert.equal(r.status, 'failed')
    assert.equal(r.input, null, 'the upload is gone')
    assert.deepEqual(r.problems, [{ key: 'tasks.problems.interrupted' }])
    assert.ok(r.finishedAt)
  }
  assert.equal((await row(live.id)).status, 'running', 'a task that moved a minute ago goes on')
  assert.ok((await row(live.id)).input)
  assert.equal((await row(done.id)).status, 'done')
  assert.equal(await sweepStaleTasks({ db } as unknown as Deps, now), 0, 'nothing twice')
})
