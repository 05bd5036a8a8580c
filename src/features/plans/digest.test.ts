import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { eventually } from '../../platform/jobs/testing.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { mailOutbox } from '../mail/outbox.tables.ts'
import { DIGEST_JOB } from './digest.job.ts'
import { digestLog } from './digest.tables.ts'
import { sendDigests } from './digest.service.ts'
import { todayInSweden } from './follow-up.service.ts'
import { buildPlan } from './plans.test-factories.ts'
import { planItems } from './plans.tables.ts'

/**
 * Issue 8 §11: the daily digest, on the real app with its workers (no SMTP_URL, so every message
 * lands in the outbox). Linköping's two medborgarlöften each have a promise with months overdue.
 */
describe('the daily follow-up digest', () => {
  let t: TestApp
  let editor: BuiltUser
  let quietReporter: BuiltUser
  let viewer: BuiltUser
  let promiseA: string
  let promiseB: string

  const outboxFor = (email: string) => t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))
  const queuedFor = async (email: string) =>
    (await t.deps.database.query('select id from pgboss.job where name = $1 and data->>$2 = $3', ['mail.send', 'to', email])).rows.length

  before(async () => {
    t = await buildTestApp()
    await t.deps.jobs.start({ work: true })
    editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Eva Redaktör' })
    quietReporter = await buildUser(t.deps, { role: 'reporter', organisationCode: 'kommun-0581' })
    viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
    promiseA = (await buildPlan(t.deps)).promise.id
    const second = await buildPlan(t.deps)
    promiseB = second.promise.id
    await t.deps.db.update(planItems).set({ title: 'minska nedskräpningen i centrum' }).where(eq(planItems.id, promiseB))
  })
  after(() => t.close())

  test('two overdue items make one mail listing both, with links; two runs at once still send it once', async () => {
    const runs = await Promise.all([sendDigests(t.deps), sendDigests(t.deps)])
    assert.equal(runs[0].sent + runs[1].sent, 1, JSON.stringify(runs))
    assert.equal(await queuedFor(editor.email), 1)
    const [mail] = await eventually(async () => {
      const rows = await outboxFor(editor.email)
      return rows.length > 0 && rows
    }, 'the digest reached the outbox')
    assert.match(mail.subject, /^Tillsammans: 2 uppföljningar att rapportera/)
    assert.match(mail.text, /^Hej Eva Redaktör!/)
    assert.match(mail.text, /Försenad: Rapportera uppföljningen av ”genomföra trygghetsvandringar” \(Medborgarlöfte Linköpings kommun\): \d+ perioder saknas/)
    assert.match(mail.text, /Försenad: Rapportera uppföljningen av ”minska nedskräpningen i centrum”/)
    const base = t.deps.config.baseUrl
    assert.ok(mail.text.includes(`${base}/plan-items/${promiseA}/follow-up/`), mail.text)
    assert.ok(mail.text.includes(`${base}/plan-items/${promiseB}/follow-up/`), mail.text)
    assert.ok(mail.text.includes(`${base}/account/reminders`), 'says how to stop')
    // The day is recorded, and the sending is a system action in the audit trail.
    const [logged] = await t.deps.db.select().from(digestLog).where(eq(digestLog.userId, editor.id))
    assert.deepEqual({ day: logged.day, items: logged.items }, { day: todayInSweden(), items: 2 })
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'follow_up.digest_sent'), eq(auditEvents.entityId, editor.id)))
    assert.equal(events.length, 1)
    assert.equal(events[0].actorLabel, 'system:follow-up-digest')
  })

  test('a second run the same day, through the queue, sends nothing', async () => {
    const id = (await t.deps.jobs.send(DIGEST_JOB, {}))!
    await eventually(async () => (await t.deps.jobs.getJob(DIGEST_JOB, id))?.state === 'completed', 'digest job completed')
    assert.equal(await queuedFor(editor.email), 1)
    const again = await sendDigests(t.deps)
    assert.equal(again.sent, 0)
    assert.ok(again.alreadySent >= 1)
  })

  test('a user with nothing due, and a viewer, get no digest', async () => {
    const run = await sendDigests(t.deps, { today: '2099-01-01' })
    assert.equal(await queuedFor(quietReporter.email), 0)
    assert.equal(await queuedFor(viewer.email), 0)
    // On another day the editor (still overdue) gets the next one; the reporter is counted as having nothing due.
    assert.equal(run.sent, 1)
    assert.ok(run.nothingDue >= 1)
  })

  test('the schedule runs every morning at 07:00 Swedish time', async () => {
    const { rows } = await t.deps.database.query<{ cron: string; timezone: string }>('select cron, timezone from pgboss.schedule where name = $1', [DIGEST_JOB])
    assert.deepEqual({ ...rows[0] }, { cron: '0 7 * * *', timezone: 'Europe/Stockholm' })
  })

  test('a user who switches the digest off gets none, and the change is audited', async () => {
    const other = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
    const b = new TestBrowser(t.app)
    await b.login(other.email, other.password)
    assert.match((await b.get('/account')).body, /href="\/account\/reminders"/)
    assert.match((await b.get('/account/reminders')).body, /value="on" checked/)
    const res = await b.post('/account/reminders', { digest: 'off' })
    assert.equal(res.statusCode, 303)
    assert.match((await b.get('/account/reminders')).body, /value="off" checked/)
    assert.equal((await b.post('/account/reminders', { digest: 'maybe' })).statusCode, 400)
    await sendDigests(t.deps, { today: '2099-01-02' })
    assert.equal(await queuedFor(other.email), 0)
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'follow_up.digest_opted_out'))
    assert.equal(events.length, 1)
    assert.equal(events[0].actorLabel, other.email)
  })

  test('the administrator reads the digest in the outbox; anyone else is refused', async () => {
    const admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
    const b = new TestBrowser(t.app)
    await b.login(admin.email, admin.password)
    const home = await b.get('/')
    assert.match(home.body, /href="\/admin\/outbox"/)
    const list = await b.get('/admin/outbox')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Utkorg/)
    assert.match(list.body, /raderas automatiskt efter 30 dagar/)
    assert.ok(list.body.includes(editor.email))
    const [mail] = await outboxFor(editor.email)
    assert.ok(list.body.includes(`href="/admin/outbox/${mail.id}"`))
    const page = await b.get(`/admin/outbox/${mail.id}`)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('minska nedskräpningen i centrum'))
    assert.equal((await b.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).statusCode, 404)

    const e = new TestBrowser(t.app)
    await e.login(editor.email, editor.password)
    assert.equal((await e.get('/admin/outbox')).statusCode, 403)
    assert.equal((await e.get(`/admin/outbox/${mail.id}`)).statusCode, 403)
    assert.doesNotMatch((await e.get('/')).body, /href="\/admin\/outbox"/)
  })
})
