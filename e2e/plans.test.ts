import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { checkedPages, journey, launchBrowser, openSession, type Session } from './support/browser.ts'
import {
  LINKOPING,
  LINKOPING_EDITOR,
  checkPage,
  expectErrorSummary,
  flash,
  follow,
  heading,
  logIn,
  openOtmb,
  pathOf,
  submit,
  visit,
} from './support/collaboration-steps.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * Issue 8 in a real browser, from the bare reference data: Linköping's editor writes a medborgarlöfte
 * with its LPO and a promise, reports a month in four fields (after a refused empty form); the
 * police's editor and Linköping's editor save the same month and the second sees both versions; the
 * tertial summary is drafted from the month, edited and published, and appears on the public page
 * without login and in the Atom feed. Every page is checked with axe and at a 390 px phone width.
 */
const POLICE_EDITOR = 'polisen@demo.test'
const year = new Date().getFullYear()
const TITLE = `Medborgarlöfte Linköping ${year - 1}–${year} (e2e)`
const PROMISE = 'genomföra riktade insatser mot narkotika i skolmiljö'

let server: RunningServer
let browser: Browser
let planUrl = ''
let entryUrl = ''
const started = Date.now()
const T = { timeout: 180_000 }

before(
  async () => {
    ;[server, browser] = await startServerAndBrowser(launchBrowser)
  },
  { timeout: 150_000 },
)

after(async () => {
  await browser?.close()
  await server?.stop()
  const axeSeconds = checkedPages.reduce((sum, p) => sum + p.ms, 0) / 1000
  console.log(`# plans e2e: axe checked ${checkedPages.length} pages in ${axeSeconds.toFixed(1)} s; ${((Date.now() - started) / 1000).toFixed(1)} s in all`)
})

const run = (name: string, fn: (s: Session) => Promise<void>) => journey(browser, server.baseUrl, name, fn)
const main = (page: Page) => page.locator('main')

test('Linköping’s editor writes a medborgarlöfte with the LPO and a promise with a target', T, () =>
  run('plans-create', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await openOtmb(page)
    await follow(page, `Planer och uppföljning – ${LINKOPING}`)
    assert.equal(await heading(page), `Planer för ${LINKOPING}`)
    await checkPage(page, 'Linköping’s plans')
    await follow(page, 'Nytt medborgarlöfte')
    await checkPage(page, 'new plan form')
    const m = main(page)
    await m.getByLabel('Namn', { exact: true }).fill(TITLE)
    await m.getByLabel('Gäller från').fill(`${year - 1}-01-01`)
    await m.getByLabel('Gäller till').fill(`${year}-12-31`)
    await m.getByLabel('Polisen som är part (valfritt)').selectOption({ label: 'Lokalpolisområde Linköping' })
    await m.getByLabel('Antagen', { exact: true }).check()
    await m.getByLabel('Vem kan läsa planen').selectOption({ label: 'Offentlig – alla kan läsa' })
    assert.equal(await submit(page, 'Skapa planen'), 200)
    assert.equal(await flash(page), `${TITLE} är skapad.`)
    planUrl = pathOf(page)
    await checkPage(page, 'the new plan')

    await follow(page, 'Lägg till löfte')
    await checkPage(page, 'new promise form')
    await m.getByLabel('Polisen lovar', { exact: true }).check()
    await m.getByLabel('Vad lovas?').fill(PROMISE)
    await m.getByLabel('Mätbart mål (valfritt)').selectOption({ label: 'Minst' })
    await m.getByLabel('Antal (valfritt)').fill('6')
    await m.getByLabel('Enhet (valfritt)').fill('riktade insatser')
    assert.equal(await submit(page, 'Lägg till'), 200)
    assert.equal(pathOf(page), planUrl)
    const text = await m.innerText()
    assert.match(text, new RegExp(`Polisen lovar att ${PROMISE}`))
    assert.match(text, /Utlovat: minst 6 riktade insatser – Utfall: –/)
    await checkPage(page, 'the plan with its promise')
  }),
)

test('a month is reported in four fields, after an empty form is refused; the home page counted it as due', T, () =>
  run('plans-entry', async ({ page }) => {
    assert.ok(planUrl, 'the first journey made the plan')
    await logIn(page, LINKOPING_EDITOR)
    assert.match(await main(page).innerText(), /Uppföljning att rapportera/)
    await visit(page, planUrl)
    await follow(page, /^Rapportera januari \d{4} – /)
    entryUrl = pathOf(page)
    assert.match(entryUrl, new RegExp(`/follow-up/${year - 1}-01$`))
    await checkPage(page, 'the entry form')
    const fields = await main(page)
      .locator('input:not([type=hidden]), textarea, select')
      .evaluateAll((els) => new Set(els.map((e) => (e as HTMLInputElement).name)).size)
    assert.ok(fields <= 5, `at most five form fields, saw ${fields}`)
    assert.equal(await submit(page, 'Spara uppföljningen'), 400)
    await expectErrorSummary(page, ['Välj hur det går'])
    await checkPage(page, 'the entry form with an error')
    const m = main(page)
    await m.getByLabel('Enligt plan').check()
    await m.getByLabel('Vad gjordes? (valfritt)').fill('Två insatser vid skolorna i Skäggetorp.')
    await m.getByLabel('Utfall: antal riktade insatser (valfritt)').fill('2')
    await m.getByLabel('Nedlagd tid i timmar (valfritt)').fill('3,5')
    assert.equal(await submit(page, 'Spara uppföljningen'), 200)
    assert.equal(pathOf(page), planUrl)
    assert.match(await flash(page), /^Uppföljningen av ”genomföra riktade insatser mot narkotika i skolmiljö” för januari \d{4} är sparad\.$/)
    assert.match(await m.innerText(), /Utlovat: minst 6 riktade insatser – Utfall: 2/)
    await checkPage(page, 'the plan after the entry')
  }),
)

test('the police’s editor and Linköping’s editor save the same month: the second sees both versions, nothing is overwritten', T, async () => {
  assert.ok(entryUrl, 'the entry journey found the form')
  const police = await openSession(browser, server.baseUrl)
  try {
    await run('plans-conflict', async ({ page }) => {
      await logIn(page, LINKOPING_EDITOR)
      await logIn(police.page, POLICE_EDITOR)
      await visit(page, entryUrl)
      await visit(police.page, entryUrl)
      await main(police.page).getByLabel('Risk', { exact: true }).check()
      await main(police.page).getByLabel('Vad gjordes? (valfritt)').fill('Polisens version: en insats ställdes in.')
      assert.equal(await submit(police.page, 'Spara uppföljningen'), 200)
      await main(page).getByLabel('Klar', { exact: true }).check()
      await main(page).getByLabel('Vad gjordes? (valfritt)').fill('Kommunens version.')
      assert.equal(await submit(page, 'Spara uppföljningen'), 409)
      const text = await main(page).innerText()
      assert.match(text, /Någon annan har sparat under tiden/)
      assert.match(text, /Polisens version: en insats ställdes in\./)
      assert.equal(await main(page).getByLabel('Vad gjordes? (valfritt)').inputValue(), 'Kommunens version.')
      await checkPage(page, 'the conflict page')
      await visit(page, entryUrl)
      assert.equal(await main(page).getByLabel('Vad gjordes? (valfritt)').inputValue(), 'Polisens version: en insats ställdes in.')
    })
  } finally {
    await police.context.close()
  }
})

test('the tertial summary is drafted from the month, edited and published; the public page and the feed show it', T, () =>
  run('plans-summary', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await visit(page, planUrl)
    await follow(page, 'Tertial- och halvårssammanställningar')
    await checkPage(page, 'the summaries')
    await page
      .locator(`main a[href$="/summaries/${year - 1}-T1"]`)
      .first()
      .click()
    await page.waitForLoadState()
    await checkPage(page, 'the draft summary')
    const m = main(page)
    const drafted = await m.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n'))
    assert.match(drafted, /Polisens version: en insats ställdes in\./)
    await m.getByLabel('Inledning (valfritt)').fill('Första tertialet: arbetet har kommit i gång.')
    assert.equal(await submit(page, 'Spara utkastet'), 200)
    assert.match(await flash(page), /är sparat\.$/)
    page.once('dialog', (d) => d.accept())
    assert.equal(await submit(page, 'Publicera version 1'), 200)
    assert.match(await flash(page), /är publicerad\.$/)
    await checkPage(page, 'after publishing')

    const visitor = await openSession(browser, server.baseUrl)
    try {
      await visit(visitor.page, '/public/medborgarloften')
      await checkPage(visitor.page, 'the public list of medborgarlöften')
      await follow(visitor.page, TITLE)
      const text = await main(visitor.page).innerText()
      assert.match(text, /Första tertialet: arbetet har kommit i gång\./)
      assert.match(text, /Utfall: 2/)
      await checkPage(visitor.page, 'the public medborgarlöfte')
      const feed = await visitor.page.request.get(`${server.baseUrl}/public/medborgarloften.atom`)
      assert.equal(feed.status(), 200)
      assert.match(feed.headers()['content-type'], /atom\+xml/)
      assert.match(await feed.text(), new RegExp(TITLE.replace(/[()]/g, '\\$&')))
      assert.deepEqual(visitor.problems, [])
    } finally {
      await visitor.context.close()
    }
  }),
)

test('the server logged no errors during the plans journeys', T, () => {
  const errors = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
  assert.deepEqual(errors, [])
})
