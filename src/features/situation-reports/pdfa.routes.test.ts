import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { backgroundTasks } from '../../platform/jobs/tasks.tables.ts'
import { settleTasks } from '../../platform/jobs/tasks.ts'
import { libreOfficeAvailable } from '../../platform/pdf/pdfa.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { buildReport } from './situation-reports.test-factories.ts'

/** PDF/A of an adopted lägesbild: the yearly report's task (one real conversion here, with LibreOffice). */
let t: TestApp
let draftId = ''
let adoptedId = ''
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  draftId = (await buildReport(t.deps, { periodStart: '2023-01-01' })).id
  adoptedId = (await buildReport(t.deps, { status: 'adopted', periodStart: '2024-01-01' })).id
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.stockholm = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(async () => {
  if (t) await settleTasks(t.deps)
  await t?.close()
})

const as = (who: string) => signedIn(t.app, users[who])

test('a draft lägesbild is not archived: no button, 409 for its readers, 404 for others, no task', async () => {
  const editor = await as('editor')
  assert.doesNotMatch((await editor.get(`/situation-reports/${draftId}`)).body, /PDF\/A/)
  const refused = await editor.post(`/situation-reports/${draftId}/pdfa`)
  assert.equal(refused.statusCode, 409)
  assert.match(refused.body, /Bara en antagen lägesbild kan laddas ner som PDF\/A/)
  assert.equal((await (await as('stockholm')).post(`/situation-reports/${draftId}/pdfa`)).statusCode, 404)
  assert.deepEqual(await t.deps.db.select().from(backgroundTasks).where(eq(backgroundTasks.subjectId, draftId)), [])
})

test('the adopted lägesbild: the county reads it, asks for PDF/A and downloads it; an outsider is refused', {
  skip: !libreOfficeAvailable('/usr/bin/soffice') && 'LibreOffice (soffice) not installed',
}, async () => {
  const county = await as('county')
  const page = await county.get(`/situation-reports/${adoptedId}`)
  assert.match(page.body, /Ladda ner som PDF\/A \(arkivformat\)/)
  assert.equal((await (await as('stockholm')).post(`/situation-reports/${adoptedId}/pdfa`)).statusCode, 404)
  const started = await county.post(`/situation-reports/${adoptedId}/pdfa`)
  assert.equal(started.statusCode, 303)
  await settleTasks(t.deps)
  const taskPage = await county.get(String(started.headers.location))
  const href = taskPage.body.match(/href="(\/situation-reports\/[^"]+\/pdfa\/[^"]+)"/)?.[1]
  assert.ok(href, `the download link in ${taskPage.body.slice(0, 200)}`)
  const res = await county.get(href)
  assert.equal(res.statusCode, 200)
  assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
  assert.match(res.rawPayload.toString('latin1'), /<pdfaid:part>2<\/pdfaid:part>/)
  // The municipality's editor reads the lägesbild too, so fetches its copy; another county's does not.
  assert.equal((await (await as('editor')).get(href)).statusCode, 200)
  assert.equal((await (await as('stockholm')).get(href)).statusCode, 404)
  // Requested and created, both in the audit trail.
  for (const action of ['situation_report.pdfa_requested', 'situation_report.pdfa_created'])
    assert.equal(
      (
        await t.deps.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, adoptedId)))
      ).length,
      1,
      action,
    )
})
