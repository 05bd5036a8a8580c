import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { docxParts } from '../../test-support/docx-xml.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { addMonths } from './review.ts'
import { todayInSweden } from './situation-reports.service.ts'
import { situationReportProblems, situationReports } from './situation-reports.tables.ts'
import { buildActionPlan, buildReport, buildSurvey } from './situation-reports.test-factories.ts'

let t: TestApp
let lkp: string
let plan: Awaited<ReturnType<typeof buildActionPlan>>
let surveyId: string
const users: Record<string, BuiltUser> = {}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-'))

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

before(async () => {
  t = await buildTestApp()
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  plan = await buildActionPlan(t.deps)
  surveyId = (await buildSurvey(t.deps)).survey.id
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lina Linköping' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.stockholm = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true })
  return t.close()
})

const as = (who: string) => signedIn(t.app, users[who])
const reportRow = async (id: string) => (await t.deps.db.select().from(situationReports).where(eq(situationReports.id, id)))[0]
const editFields = (r: Awaited<ReturnType<typeof reportRow>>, over: Record<string, string> = {}) => ({
  version: String(r.version),
  title: r.title,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  visibility: r.visibility,
  reviewIntervalMonths: String(r.reviewIntervalMonths),
  mappingText: 'Anmälda brott i kommunen ökar.',
  otherInformation: 'Trygghetsvandringar i Skäggetorp.',
  analysis: 'Otryggheten hänger ihop med mörka stråk.',
  figure_0: `survey:${surveyId}:gator_torg`,
  figureNote_0: 'Medborgarenkäten 2021.',
  figure_1: `survey:${surveyId}:parker_kvall`,
  figureNote_1: '',
  sourceName_0: 'Medborgarenkäten',
  sourceUsed_0: 'yes',
  sourceLimitations_0: 'Svarsfrekvensen är låg bland unga.',
  sourceName_1: 'Polisens lägesbild',
  sourceUsed_1: 'no',
  sourceLimitations_1: 'Inte tillgänglig för perioden.',
  ...over,
})

describe('writing a lägesbild through the pages', () => {
  let id: string

  test('a new lägesbild: bad input gives 400 with the error summary and the values kept', async () => {
    const b = await as('editor')
    assert.equal((await b.get(`/situation-reports/new?organisation=${lkp}`)).statusCode, 200)
    const bad = await b.post('/situation-reports/new', {
      organisationId: lkp,
      title: '',
      periodStart: '2025-12-31',
      periodEnd: '2025-01-01',
      visibility: 'partners',
      reviewIntervalMonths: 'tjugofyra',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /class="error-summary"/)
    assert.match(bad.body, /Skriv en rubrik/)
    assert.match(bad.body, /Periodens sista dag kan inte vara före den första/)
    assert.match(bad.body, /value="tjugofyra"/)
    const ok = await b.post('/situation-reports/new', {
      organisationId: lkp,
      title: 'Lägesbild 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      visibility: 'partners',
      reviewIntervalMonths: '24',
    })
    assert.equal(ok.statusCode, 303)
    id = String(ok.headers.location).split('/').pop()!
  })

  test('sections: a source without a name and a figure not in the list give 400, values kept', async () => {
    const b = await as('editor')
    const r = await reportRow(id)
    const res = await b.post(`/situation-reports/${id}/edit`, editFields(r, { figure_1: 'survey:nonsense', sourceName_1: '', sourceUsed_1: '' }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Välj en figur i listan/)
    assert.match(res.body, /Skriv källans namn/)
    assert.match(res.body, /Otryggheten hänger ihop med mörka stråk\./)
    assert.match(res.body, /Inte tillgänglig för perioden\./)
  })

  test('sections are saved; a stale version gives 409 showing the stored text beside the user’s', async () => {
    const b = await as('editor')
    const r = await reportRow(id)
    assert.equal((await b.get(`/situation-reports/${id}/edit`)).statusCode, 200)
    assert.equal((await b.post(`/situation-reports/${id}/edit`, editFields(r))).statusCode, 303)
    const saved = await reportRow(id)
    assert.equal(saved.figures.length, 2)
    assert.deepEqual(saved.sources[1], { name: 'Polisens lägesbild', used: false, limitations: 'Inte tillgänglig för perioden.' })
    const stale = await b.post(`/situation-reports/${id}/edit`, editFields(r, { analysis: 'Min egen analys.' }))
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har sparat lägesbilden/)
    assert.match(stale.body, /Otryggheten hänger ihop med mörka stråk\./)
    assert.match(stale.body, /Min egen analys\./)
    assert.match(stale.body, new RegExp(`name="version" value="${saved.version}"`))
  })

  test('prioritised problems: the plan’s problems with their causes and a link to the åtgärdsplan', async () => {
    const b = await as('editor')
    const page = await b.get(`/situation-reports/${id}/problems`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Orsak 1: Dålig belysning längs gångstråken/)
    assert.match(page.body, new RegExp(`href="/plans/${plan.plan.id}"`))
    const r = await reportRow(id)
    const rows = (n: number, id: string, extra: Record<string, string> = {}) => ({ [`itemId_${n}`]: id, ...extra })
    const bad = await b.post(`/situation-reports/${id}/problems`, {
      version: String(r.version),
      ...rows(0, plan.problems[0].id, { chosen_0: 'on', priority_0: 'först', place_0: 'Gångstråken' }),
      ...rows(1, plan.problems[1].id),
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /Skriv prioriteten som ett heltal mellan 1 och 99/)
    assert.match(bad.body, /Gångstråken/)
    const ok = await b.post(`/situation-reports/${id}/problems`, {
      version: String(r.version),
      ...rows(0, plan.problems[0].id, {
        chosen_0: 'on',
        priority_0: '2',
        victim_0: 'Kvinnor som går hem från bussen.',
        offender_0: 'Okända män.',
        place_0: 'Mörka gångstråk.',
        chain_0: 'Bussen kommer sent, vägen hem går genom parken.',
      }),
      ...rows(1, plan.problems[1].id, { chosen_1: 'on', priority_1: '1', place_1: 'Skolgården.' }),
    })
    assert.equal(ok.statusCode, 303)
    const chosen = await t.deps.db.select().from(situationReportProblems).where(eq(situationReportProblems.reportId, id))
    assert.equal(chosen.find((c) => c.problemItemId === plan.problems[1].id)?.priority, 1)
    const doc = await b.get(`/situation-reports/${id}`)
    assert.match(doc.body, /Prioriterat problem 2: Otrygghet i Skäggetorp kvällstid/)
    assert.match(doc.body, /Bussen kommer sent/)
    assert.match(doc.body, /Orsak 2: Få vuxna ute kvällstid/)
  })

  test('the page is the whole document: sections in order, figures with tables, a suppressed cell as "–" with its note', async () => {
    const b = await as('county')
    const res = await b.get(`/situation-reports/${id}`)
    assert.equal(res.statusCode, 200)
    const order = ['Kartläggning', 'Annan information', 'Analys', 'Orsaksanalys per prioriterat problem', 'Källor som använts och inte använts', 'Antagande']
    const at = order.map((h) => res.body.indexOf(`>${h}</h`))
    assert.ok(
      at.every((i, n) => i > 0 && (n === 0 || i > (at[n - 1] as number))),
      `headings in order: ${at}`,
    )
    assert.match(res.body, /<svg[^>]+class="chart-svg"/)
    assert.match(res.body, />20 % \(15 %–25 %\)</)
    assert.match(res.body, />34 % \(28 %–40 %\)</)
    // Parks: 5 women answered, so neither women nor men are shown (the men could give the women away).
    assert.match(res.body, /färre än 10 har svarat/)
    assert.doesNotMatch(res.body, />20 % \(2 %/)
    // Länsstyrelsen reads, but does not write (municipal self-government).
    assert.doesNotMatch(res.body, /Ändra avsnitten/)
    assert.equal((await b.get(`/situation-reports/${id}/edit`)).statusCode, 403)
  })

  test('another municipality’s editor reads (partners) but may not write; another county’s editor finds nothing', async () => {
    const nkp = await as('norrkoping')
    assert.equal((await nkp.get(`/situation-reports/${id}`)).statusCode, 200)
    assert.equal((await nkp.get(`/situation-reports/${id}/edit`)).statusCode, 403)
    assert.equal((await nkp.post(`/situation-reports/${id}/edit`, {})).statusCode, 403)
    const sthlm = await as('stockholm')
    assert.equal((await sthlm.get(`/situation-reports/${id}`)).statusCode, 404)
    assert.equal((await sthlm.get(`/situation-reports/${id}/edit`)).statusCode, 404)
    assert.equal((await sthlm.post(`/situation-reports/${id}/adopt`, {})).statusCode, 404)
    assert.equal((await sthlm.get(`/situation-reports/${id}/export.docx`)).statusCode, 404)
    assert.equal((await sthlm.get(`/situation-reports/new?organisation=${lkp}`)).statusCode, 403)
  })

  test('the DOCX is a Word document with the sections and the figure’s numbers', async () => {
    const res = await (await as('editor')).get(`/situation-reports/${id}/export.docx`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /wordprocessingml/)
    const parts = await docxParts(res.rawPayload)
    const xml = parts.get('word/document.xml') ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    for (const h of [
      'Kartläggning',
      'Annan information',
      'Analys',
      'Orsaksanalys per prioriterat problem',
      'Källor som använts',
      'Källor som inte använts',
      'Antagande',
    ])
      assert.ok(text.includes(h), h)
    assert.ok(text.includes('20 % (15 %–25 %)'), 'women, gator och torg')
    assert.ok(text.includes('34 % (28 %–40 %)'), 'men, gator och torg')
    assert.ok(text.includes('Polisens lägesbild'))
    assert.ok(text.includes('Prioriterat problem 1: Narkotikaförsäljning vid skolorna'))
    fs.writeFileSync(path.join(tmp, 'lagesbild.docx'), res.rawPayload)
  })

  test('the DOCX converts with LibreOffice and the PDF holds the figure’s numbers', {
    skip: (!has('soffice') || !has('pdftotext')) && 'libreoffice or pdftotext not installed',
  }, () => {
    const docx = path.join(tmp, 'lagesbild.docx')
    execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    })
    const flat = execFileSync('pdftotext', [path.join(tmp, 'lagesbild.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [
      'Kartläggning',
      'Orsaksanalys per prioriterat problem',
      'Kvinnor 20 % (15 %–25 %)',
      'Män 34 % (28 %–40 %)',
      'Kvinnor – Män – Alla 22 %',
      'Antagande',
    ])
      assert.ok(flat.includes(expected), `${expected} in: ${flat}`)
    // The figures' charts came through as images (pdfimages lists one row per image after its two header lines).
    if (has('pdfimages')) {
      const images = execFileSync('pdfimages', ['-list', path.join(tmp, 'lagesbild.pdf')], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2)
      assert.ok(images.length >= 1, 'the charts are in the PDF')
    }
  })

  test('the tagged PDF from Chromium holds the sections and numbers', {
    skip: (!fs.existsSync('/usr/bin/chromium') || !has('pdftotext')) && 'chromium or pdftotext not installed',
  }, async () => {
    const res = await (await as('editor')).get(`/situation-reports/${id}/export.pdf`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-')
    assert.match(res.rawPayload.toString('latin1'), /\/StructTreeRoot/)
    const file = path.join(tmp, 'chromium.pdf')
    fs.writeFileSync(file, res.rawPayload)
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of ['Kartläggning', 'Annan information', 'Orsaksanalys per prioriterat problem', '20 % (15 %–25 %)'])
      assert.ok(flat.includes(expected), expected)
  })

  test('adoption: 400 with the summary for missing fields; then final — editing says so (409), a new version is a copy', async () => {
    const b = await as('editor')
    const r = await reportRow(id)
    const bad = await b.post(`/situation-reports/${id}/adopt`, {
      version: String(r.version),
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2025-13-40',
      adoptedParagraph: '',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /Skriv paragrafen/)
    assert.match(bad.body, /value="2025-13-40"/)
    const ok = await b.post(`/situation-reports/${id}/adopt`, {
      version: String(r.version),
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2025-11-20',
      adoptedParagraph: '§ 187',
    })
    assert.equal(ok.statusCode, 303)
    assert.equal((await reportRow(id)).nextReviewDue, '2027-11-20')
    const edit = await b.get(`/situation-reports/${id}/edit`)
    assert.equal(edit.statusCode, 409)
    assert.match(edit.body, /Lägesbilden är antagen och kan inte ändras/)
    assert.equal((await b.post(`/situation-reports/${id}/edit`, editFields(await reportRow(id)))).statusCode, 409)
    assert.equal((await b.post(`/situation-reports/${id}/problems`, { version: '1' })).statusCode, 409)
    const next = await b.post(`/situation-reports/${id}/new-version`, { version: String((await reportRow(id)).version) })
    assert.equal(next.statusCode, 303)
    const nextId = String(next.headers.location).split('/')[2]!
    const copy = await reportRow(nextId)
    assert.equal(copy.revision, 2)
    assert.equal(copy.previousId, id)
    assert.equal(copy.status, 'draft')
    const page = await b.get(`/situation-reports/${nextId}`)
    assert.match(page.body, /Lägesbild 2025 \(version 2\)/)
    assert.match(page.body, /Bussen kommer sent/)
  })
})

describe('the list of a municipality’s lägesbilder', () => {
  test('status, adoption and next review: yellow within three months, red when passed', async () => {
    const today = todayInSweden()
    const adopted = (title: string, periodStart: string, due: string) => ({
      organisationId: lkp,
      municipalityCode: '0580',
      title,
      periodStart,
      periodEnd: `${periodStart.slice(0, 4)}-12-31`,
      status: 'adopted' as const,
      adoptedBy: 'Kommunstyrelsen',
      adoptedOn: '2020-03-01',
      adoptedParagraph: '§ 12',
      nextReviewDue: due,
    })
    await t.deps.db
      .insert(situationReports)
      .values([
        adopted('Lägesbild med försenad översyn', '2010-01-01', addMonths(today, -1)),
        adopted('Lägesbild med översyn snart', '2011-01-01', addMonths(today, 2)),
        adopted('Lägesbild med översyn längre fram', '2012-01-01', addMonths(today, 12)),
      ])
    const res = await (await as('norrkoping')).get(`/organisations/${lkp}/situation-reports`)
    assert.equal(res.statusCode, 200)
    const row = (title: string) => res.body.slice(res.body.indexOf(title), res.body.indexOf('</tr>', res.body.indexOf(title)))
    assert.match(row('Lägesbild med försenad översyn'), /tag--red">Översynen är försenad/)
    assert.match(row('Lägesbild med översyn snart'), /tag--yellow">Översyn inom 3 månader/)
    assert.doesNotMatch(row('Lägesbild med översyn längre fram'), /tag--(red|yellow)/)
    assert.match(row('Lägesbild med försenad översyn'), /Kommunstyrelsen 2020-03-01, § 12/)
    assert.doesNotMatch(res.body, /Ny lägesbild/)
    assert.match((await (await as('editor')).get(`/organisations/${lkp}/situation-reports`)).body, /Ny lägesbild/)
  })

  test('a draft kept to the organisation is not listed for another municipality, but for Länsstyrelsen', async () => {
    await buildReport(t.deps, { visibility: 'organisation', periodStart: '2013-01-01' })
    const seen = async (who: string) => (await (await as(who)).get(`/organisations/${lkp}/situation-reports`)).body.includes('Lägesbild 2013')
    assert.equal(await seen('norrkoping'), false)
    assert.equal(await seen('county'), true)
  })
})
