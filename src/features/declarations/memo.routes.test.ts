import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { DOCX_CONTENT_TYPE } from '../../platform/docx/docx.ts'
import { type TestCollaboration, auditActions, buildCollaborationWithDeclaration, countRows, hasLibreOffice, textOf } from './declarations.test-factories.ts'

let t: TestApp
let c: TestCollaboration
let editor: BuiltUser
let b: TestBrowser
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-test-'))

before(async () => {
  t = await buildTestApp()
  c = await buildCollaborationWithDeclaration(t.deps)
  editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Karin Berg' })
  b = new TestBrowser(t.app)
  await b.login(editor.email, editor.password)
})
after(async () => {
  await t.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** The form's current values, as a browser would send them back. */
function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) if (m[1] !== '_csrf') values[m[1]] = decode(m[2])
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) values[m[1]] = decode(m[2])
  return values
}
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')

const memoUrl = () => `/signatures/${c.signatures['kommun-0580']}/memo`

describe('the tjänsteskrivelse generator', () => {
  test('the form is pre-filled from the collaboration, the declaration and the party', async () => {
    const res = await b.get(memoUrl())
    assert.equal(res.statusCode, 200)
    const v = formValues(res.body)
    assert.equal(v.municipality, 'Linköpings kommun')
    assert.equal(v.heading, 'Programförklaring för Östergötland tillsammans mot brott 2022–2027')
    assert.equal(
      v.proposal,
      'Kommunstyrelsen godkänner programförklaringen Östergötland tillsammans mot brott 2022–2027.\nKommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
    )
    assert.match(v.background, /2022-01-01–2027-12-31/)
    assert.match(v.background, /Linköpings kommun, Länsstyrelsen Östergötland och Norrköpings kommun/)
    assert.match(v.background, /minst en tjänsteperson i minst en av samarbetets arbetsgrupper/)
    assert.match(v.basis, /^Tjänsteskrivelse, \d{4}-\d{2}-\d{2}\nProgramförklaring Östergötland tillsammans mot brott 2022–2027, version 1, 2021-11-30$/)
    assert.match(v.economy, /^Inga kostnader utöver arbetstid/)
    assert.equal(v.goals, '')
    assert.equal(v.distribution, 'Länsstyrelsen Östergötland')
    for (const label of [
      'Ärende',
      'Beslutsunderlag',
      'Bakgrund',
      'Ekonomiska konsekvenser',
      'Kommunala mål',
      'Jämställdhet',
      'Samråd',
      'Uppföljning och utvärdering',
      'Information eller förhandling enligt MBL',
      'Beslutet skickas till',
    ]) {
      assert.match(res.body, new RegExp(`<label class="label" for="f-\\w+">${label}</label>`), label)
    }
  })

  test('saving keeps the values for the next draft, audited', async () => {
    const page = await b.get(memoUrl())
    const values = { ...formValues(page.body), goals: 'Linköping ska vara en trygg kommun för alla.', caseNumber: 'KS 2021/1234', action: 'save' }
    const res = await b.post(memoUrl(), values)
    assert.equal(res.statusCode, 303)
    const again = formValues((await b.get(memoUrl())).body)
    assert.equal(again.goals, 'Linköping ska vara en trygg kommun för alla.')
    assert.equal(again.caseNumber, 'KS 2021/1234')
    assert.equal(await countRows(t.deps, 'memo_drafts'), 1)
    const events = await auditActions(t.deps, c.signatures['kommun-0580'])
    assert.deepEqual(
      events.map((e) => e.action),
      ['memo.draft_saved'],
    )
  })

  test('an empty proposal is refused with the values kept', async () => {
    const page = await b.get(memoUrl())
    const res = await b.post(memoUrl(), { ...formValues(page.body), proposal: ' ', goals: 'Behålls', action: 'docx' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<a href="#f-proposal">Skriv minst en punkt i förslaget till beslut<\/a>/)
    assert.match(res.body, />Behålls<\/textarea>/)
  })

  test('the Word document converts with LibreOffice and the PDF holds the municipality and the decision lines', {
    skip: !hasLibreOffice && 'libreoffice not installed',
  }, async () => {
    const page = await b.get(memoUrl())
    const res = await b.post(memoUrl(), { ...formValues(page.body), action: 'docx' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], DOCX_CONTENT_TYPE)
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="Tjansteskrivelse Linkopings kommun \d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''Tj%C3%A4nsteskrivelse/,
    )
    const docx = path.join(tmp, 'memo.docx')
    fs.writeFileSync(docx, res.rawPayload)
    execFileSync('libreoffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    })
    const text = execFileSync('pdftotext', ['-layout', path.join(tmp, 'memo.pdf'), '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, ' ')
    assert.match(flat, /Linköpings kommun/)
    assert.match(flat, /Tjänsteskrivelse/)
    assert.match(flat, /Dnr: KS 2021\/1234/)
    assert.match(flat, /Förslag till kommunstyrelsens beslut/)
    assert.match(flat, /1\. Kommunstyrelsen godkänner programförklaringen Östergötland tillsammans mot brott 2022–2027\./)
    assert.match(flat, /2\. Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen\./)
    assert.match(flat, /Kommunala mål Linköping ska vara en trygg kommun för alla\./)
    assert.match(flat, /Beslutet skickas till Länsstyrelsen Östergötland/)
  })

  test('only municipalities get a memo, and only their editors and the coordinator', async () => {
    assert.equal((await b.get(`/signatures/${c.signatures['lansstyrelsen-05']}/memo`)).statusCode, 404)
    assert.equal((await b.get(`/signatures/${c.signatures['kommun-0581']}/memo`)).statusCode, 403)
    const viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
    const vb = new TestBrowser(t.app)
    await vb.login(viewer.email, viewer.password)
    assert.equal((await vb.get(memoUrl())).statusCode, 403)
    assert.doesNotMatch(textOf((await vb.get(`/signatures/${c.signatures['kommun-0580']}`)).body), /Skriv tjänsteskrivelse/)
  })
})
