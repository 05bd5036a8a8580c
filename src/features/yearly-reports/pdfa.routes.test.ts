import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { backgroundTasks } from '../../platform/jobs/tasks.tables.ts'
import { settleTasks } from '../../platform/jobs/tasks.ts'
import { libreOfficeAvailable } from '../../platform/pdf/pdfa.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, buildCollaboration } from '../bodies/seats.test-factories.ts'
import { yearlyReports } from './yearly-reports.tables.ts'

/** PDF/A of an adopted yearly report (issue 10 §4): one real conversion, with LibreOffice; the refusals without. */
const hasPdftotext = (() => {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

let t: TestApp
let c: TestCollaboration
let reportId = ''
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps, { signedOn: '2022-02-02' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.linkoping = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.stockholm = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  const res = await (await as('county')).post(`/collaborations/${c.id}/yearly-reports`, {
    kind: 'follow_up',
    year: '2022',
    scope: 'year',
    visibility: 'partners',
  })
  reportId = String(res.headers.location).split('/').pop() as string
})
after(async () => {
  if (t) await settleTasks(t.deps)
  await t?.close()
})

const as = (who: string) => signedIn(t.app, users[who])
const pdfaTasks = () => t.deps.db.select().from(backgroundTasks).where(eq(backgroundTasks.subjectId, reportId))
const audited = (action: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, reportId)))

test('a draft is not archived: no button, and the task is refused (409) to its readers, hidden (404) from others', async () => {
  const county = await as('county')
  assert.doesNotMatch((await county.get(`/yearly-reports/${reportId}`)).body, /PDF\/A/)
  const refused = await county.post(`/yearly-reports/${reportId}/pdfa`)
  assert.equal(refused.statusCode, 409)
  assert.match(refused.body, /Bara en antagen rapport kan laddas ner som PDF\/A/)
  assert.equal((await (await as('linkoping')).post(`/yearly-reports/${reportId}/pdfa`)).statusCode, 409)
  assert.equal((await (await as('stockholm')).post(`/yearly-reports/${reportId}/pdfa`)).statusCode, 404)
  assert.deepEqual(await pdfaTasks(), [])
  assert.deepEqual(await audited('yearly_report.pdfa_requested'), [])
})

test('the adopted report: a reader asks for PDF/A, follows the task, and downloads a PDF/A-2b; others are refused', {
  skip: (!libreOfficeAvailable('/usr/bin/soffice') || !hasPdftotext) && 'LibreOffice (soffice) or pdftotext not installed',
}, async () => {
  const county = await as('county')
  const r = (await t.deps.db.select().from(yearlyReports).where(eq(yearlyReports.id, reportId)))[0]
  const adopt = await county.post(`/yearly-reports/${reportId}/adopt`, {
    adoptedBy: 'Styrgruppen för ÖTMB',
    adoptedOn: '2023-03-15',
    adoptedParagraph: '§ 4',
    visibility: 'partners',
    version: String(r.version),
  })
  assert.equal(adopt.statusCode, 303)

  // A party's reader (no right to write anything) may read the report, so may ask for its archival copy.
  const reader = await as('linkoping')
  const page = await reader.get(`/yearly-reports/${reportId}`)
  assert.match(page.body, /Ladda ner som PDF\/A \(arkivformat\)/)
  assert.match(page.body, new RegExp(`action="/yearly-reports/${reportId}/pdfa"`))
  // Outsiders cannot start it.
  assert.equal((await (await as('stockholm')).post(`/yearly-reports/${reportId}/pdfa`)).statusCode, 404)
  assert.equal((await t.app.inject({ method: 'POST', url: `/yearly-reports/${reportId}/pdfa` })).statusCode, 401)

  const started = await reader.post(`/yearly-reports/${reportId}/pdfa`)
  assert.equal(started.statusCode, 303)
  const taskHref = String(started.headers.location)
  assert.match(taskHref, /^\/tasks\/[0-9a-f-]{36}$/)
  // A second click while it runs joins the same task: one LibreOffice per report and reader.
  const again = await reader.post(`/yearly-reports/${reportId}/pdfa`)
  assert.equal(again.headers.location, taskHref)
  assert.equal((await audited('yearly_report.pdfa_requested')).length, 1)

  await settleTasks(t.deps)
  const taskPage = await reader.get(taskHref)
  assert.equal(taskPage.statusCode, 200)
  assert.match(taskPage.body, /Arkivexemplaret är klart/)
  const href = taskPage.body.match(/href="(\/yearly-reports\/[^"]+\/pdfa\/[^"]+)"/)?.[1]
  assert.ok(href, 'the download link')
  assert.equal((await audited('yearly_report.pdfa_created')).length, 1)

  const res = await reader.get(href)
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'application/pdf')
  assert.match(String(res.headers['content-disposition']), /^attachment; filename=".*\(PDF-A\)\.pdf"/)
  const pdf = res.rawPayload
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
  // LibreOffice writes the XMP metadata uncompressed: PDF/A part 2, conformance B.
  const bytes = pdf.toString('latin1')
  assert.match(bytes, /<pdfaid:part>2<\/pdfaid:part>/)
  assert.match(bytes, /<pdfaid:conformance>B<\/pdfaid:conformance>/)
  assert.match(bytes, /\/StructTreeRoot/)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfa-test-'))
  try {
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf)
    const flat = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    assert.ok(flat.includes(r.title), `${r.title} in: ${flat.slice(0, 300)}`)
    assert.ok(flat.includes('Kommunernas arbete enligt lag (2023:196)'))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }

  // The adopted report never changes: asking again, by anyone who may read it, leads to the same file.
  const reused = await county.post(`/yearly-reports/${reportId}/pdfa`)
  assert.equal(reused.statusCode, 303)
  assert.equal(reused.headers.location, href, 'no second conversion')
  assert.equal((await audited('yearly_report.pdfa_requested')).length, 1)

  // Whoever may read the report fetches the file (not only the one who asked); the others do not.
  assert.equal((await county.get(href)).statusCode, 200)
  assert.equal((await (await as('stockholm')).get(href)).statusCode, 404)
  assert.equal((await t.app.inject({ url: href })).statusCode, 404)
  // The task belongs to this report only.
  const other = await county.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'follow_up', year: '2023', scope: 'year', visibility: 'partners' })
  const otherId = String(other.headers.location).split('/').pop() as string
  assert.equal((await county.get(href.replace(reportId, otherId))).statusCode, 404)
  // The task page stays its creator's.
  assert.equal((await (await as('stockholm')).get(taskHref)).statusCode, 404)
})

test('without LibreOffice on the server no page offers PDF/A, and asking for it says so (503)', async () => {
  const bare = await buildTestApp({ LIBREOFFICE_PATH: '/nonexistent/soffice' })
  try {
    const col = await buildCollaboration(bare.deps, { signedOn: '2022-02-02' })
    const county = await signedIn(bare.app, await buildUser(bare.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' }))
    const created = await county.post(`/collaborations/${col.id}/yearly-reports`, { kind: 'follow_up', year: '2022', scope: 'year', visibility: 'partners' })
    const id = String(created.headers.location).split('/').pop() as string
    const [r] = await bare.deps.db.select().from(yearlyReports).where(eq(yearlyReports.id, id))
    const adopt = await county.post(`/yearly-reports/${id}/adopt`, {
      adoptedBy: 'Styrgruppen',
      adoptedOn: '2023-03-15',
      visibility: 'partners',
      version: String(r.version),
    })
    assert.equal(adopt.statusCode, 303)
    const page = await county.get(`/yearly-reports/${id}`)
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /PDF\/A/)
    const refused = await county.post(`/yearly-reports/${id}/pdfa`)
    assert.equal(refused.statusCode, 503)
    assert.match(refused.body, /PDF\/A kan inte skapas på den här servern just nu/)
    assert.deepEqual(await bare.deps.db.select().from(backgroundTasks).where(eq(backgroundTasks.subjectId, id)), [])
  } finally {
    await bare.close()
  }
})
