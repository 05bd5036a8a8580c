import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { docxParts } from '../../test-support/docx-xml.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, buildCollaboration, buildPerson, buildSeat } from '../bodies/seats.test-factories.ts'
import { buildReport, buildSurvey } from '../situation-reports/situation-reports.test-factories.ts'
import { buildSupportActivity } from '../support-activities/support-activities.test-factories.ts'
import { yearlyReports } from './yearly-reports.tables.ts'

let t: TestApp
let c: TestCollaboration
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps, { signedOn: '2022-02-02' })
  // Linköping sits in the beredningsgrupp; Norrköping does not.
  const person = await buildPerson(t.deps, c.org['kommun-0580'] as string)
  await buildSeat(t.deps, { bodyId: c.preparationId, personId: person.id, organisationId: c.org['kommun-0580'] as string })
  await buildSurvey(t.deps)
  await buildReport(t.deps, { status: 'adopted', periodStart: '2021-01-01' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.police = await buildUser(t.deps, { role: 'editor', organisationCode: 'polisomrade-ostergotland' })
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.stockholm = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
})
after(() => t?.close())

const as = (who: string) => signedIn(t.app, users[who])
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
const row = async (id: string) => (await t.deps.db.select().from(yearlyReports).where(eq(yearlyReports.id, id)))[0]
let reportId = ''

test('Länsstyrelsen drafts the yearly report; it is filled from the platform with the gender figures suppressed', async () => {
  const b = await as('county')
  assert.equal((await b.get(`/collaborations/${c.id}/yearly-reports`)).statusCode, 200)
  const res = await b.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'follow_up', year: '2021', scope: 'year', visibility: 'partners' })
  assert.equal(res.statusCode, 303)
  reportId = String(res.headers.location).split('/').pop() as string
  const page = text((await b.get(`/yearly-reports/${reportId}`)).body)
  for (const heading of [
    'Undertecknande och parter',
    'Deltagande och nedlagd tid',
    'Möten och beslut',
    'Kommunernas arbete enligt lag (2023:196)',
    'Samlad bedömning',
  ])
    assert.match(page, new RegExp(heading.replace(/[()]/g, '\\$&')))
  // Signed 2022: none yet in 2021; five parties.
  assert.match(page, /5 parter ingår i samverkan\. 0 har undertecknat/)
  assert.match(page, /Linköpings kommun Kommun Ännu inte undertecknad/)
  // The source document's figures, and the suppressed cell as "–" with its note.
  assert.match(page, /Linköping 20 % 34 %/)
  assert.match(page, /Trygg i parker kvällstid.*Linköping – – /)
  assert.match(page, /färre än 10/)
  // Linköping's law status at the end of 2021 (adopted 2021-11-20).
  assert.match(page, /Linköping I ordning: Antagen 20 nov\. 2021/)

  const again = await b.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'follow_up', year: '2021', scope: 'year', visibility: 'partners' })
  assert.equal(again.statusCode, 400)
  assert.match(text(again.body), /Det finns redan en sådan rapport/)
  const bad = await b.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'follow_up', year: '1999', scope: 'year', visibility: 'partners' })
  assert.equal(bad.statusCode, 400)
})

test('Polisen and Länsstyrelsen write the narrative; a municipality does not; a stale save overwrites nothing', async () => {
  const police = await as('police')
  const form = await police.get(`/yearly-reports/${reportId}/sections/law`)
  assert.equal(form.statusCode, 200)
  const ok = await police.post(`/yearly-reports/${reportId}/sections/law`, { narrative: 'Fler kommuner har antagit lägesbilder.', version: '0' })
  assert.equal(ok.statusCode, 303)
  const stale = await police.post(`/yearly-reports/${reportId}/sections/law`, { narrative: 'Skrivet över', version: '0' })
  assert.equal(stale.statusCode, 409)
  assert.match(text(stale.body), /Fler kommuner har antagit lägesbilder/)
  assert.equal((await (await as('linkoping')).post(`/yearly-reports/${reportId}/sections/law`, { narrative: 'x', version: '1' })).statusCode, 403)
  assert.equal((await police.get(`/yearly-reports/${reportId}/sections/not_a_section`)).statusCode, 404)
  assert.match(text((await police.get(`/yearly-reports/${reportId}`)).body), /Bedömning Fler kommuner har antagit lägesbilder/)
})

test('the beredningsgrupp comments once the report is out for comments', async () => {
  const lkp = await as('linkoping')
  assert.equal((await lkp.post(`/yearly-reports/${reportId}/comments`, { body: 'För tidigt' })).statusCode, 403)
  const county = await as('county')
  const r = await row(reportId)
  assert.equal((await county.post(`/yearly-reports/${reportId}/review`, { version: String(r.version) })).statusCode, 303)
  assert.equal((await row(reportId)).status, 'review')
  const empty = await lkp.post(`/yearly-reports/${reportId}/comments`, { body: ' ' })
  assert.equal(empty.statusCode, 400)
  assert.equal((await lkp.post(`/yearly-reports/${reportId}/comments`, { sectionKey: 'law', body: 'Nämn Ydres arbete.' })).statusCode, 303)
  assert.equal((await (await as('norrkoping')).post(`/yearly-reports/${reportId}/comments`, { body: 'Inte i gruppen' })).statusCode, 403)
  assert.match(text((await lkp.get(`/yearly-reports/${reportId}`)).body), /Nämn Ydres arbete/)
})

test('outsiders do not see a draft; the styrgrupp adopts it and it never changes again', async () => {
  assert.equal((await (await as('stockholm')).get(`/yearly-reports/${reportId}`)).statusCode, 404)
  assert.equal((await t.app.inject({ url: `/yearly-reports/${reportId}` })).statusCode, 404)

  const county = await as('county')
  const r = await row(reportId)
  const bad = await county.post(`/yearly-reports/${reportId}/adopt`, {
    adoptedBy: 'Styrgruppen',
    adoptedOn: '2022-13-01',
    visibility: 'public',
    version: String(r.version),
  })
  assert.equal(bad.statusCode, 400)
  assert.equal((await row(reportId)).status, 'review')
  const ok = await county.post(`/yearly-reports/${reportId}/adopt`, {
    adoptedBy: 'Styrgruppen för ÖTMB',
    adoptedOn: '2022-03-15',
    adoptedParagraph: '§ 4',
    visibility: 'public',
    version: String(r.version),
  })
  assert.equal(ok.statusCode, 303)
  const adopted = await row(reportId)
  assert.equal(adopted.status, 'adopted')
  assert.ok(adopted.snapshot)

  // The figures are frozen: a lägesbild Norrköping adopts afterwards does not enter the archived report.
  await buildReport(t.deps, { organisationCode: 'kommun-0581', status: 'adopted', periodStart: '2021-01-01' })
  const page = text((await county.get(`/yearly-reports/${reportId}`)).body)
  assert.match(page, /Norrköping Bevaka: Saknas/)
  assert.match(page, /Antagen av Styrgruppen för ÖTMB 15 mars 2022 § 4/)
  // Nothing can be written any more, through the forms or the database.
  assert.equal((await (await as('police')).post(`/yearly-reports/${reportId}/sections/law`, { narrative: 'Efteråt', version: '1' })).statusCode, 409)
  await assert.rejects(t.deps.db.execute(sql`update yearly_reports set title = 'Ändrad' where id = ${reportId}`))
  await assert.rejects(t.deps.db.execute(sql`update yearly_report_sections set narrative = 'Ändrad' where report_id = ${reportId}`))
  // Adopted and public: anyone reads it, also as Word.
  assert.equal((await t.app.inject({ url: `/yearly-reports/${reportId}` })).statusCode, 200)
  const docx = await t.app.inject({ url: `/yearly-reports/${reportId}/export.docx` })
  assert.equal(docx.statusCode, 200)
  const xml = (await docxParts(docx.rawPayload)).get('word/document.xml') ?? ''
  assert.match(xml, /Kommunernas arbete enligt lag \(2023:196\)/)
  assert.match(xml, /Fler kommuner har antagit lägesbilder/)
})

test("Länsstyrelsen's report to Brå counts its support to each municipality and the five steps", async () => {
  await buildSupportActivity(t.deps, { heldOn: '2025-03-12', minutes: 90 })
  await buildSupportActivity(t.deps, { heldOn: '2025-09-01', kind: 'training', minutes: 120, municipalityCode: 'kommun-0581' })
  await buildSupportActivity(t.deps, { heldOn: '2024-05-01' })
  const b = await as('county')
  const res = await b.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'bra', year: '2025', scope: 'year', visibility: 'organisation' })
  assert.equal(res.statusCode, 303)
  const page = text((await b.get(String(res.headers.location))).body)
  assert.match(page, /Länsstyrelsen Östergötlands rapport till Brå 2025/)
  assert.match(page, /genomförde 2 stödinsatser under perioden och nådde 2 kommuner; sammanlagt 3,5 timmar/)
  assert.match(page, /Linköpings kommun 0 0 1 0 1,5/)
  assert.match(page, /Brå:s fem steg per kommun och lokalpolisområde/)
  // Kept to Länsstyrelsen: a municipality does not read it.
  assert.equal((await (await as('linkoping')).get(String(res.headers.location))).statusCode, 404)
})

test('a whole-period report is the mid-term evaluation, with each party’s course through the period', async () => {
  const b = await as('county')
  const res = await b.post(`/collaborations/${c.id}/yearly-reports`, { kind: 'follow_up', year: '2024', scope: 'period', visibility: 'partners' })
  assert.equal(res.statusCode, 303)
  const page = text((await b.get(String(res.headers.location))).body)
  assert.match(page, /halvtidsutvärdering 2022–2024/)
  assert.match(page, /Period 1 jan\. 2022 – 31 dec\. 2024/)
  assert.match(page, /Utvärdering: parternas väg genom perioden/)
  // Signed on 2 February 2022 (the fixture), within the period.
  assert.match(page, /Linköpings kommun 2 feb\. 2022/)
  // A one-year report has no such section.
  assert.doesNotMatch(text((await b.get(`/yearly-reports/${reportId}`)).body), /parternas väg genom perioden/)
})
