import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { journey, launchBrowser, type Session } from './support/browser.ts'
import { COORDINATOR, checkPage, follow, logIn, openOtmb, pathOf, submit, visit } from './support/collaboration-steps.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * Issue 10 in a real browser, on the demo story: Länsstyrelsen's coordinator drafts the follow-up
 * report for the demo's latest year. Its counts agree with the open data read from the database by
 * another feature, it shows Linköping's status under Lag 2023:196 as the tracker does and the survey's
 * gender figures with a suppressed cell; Länsstyrelsen writes an assessment, sends the report for
 * comments and records the styrgrupp's adoption, after which nothing can be written; the PDF's text has
 * the section headings. axe on every page, desktop and phone.
 */
const year = new Date().getFullYear()
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-yearly-e2e-'))
const SECTIONS = [
  'Undertecknande och parter',
  'Deltagande och nedlagd tid',
  'Möten och beslut',
  'Strategi och verksamhetsplan',
  'Överenskommelser och medborgarlöften',
  'Kommunernas arbete enligt lag (2023:196)',
  'Nyckeltal och trygghet ur ett jämställdhetsperspektiv',
  'Samlad bedömning',
  'Rekommendationer',
]

let server: RunningServer
let browser: Browser
const T = { timeout: 240_000 }

before(
  async () => {
    ;[server, browser] = await startServerAndBrowser(launchBrowser, { story: true })
  },
  { timeout: 170_000 },
)

after(async () => {
  await browser?.close()
  await server?.stop()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const run = (name: string, fn: (s: Session) => Promise<void>) => journey(browser, server.baseUrl, name, fn)
const main = (page: Page) => page.locator('main')
const flat = (s: string) => s.replace(/\s+/g, ' ')

test('the coordinator drafts, writes, sends and adopts the yearly report; then it is locked, and its PDF has the sections', T, () =>
  run('yearly-report', async ({ page, context }) => {
    await logIn(page, COORDINATOR)
    const collaborationId = await openOtmb(page)
    await follow(page, /^Årsrapporter/)
    await checkPage(page, 'the yearly reports')
    // The demo's latest year is this one: the form proposes it.
    assert.equal(await main(page).getByLabel('År', { exact: true }).inputValue(), String(year))
    assert.equal(await submit(page, 'Ta fram rapporten'), 200)
    const reportPath = pathOf(page)
    assert.match(reportPath, /^\/yearly-reports\/[0-9a-f-]{36}$/)
    await checkPage(page, 'the drafted report')
    const text = flat(await main(page).innerText())
    for (const s of SECTIONS) assert.ok(text.includes(s), `the report has the section ${s}`)

    // The counts agree with the open data, which reads the parties and their signatures another way.
    const parties = (await (await context.request.get(`${server.baseUrl}/api/v1/open-data/parties`)).json()) as {
      items: { collaboration_id: string; signing_status: string | null; signed_on: string | null }[]
    }
    const ours = parties.items.filter((p) => p.collaboration_id === collaborationId)
    const signed = ours.filter((p) => p.signing_status === 'signed' && p.signed_on && p.signed_on <= `${year}-12-31`).length
    assert.match(text, new RegExp(`${ours.length} parter ingår i samverkan\\. ${signed} har undertecknat programförklaringen`))

    // Linköping's status under the law, as the tracker shows it.
    const lawRow = flat(await main(page).locator('#table-law tbody tr').filter({ hasText: 'Linköping' }).innerText())
    await visit(page, '/law/municipalities/0580')
    await checkPage(page, 'Linköping under the law')
    const tracker = flat(await main(page).innerText())
    const reportStatus = /Lägesbild (I ordning|Bevaka|Åtgärda)/.exec(tracker)?.[1]
    assert.ok(reportStatus, 'the tracker shows the lägesbild status')
    assert.match(lawRow, new RegExp(`^Linköping\\s+${reportStatus}:`))

    // The gender figures: women and men apart, a suppressed cell as "–" with the rule beside it.
    await visit(page, reportPath)
    const indicators = flat(await main(page).locator('section[aria-labelledby="section-indicators"]').innerText())
    assert.match(indicators, /Kvinnor Män Alla/)
    assert.match(indicators, /Östergötlands län \d+ % \d+ % \d+ %/)
    assert.match(indicators, / – – /)
    assert.match(indicators, /färre än 10/)

    // Länsstyrelsen writes the overall assessment.
    await follow(page, 'Skriv bedömningen för Samlad bedömning')
    await checkPage(page, 'the assessment form')
    await main(page).getByLabel('Bedömning av Samlad bedömning').fill('Samverkan fungerar enligt programförklaringen (e2e).')
    assert.equal(await submit(page, 'Spara bedömningen'), 200)
    assert.equal(pathOf(page), reportPath)
    assert.match(await main(page).innerText(), /Samverkan fungerar enligt programförklaringen \(e2e\)\./)

    assert.equal(await submit(page, 'Skicka till beredningsgruppen för synpunkter'), 200)
    assert.match(await main(page).innerText(), /Ute på synpunkter/)
    await follow(page, 'Anteckna styrgruppens beslut')
    await checkPage(page, 'the adoption form')
    await main(page).getByLabel('Paragraf (valfri)').fill('§ 9')
    assert.equal(await submit(page, 'Anteckna beslutet och lås rapporten'), 200)
    await checkPage(page, 'the adopted report')
    const adopted = flat(await main(page).innerText())
    assert.match(adopted, /Antagen av Styrgruppen för Östergötland tillsammans mot brott .* § 9/)
    assert.doesNotMatch(adopted, /Skriv bedömningen/)
    const locked = await context.request.get(`${server.baseUrl}${reportPath}/sections/assessment`)
    assert.equal(locked.status(), 409)

    const pdf = await context.request.get(`${server.baseUrl}${reportPath}/export.pdf`)
    assert.equal(pdf.status(), 200)
    const file = path.join(tmp, 'rapport.pdf')
    fs.writeFileSync(file, await pdf.body())
    const pdfText = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))
    for (const s of SECTIONS) assert.ok(pdfText.includes(s), `the PDF has the section ${s}`)
    assert.match(pdfText, /Samverkan fungerar enligt programförklaringen \(e2e\)\./)
  }),
)

test('the server logged no errors during the yearly report journey', T, () => {
  const errors = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
  assert.deepEqual(errors, [])
})
