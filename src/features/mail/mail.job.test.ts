import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import nodemailer from 'nodemailer'
import { loadConfig } from '../../config.ts'
import { Jobs } from '../../platform/jobs/jobs.ts'
import { eventually } from '../../platform/jobs/testing.ts'
import { type TestDatabase, openTestDatabase } from '../../test-support/test-database.ts'
import { MAIL_JOB, createMailJob, sendMail } from './mail.job.ts'
import { mailOutbox } from './outbox.tables.ts'

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:1@tillsammans',
  'SUMMARY:Samverkansmöte',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n')

describe('the mail.send job', () => {
  let testDb: TestDatabase
  let jobs: Jobs
  const config = loadConfig({ LOG_LEVEL: 'silent', MAIL_FROM: 'Tillsammans <noreply@example.se>', TILLSAMMANS_DATA_DIR: '/nonexistent' })
  // nodemailer's own JSON transport (what runs without SMTP_URL) behind a spy that keeps what it built.
  const sent: any[] = []
  const logged: { obj: any; msg: string }[] = []

  before(async () => {
    testDb = await openTestDatabase()
    jobs = new Jobs(testDb.database, { pollingIntervalSeconds: 0.5, logLevel: 'silent' })
    const log = { info: (obj: object, msg: string) => logged.push({ obj, msg }), warn() {}, error() {} }
    createMailJob(
      { config, jobs, db: testDb.database.db },
      {
        log,
        transport: () => {
          const json = nodemailer.createTransport({ jsonTransport: true })
          return { sendMail: async (m) => sent.push(JSON.parse((await json.sendMail(m)).message)) }
        },
      },
    )
    await jobs.start({ work: true })
  })

  after(async () => {
    await jobs.stop()
    await testDb.drop()
  })

  test('a message is sent from MAIL_FROM, with a calendar invitation, and logged without SMTP_URL', async () => {
    const id = (await sendMail({ jobs }, { to: 'anna@example.se', subject: 'Möte', text: 'Välkommen på möte.', ics: ICS }))!
    await eventually(async () => (await jobs.getJob(MAIL_JOB, id))?.state === 'completed', 'mail job completed')
    assert.equal(sent.length, 1)
    const [m] = sent
    assert.equal(m.from.address, 'noreply@example.se')
    assert.deepEqual(m.to, [{ address: 'anna@example.se', name: '' }])
    assert.equal(m.subject, 'Möte')
    assert.equal(m.text, 'Välkommen på möte.')
    assert.equal(m.icalEvent.method, 'REQUEST')
    assert.equal(m.icalEvent.content, ICS)
    const entry = logged.find((l) => l.msg === 'mail not sent: SMTP_URL is not set')
    assert.ok(entry, 'logged at info level')
    assert.equal(entry.obj.to, 'anna@example.se')
    assert.equal(entry.obj.text, 'Välkommen på möte.')
    // …and kept in the outbox, once, with its job id.
    const kept = await testDb.database.db.select().from(mailOutbox)
    assert.equal(kept.length, 1)
    assert.deepEqual(
      { to: kept[0].toAddress, subject: kept[0].subject, text: kept[0].text, ics: kept[0].ics, jobId: kept[0].jobId },
      { to: 'anna@example.se', subject: 'Möte', text: 'Välkommen på möte.', ics: ICS, jobId: id },
    )
  })

  test('sendMail refuses an invalid message before it is queued', async () => {
    await assert.rejects(sendMail({ jobs }, { to: 'inte-en-adress', subject: 'x', text: 'y' }))
    await assert.rejects(sendMail({ jobs }, { to: 'a@example.se', subject: ' ', text: 'y' }))
  })

  test('the job fails on invalid data (recorded by pg-boss, retried later) and sends nothing', async () => {
    const before = sent.length
    const id = (await jobs.send(MAIL_JOB, { to: 'inte-en-adress', text: '' }))!
    const job = await eventually(async () => {
      const j = await jobs.getJob(MAIL_JOB, id)
      return (j?.state === 'retry' || j?.state === 'failed') && j
    }, 'invalid mail job failed')
    assert.equal(job.state, 'retry')
    assert.match(String((job.output as any)?.message), /invalid mail\.send data: to, subject, text/)
    assert.equal(sent.length, before)
    // 5 retries, the first after 60 s and then doubling (pg-boss backoff), set on the queue by define().
    const [queue] = (
      await testDb.database.query<{ retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
        'select retry_limit, retry_delay, retry_backoff from pgboss.queue where name = $1',
        [MAIL_JOB],
      )
    ).rows
    assert.deepEqual({ ...queue }, { retry_limit: 5, retry_delay: 60, retry_backoff: true })
    const retryIn = (new Date((job as any).startAfter).getTime() - Date.now()) / 1000
    assert.ok(retryIn > 50 && retryIn <= 120, `next attempt in ${retryIn} s`)
  })
})
