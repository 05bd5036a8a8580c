import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { eventually } from '../../platform/jobs/testing.ts'
import { buildTestApp } from '../../test-support/test-app.ts'
import { sendMail } from './index.ts'

/** The real app as `npm start` runs it: workers inside the web process (PGlite unless TEST_DATABASE_URL). */
describe('the web app with its workers started', () => {
  test('serves requests while the workers poll, delivers a mail job and closes quickly', async () => {
    const t0 = Date.now()
    const { app, deps, close } = await buildTestApp()
    await deps.jobs.start({ work: true })
    const booted = Date.now() - t0
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'GET', url: '/healthz' })
      assert.equal(res.statusCode, 200)
      await sleep(300)
    }
    // The mail feature's job is defined by its plugin; without SMTP_URL it is written to the log.
    const id = (await sendMail(deps, { to: 'mottagare@example.se', subject: 'Hej', text: 'Ett meddelande' }))!
    await eventually(async () => (await deps.jobs.getJob('mail.send', id))?.state === 'completed', 'mail.send completed')
    const t1 = Date.now()
    await close()
    const closing = Date.now() - t1
    assert.ok(closing < 4000, `close took ${closing} ms`)
    console.log(`# app boot + jobs start: ${booted} ms, close: ${closing} ms (${deps.database.kind})`)
  })
})
