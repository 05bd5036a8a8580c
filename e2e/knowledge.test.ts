import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { journey, launchBrowser, type Session } from './support/browser.ts'
import { COORDINATOR, LINKOPING, LINKOPING_EDITOR, openOtmb, checkPage, follow, logIn, pathOf, submit, visit } from './support/collaboration-steps.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * Issue 9 in a real browser: a survey defined beforehand with the CLI on the server's data folder; Linköping's
 * editor imports a file of answers for Linköping and Norrköping, follows the task until it is done, reads the
 * gender sentence and the intervals, sees a suppressed cell, and exports a lägesbild with the survey figure
 * that LibreOffice converts and that carries the page's numbers. axe on every page.
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-knowledge-e2e-'))
const dataDir = path.join(tmp, 'data')
const NAME = 'Trygghetsenkät Östergötland (e2e)'
const QUESTION = 'Hur trygg känner du dig på gator och torg en sen kväll?'
const year = 2024

let server: RunningServer
let browser: Browser
let surveyUrl = ''
const T = { timeout: 180_000 }

function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TILLSAMMANS_DATA_DIR: dataDir, TILLSAMMANS_DEMO: 'true', LOG_LEVEL: 'silent', DATABASE_URL: '' }
  delete env.NODE_TEST_CONTEXT
  delete env.INIT_CWD
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 })
}

/** Deterministic answers: women in 0580 feel safe 60 % of the time, men 85 %; few women answered parker_kvall in 0581. */
function answers(): string {
  const lines = ['kommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall']
  for (const kommun of ['0580', '0581']) {
    for (let i = 0; i < 200; i++) {
      const safe = i % 20 < 12 ? '2' : '3'
      lines.push(`${kommun};${year};kvinna;30-44;1;${safe};${kommun === '0581' && i >= 5 ? '' : safe}`)
    }
    for (let i = 0; i < 200; i++) {
      const safe = i % 20 < 17 ? '1' : '4'
      lines.push(`${kommun};${year};man;30-44;1;${safe};${safe}`)
    }
  }
  return `${lines.join('\r\n')}\r\n`
}

before(
  async () => {
    const definition = path.join(tmp, 'enkat.json')
    fs.writeFileSync(
      definition,
      JSON.stringify({
        name: NAME,
        kind: 'medborgarenkat',
        areas: ['0580', '0581'],
        questions: [
          {
            key: 'gator_torg_kvall',
            text: QUESTION,
            answers: { '1': 'Mycket trygg', '2': 'Ganska trygg', '3': 'Ganska otrygg', '4': 'Mycket otrygg' },
            reported: ['1', '2'],
          },
          {
            key: 'parker_kvall',
            text: 'Hur trygg känner du dig i parker en sen kväll?',
            answers: { '1': 'Mycket trygg', '2': 'Ganska trygg', '3': 'Ganska otrygg', '4': 'Mycket otrygg' },
            reported: ['1', '2'],
          },
        ],
      }),
    )
    // An earlier year, one answer: the survey exists before the journey imports the real file.
    const seedFile = path.join(tmp, 'forra.csv')
    fs.writeFileSync(seedFile, `kommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall\r\n0580;${year - 2};kvinna;30-44;1;2;2\r\n`)
    cli(['seed'])
    cli(['survey-import', '--definition', definition, '--file', seedFile, '--organisation', 'kommun-0580'])
    fs.writeFileSync(path.join(tmp, 'svar.csv'), answers())
    ;[server, browser] = await startServerAndBrowser(launchBrowser, { dataDir })
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

test('Linköping’s editor imports answers; the area page shows women and men with intervals and the sentence; a small cell is –', T, () =>
  run('knowledge-import', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await visit(page, '/surveys')
    await checkPage(page, 'the surveys')
    await follow(page, NAME)
    surveyUrl = pathOf(page)
    await checkPage(page, 'the survey')
    await visit(page, `${surveyUrl}/import`)
    await checkPage(page, 'the import form')
    await main(page).getByLabel('Fil med enkätsvar').setInputFiles(path.join(tmp, 'svar.csv'))
    assert.equal(await submit(page, 'Importera'), 200)
    assert.match(pathOf(page), /^\/tasks\//)
    // While the task runs its page carries a Refresh header; reload until it no longer does.
    for (let i = 0; ; i++) {
      const res = await page.reload()
      if (!res?.headers().refresh) break
      assert.ok(i < 90, 'the import finished within 90 s')
      await page.waitForTimeout(1000)
    }
    assert.match(await main(page).innerText(), /800/)
    await checkPage(page, 'the finished task')

    await visit(page, `${surveyUrl}/areas/0580`)
    await checkPage(page, 'Linköping’s survey page')
    const text = await main(page).innerText()
    assert.match(text, /Kvinnor känner sig .+ i lägre grad än män \(60\s% mot 85\s%\)\. Skillnaden, [\d,]+ procentenheter, är statistiskt säkerställd/)
    assert.match(text, /Kvinnor\t60\s%\t53\s%–67\s%\t200/)

    await visit(page, `${surveyUrl}/areas/0581`)
    await checkPage(page, 'Norrköping’s survey page')
    const small = await main(page).innerText()
    // parker_kvall: five women answered in Norrköping, so their share and interval are not shown.
    assert.match(small, /Norrköping\tKvinnor\t–\t–/)
    assert.match(small, /färre än 10 svarande/)
  }),
)

test('a lägesbild with the survey figure is exported as DOCX; LibreOffice converts it and it has the page’s numbers', T, () =>
  run('knowledge-lagesbild', async ({ page, context }) => {
    assert.ok(surveyUrl, 'the import journey found the survey')
    await logIn(page, LINKOPING_EDITOR)
    await openOtmb(page)
    await follow(page, `Planer och uppföljning – ${LINKOPING}`)
    await follow(page, `Lägesbilden för ${LINKOPING} (lagen 2023:196)`)
    await checkPage(page, 'Linköping’s lägesbilder')
    await follow(page, /Ny lägesbild/)
    await checkPage(page, 'the new lägesbild form')
    const m = main(page)
    await m.getByLabel('Rubrik', { exact: true }).fill(`Lägesbild ${year} (e2e)`)
    await m.getByLabel('Periodens första dag').fill(`${year}-01-01`)
    await m.getByLabel('Periodens sista dag').fill(`${year}-12-31`)
    assert.equal(await submit(page, 'Skapa lägesbilden'), 200)
    const reportId = pathOf(page).split('/')[2]
    if (!pathOf(page).endsWith('/edit')) await visit(page, `/situation-reports/${reportId}/edit`)
    await checkPage(page, 'the lägesbild edit form')
    await m.getByLabel('Figur 1', { exact: true }).selectOption({ label: `${NAME}: ${QUESTION}` })
    assert.equal(await submit(page, 'Spara'), 200)
    await checkPage(page, 'the lägesbild with its figure')
    assert.match(await m.innerText(), /60\s%/)

    const res = await context.request.get(`${server.baseUrl}/situation-reports/${reportId}/export.docx`)
    assert.equal(res.status(), 200)
    const dir = fs.mkdtempSync(path.join(tmp, 'docx-'))
    fs.writeFileSync(path.join(dir, 'lagesbild.docx'), await res.body())
    execFileSync(
      'libreoffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'lagesbild.docx')],
      { timeout: 120_000 },
    )
    const pdf = execFileSync('pdftotext', ['-layout', path.join(dir, 'lagesbild.pdf'), '-'], { encoding: 'utf8' })
    assert.match(pdf, /60\s%/)
    assert.match(pdf, /85\s%/)
  }),
)

test('a survey is created in the browser; Linköping’s åtgärdsplan shows what other municipalities did about its problem', T, () =>
  run('knowledge-new-survey-and-methods', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await visit(page, '/surveys')
    await follow(page, 'Ny enkät')
    await checkPage(page, 'the new survey forms')
    await main(page).getByLabel('Enkätens namn').fill('Trygghetsvandring Skäggetorp (e2e)')
    assert.equal(await submit(page, 'Skapa enkäten'), 200)
    assert.match(await main(page).innerText(), /Trygghetsvandring Skäggetorp \(e2e\)/)
    await checkPage(page, 'the new survey')

    await openOtmb(page)
    await follow(page, `Planer och uppföljning – ${LINKOPING}`)
    await follow(page, /^Åtgärdsplan \d{4} – Linköping$/)
    await checkPage(page, 'Linköping’s åtgärdsplan with the methods of its measures')
    await follow(page, /Vad har andra gjort\?/)
    await checkPage(page, 'what other municipalities did about the problem')
    const text = await main(page).innerText()
    assert.match(text, /Vår egen regel/)
    assert.match(text, /Åtgärder i andra kommuner som använder/)
  }),
)

test('the coordinator reads the population table behind the figures per 100 000', T, () =>
  run('knowledge-populations', async ({ page }) => {
    await logIn(page, COORDINATOR)
    await visit(page, '/indicators/populations')
    await checkPage(page, 'the population table')
    assert.match(await main(page).innerText(), /13 av 13/)
  }),
)

test('the server logged no errors during the knowledge journeys', T, () => {
  const errors = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
  assert.deepEqual(errors, [])
})
