import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { checkA11y, checkedPages, journey, launchBrowser, type Session } from './support/browser.ts'
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
 * Issue 6 D10 in a real browser: Linköping's editor writes the municipality's own lednings- och
 * samordningsmodell (a samordningsfunktion and a local body, after a refused empty form), and
 * Norrköping's editor reads it but cannot change it. The journey depends only on the reference data
 * (the ÖTMB parties) and the demo accounts; what it checks it writes itself. Every page visited is
 * checked with axe and at a 390 px phone width.
 */
const NORRKOPING_EDITOR = 'norrkoping@demo.test'
const DESCRIPTION = 'Modellen samlar kommunens trygghetsarbete (skriven i e2e-resan).'
const FUNCTION_PERSON = 'Elsa Exempelsson'
const BODY_NAME = 'Lokalt BRÅ Tornby (e2e)'

let server: RunningServer
let browser: Browser
let structureUrl = ''
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
  console.log(
    `# municipal structure e2e: axe checked ${checkedPages.length} pages in ${axeSeconds.toFixed(1)} s; ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  )
})

const run = (name: string, fn: (s: Session) => Promise<void>) => journey(browser, server.baseUrl, name, fn)

test('Linköping’s editor writes the samordningsfunktion and a local body of the municipality’s own structure', T, () =>
  run('municipal-structure-linkoping', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await openOtmb(page)
    // The overview's structure now names each body's convenors over time (B7); it must still fit a phone.
    assert.match(await page.locator('main .structure').innerText(), /Sammankallande:\s+2010-01-01 – 2016-12-31: uppgift saknas/)
    await checkPage(page, 'ÖTMB overview with the convenor history')
    await follow(page, LINKOPING, page.locator('main table').first())
    assert.match(pathOf(page), /^\/organisations\/[0-9a-f-]{36}\/structure$/)
    structureUrl = pathOf(page)
    // The demo marks its own model "exempel"; the heading starts with the municipality either way.
    assert.ok((await heading(page)).startsWith(`${LINKOPING}: lednings- och samordningsmodell`), await heading(page))
    await checkPage(page, 'Linköping’s structure')

    await follow(page, 'Ändra beskrivning och samordningsfunktion')
    await checkPage(page, 'the model form')
    const main = page.locator('main')
    await main.getByLabel('Beskrivning av modellen').fill(DESCRIPTION)
    await main.getByLabel('Funktion (valfritt)').fill('Säkerhetsstrateg, Kommunledningsförvaltningen')
    await main.getByLabel('Person (valfritt)').fill(FUNCTION_PERSON)
    await main.getByLabel('Sedan (valfritt)').fill('2023-07-01')
    assert.equal(await submit(page, 'Spara modellen'), 200)
    assert.equal(pathOf(page), structureUrl)
    assert.equal(await flash(page), `Modellen för ${LINKOPING} är sparad.`)
    const text = await main.innerText()
    assert.match(text, new RegExp(FUNCTION_PERSON))
    assert.match(text, /Modellen samlar kommunens trygghetsarbete/)
    assert.doesNotMatch(text, /Samordningsfunktion saknas/)
    await checkPage(page, 'Linköping’s structure after saving')

    // An empty local body: the error summary, focused, nothing saved.
    await follow(page, 'Lägg till lokalt organ')
    assert.equal(await submit(page, 'Spara organet'), 400)
    await expectErrorSummary(page, ['Skriv organets namn', 'Välj vilken typ av organ det är'])
    await checkPage(page, 'empty local body (error)')
    await main.getByLabel('Namn', { exact: true }).fill(BODY_NAME)
    await main.getByLabel('Typ', { exact: true }).selectOption({ label: 'Lokalt BRÅ' })
    await main.getByLabel('Mötesrytm (valfritt)').fill('Två gånger per termin')
    assert.equal(await submit(page, 'Spara organet'), 200)
    assert.equal(pathOf(page), structureUrl)
    assert.equal(await flash(page), `${BODY_NAME} är sparat.`)
    assert.equal(await page.locator('main h3', { hasText: BODY_NAME }).count(), 1)
    assert.ok(await page.locator('main svg[role="img"]').isVisible(), 'the organisation sketch is drawn')
    await checkPage(page, 'Linköping’s structure with a local body')
  }),
)

test('Norrköping’s editor reads Linköping’s structure but cannot change it', T, () =>
  run('municipal-structure-norrkoping', async ({ page }) => {
    assert.ok(structureUrl, 'the first journey found Linköping’s structure')
    await logIn(page, NORRKOPING_EDITOR)
    await visit(page, structureUrl)
    const main = page.locator('main')
    assert.match(await main.innerText(), new RegExp(FUNCTION_PERSON))
    assert.match(await main.innerText(), /Modellen skrivs av Linköpings kommun själv/)
    assert.equal(await main.getByRole('link', { name: 'Ändra beskrivning och samordningsfunktion' }).count(), 0)
    assert.equal(await main.getByRole('link', { name: 'Lägg till lokalt organ' }).count(), 0)
    assert.equal(await main.getByRole('link', { name: /^Ändra/ }).count(), 0)
    await checkPage(page, 'Linköping’s structure, read by Norrköping')

    await visit(page, `${structureUrl}/edit`, 403)
    assert.match(await main.innerText(), /Du har inte behörighet/)
    await checkA11y(page, 'refused edit (403)')
  }),
)
