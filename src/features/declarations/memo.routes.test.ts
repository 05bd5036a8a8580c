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
import { bodies, people, seats } from '../bodies/bodies.tables.ts'
import { MEMO_HEADINGS } from './memo.docx.ts'
import {
  SMALL_PDF,
  type TestCollaboration,
  auditActions,
  buildCollaborationWithDeclaration,
  countRows,
  hasLibreOffice,
  postMultipart,
  textOf,
} from './declarations.test-factories.ts'

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
  // The joint decision meeting with its invitation, as the coordinator records it.
  const coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  const cb = new TestBrowser(t.app)
  await cb.login(coordinator.email, coordinator.password)
  const event = await postMultipart(
    t.app,
    cb,
    `/collaborations/${c.collaborationId}/joint-events`,
    {
      kind: 'decision_meeting',
      eventDate: '2022-02-02',
      startTime: '13.00',
      endTime: '15.00',
      place: 'Linköpings slott',
      invitedLevel: 'kommunstyrelsens ordförande och representant på ledningsnivå',
    },
    { name: 'file', filename: 'inbjudan.pdf', data: SMALL_PDF },
  )
  assert.equal(event.statusCode, 303)
  // Regbrå, the structure, and Linköping's representatives (by role title; the names never reach the memo).
  const owner = c.organisations['lansstyrelsen-05']
  const linkoping = c.organisations['kommun-0580']
  const made = await t.deps.db
    .insert(bodies)
    .values([
      { collaborationId: c.collaborationId, kind: 'network', name: 'Nätverket Regbrå', activeFrom: '2010-01-01', organisationId: owner },
      { collaborationId: c.collaborationId, kind: 'steering', name: 'Styrgrupp', organisationId: owner },
      { collaborationId: c.collaborationId, kind: 'preparation', name: 'Beredningsgrupp', organisationId: owner },
      { collaborationId: c.collaborationId, kind: 'working_group', name: 'Arbetsgrupp Unga', theme: 'Unga i riskmiljöer', organisationId: owner },
    ])
    .returning()
  const idOf = (kind: string) => made.find((x) => x.kind === kind)!.id
  const [chief, strateg] = await t.deps.db
    .insert(people)
    .values([
      { name: 'Påhittad Chef', title: 'Säkerhetschef', organisationId: linkoping },
      { name: 'Påhittad Strateg', title: 'Säkerhetsstrateg', organisationId: linkoping },
    ])
    .returning()
  await t.deps.db.insert(seats).values([
    { bodyId: idOf('steering'), personId: chief.id, organisationId: linkoping, level: 'chief', validFrom: '2022-01-01', visibility: 'public' },
    { bodyId: idOf('preparation'), personId: strateg.id, organisationId: linkoping, level: 'official', validFrom: '2022-01-01', visibility: 'partners' },
  ])
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
  test('the form is pre-filled from the data in a municipal memo’s register', async () => {
    const res = await b.get(memoUrl())
    assert.equal(res.statusCode, 200)
    const v = formValues(res.body)
    assert.equal(v.municipality, 'Linköpings kommun')
    assert.equal(
      v.heading,
      'Programförklaring för Östergötland tillsammans mot brott, länsövergripande brottsförebyggande och trygghetsskapande samverkan, godkännande',
    )
    assert.equal(
      v.proposal,
      'Programförklaring för Östergötland tillsammans mot brott godkänns.\nKommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
    )
    // Ärende: purpose, the law, the invitation from the joint event, the office's recommendation.
    assert.match(v.matter, /Syftet med samverkan är att stärka/)
    assert.match(v.matter, /lagen \(2023:196\) om kommuners ansvar för brottsförebyggande arbete/)
    assert.match(v.matter, /https:\/\/www\.riksdagen\.se\//)
    assert.match(
      v.matter,
      /Länsstyrelsen Östergötland har bjudit in kommunstyrelsens ordförande och representant på ledningsnivå till ett gemensamt beslutsmöte för Östergötland tillsammans mot brott onsdag den 2 februari 2022 kl\. 13\.00–15\.00 på Linköpings slott\./,
    )
    assert.match(v.matter, /Kommunledningsförvaltningen föreslår att kommunstyrelsen beslutar i enlighet med förslaget\./)
    const basis = v.basis.split('\n')
    assert.match(basis[0], /^Tjänsteskrivelse – Programförklaring för Östergötland .*, godkännande, \d{4}-\d{2}-\d{2}$/)
    assert.equal(basis[1], 'Bilaga 1 – Programförklaring Östergötland tillsammans mot brott 2022–2027')
    assert.equal(basis[2], 'Bilaga 2 – Inbjudan till gemensamt beslutsmöte för Östergötland tillsammans mot brott onsdag den 2 februari 2022 kl. 13.00–15.00')
    // Bakgrund from the data: Regbrå since 2010; no agreement with the police or medborgarlöfte is in the data, so none is claimed.
    assert.match(v.background, /Nätverket Regbrå har funnits sedan 2010\./)
    assert.match(v.background, /Länsstyrelsen Östergötland är sammankallande för nätverket\./)
    assert.match(v.background, /kommunala självstyret/)
    assert.match(v.background, /arbetsgrupper om unga i riskmiljöer\./)
    assert.doesNotMatch(v.background, /medborgarlöfte|samverkansöverenskommelse/i)
    // Representatives by role title, never by name.
    assert.match(v.economy, /Kommunens representant i styrgruppen är säkerhetschefen\./)
    assert.match(v.economy, /Säkerhetsstrategen deltar redan i beredningsgruppen\./)
    assert.doesNotMatch(JSON.stringify(v), /Påhittad/)
    // The official's own statements are not pre-written.
    for (const own of ['goals', 'goalsLink', 'equality', 'consultation', 'mbl']) assert.equal(v[own] ?? '', '', own)
    assert.equal(v.distribution, 'Säkerhetschef\nSäkerhetsstrateg')
    // Register: "samverkan", no machine-made lists.
    assert.doesNotMatch(Object.values(v).join('\n'), /samarbete|\((styrgrupp|beredningsgrupp|arbetsgrupp|nätverk)\)/i)
    for (const label of MEMO_HEADINGS) assert.ok(res.body.includes(`>${label}</label>`), label)
    assert.match(textOf(res.body), /De här avsnitten är tomma/)
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

  test('the Word document converts with LibreOffice: every heading in the source document’s order, real headings, Swedish', {
    skip: !hasLibreOffice && 'libreoffice not installed',
  }, async () => {
    const page = await b.get(memoUrl())
    const own = {
      goals: 'Ett attraktivt och tryggt Linköping.',
      goalsLink: 'https://www.example.se/mal.pdf',
      equality: 'Kvinnor uppger oftare än män att de känner sig otrygga.',
      consultation: 'Har ej genomförts.',
      mbl: 'MBL-information eller förhandling är inte påkallad.',
    }
    const res = await b.post(memoUrl(), { ...formValues(page.body), ...own, action: 'docx' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], DOCX_CONTENT_TYPE)
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="Tjansteskrivelse Linkopings kommun \d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''Tj%C3%A4nsteskrivelse/,
    )
    const docx = path.join(tmp, 'memo.docx')
    fs.writeFileSync(docx, res.rawPayload)
    const convert = (to: string) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', to, '--outdir', tmp, docx], {
        stdio: 'ignore',
        timeout: 120_000,
      })
    convert('pdf')
    const flat = execFileSync('pdftotext', [path.join(tmp, 'memo.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    const title = 'Programförklaring för Östergötland tillsammans mot brott, länsövergripande brottsförebyggande och trygghetsskapande samverkan, godkännande'
    let at = flat.indexOf(title)
    assert.ok(at >= 0, 'the ärendemening is the title')
    for (const h of MEMO_HEADINGS) {
      const next = flat.indexOf(h, at + 1)
      assert.ok(next > at, `"${h}" follows in the source document's order`)
      at = next
    }
    assert.match(
      flat,
      /1\. Programförklaring för Östergötland tillsammans mot brott godkänns\. 2\. Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen\./,
    )
    assert.match(flat, /Bilaga 2 – Inbjudan till gemensamt beslutsmöte/)
    assert.match(flat, /Kommunala mål Ett attraktivt och tryggt Linköping\. https:\/\/www\.example\.se\/mal\.pdf/)
    assert.match(flat, /Samråd Har ej genomförts\./)
    assert.match(flat, /Beslutet skickas till Säkerhetschef /)
    assert.match(flat, / Säkerhetsstrateg /)
    // Real headings (outline levels) and the language, as LibreOffice reads them.
    convert('html')
    const html = fs.readFileSync(path.join(tmp, 'memo.html'), 'utf8')
    const headings = [...html.matchAll(/<h([12])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => [
      m[1],
      m[2]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ])
    assert.deepEqual(headings, [['1', title], ...MEMO_HEADINGS.map((h) => ['2', h])])
    assert.match(html, /lang="sv-SE"/)
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
