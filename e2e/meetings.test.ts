import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { checkedPages, journey, launchBrowser, type Session } from './support/browser.ts'
import { checkPage, flash, follow, logIn, openBody, openOtmb, pathOf, stockholmDate, submit, visit } from './support/collaboration-steps.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * Justering as a real act (issue 6 E12) in a real browser: the secretary (the coordinator) writes
 * the minutes of a Styrgrupp meeting with two §§ and sends them for justering to two of those
 * present; each justerare confirms with their own account (Linköping's and Norrköping's demo
 * accounts, whose e-mail addresses the people in the seats have); the protocol is then a tagged PDF
 * whose text holds the §§. Every page passes axe and the 390 px width check.
 */

const LINKOPING = 'Linköpings kommun'
const NORRKOPING = 'Norrköpings kommun'
const FIRST = { name: 'Klara Justesson', title: 'Säkerhetschef', email: 'linkoping@demo.test', party: LINKOPING, account: 'linkoping@demo.test' }
const SECOND = { name: 'Sven Granskare', title: 'Säkerhetschef', email: 'norrkoping@demo.test', party: NORRKOPING, account: 'norrkoping@demo.test' }
const MEETING_DATE = stockholmDate(-3)
const MEETING_TITLE = `Styrgruppsmöte ${MEETING_DATE} (justering)`

let server: RunningServer
let browser: Browser
let meetingUrl = ''
const T = { timeout: 240_000 }

before(
  async () => {
    ;[server, browser] = await startServerAndBrowser(launchBrowser)
  },
  { timeout: 150_000 },
)

after(async () => {
  await browser?.close()
  await server?.stop()
  console.log(`# meetings e2e: axe checked ${checkedPages.length} pages`)
})

const run = (name: string, fn: (s: Session) => Promise<void>) => journey(browser, server.baseUrl, name, fn)

async function addPerson(page: Page, collaborationId: string, p: typeof FIRST) {
  await visit(page, `/collaborations/${collaborationId}/people/new`)
  const main = page.locator('main')
  await main.getByLabel('Namn', { exact: true }).fill(p.name)
  await main.getByLabel('Titel (valfritt)').fill(p.title)
  await main.getByLabel('Organisation', { exact: true }).selectOption({ label: p.party })
  await main.getByLabel('E-postadress (valfritt)').fill(p.email)
  assert.equal(await submit(page, 'Spara person'), 200)
  assert.equal(await flash(page), `${p.name} är tillagd.`)
}

async function addSeat(page: Page, bodyId: string, p: typeof FIRST) {
  await visit(page, `/bodies/${bodyId}/seats/new`)
  const main = page.locator('main')
  await main.getByLabel('Person', { exact: true }).selectOption({ label: `${p.name} – ${p.party}` })
  await main.getByLabel('Representerar part').selectOption({ label: p.party })
  await main.getByRole('radio', { name: 'Chef/ledningsnivå', exact: true }).check()
  await main.getByLabel('Från och med', { exact: true }).fill('2024-01-01')
  assert.equal(await submit(page, 'Spara ledamoten'), 200)
  assert.equal(await flash(page), `${p.name} är sparad som ledamot.`)
}

test('the secretary writes the minutes with two §§ and sends them to two justerare chosen among those present', T, () =>
  run('meetings-secretary', async ({ page }) => {
    await logIn(page, 'lansstyrelsen@demo.test')
    const collaborationId = await openOtmb(page)
    for (const p of [FIRST, SECOND]) await addPerson(page, collaborationId, p)
    const steeringId = await openBody(page, collaborationId, 'Styrgrupp')
    for (const p of [FIRST, SECOND]) await addSeat(page, steeringId, p)

    await visit(page, `/bodies/${steeringId}/meetings/new`)
    const main = page.locator('main')
    await main.getByLabel('Rubrik').fill(MEETING_TITLE)
    await main.getByLabel('Datum', { exact: true }).fill(MEETING_DATE)
    await main.getByLabel('Starttid').fill('13:00')
    await main.getByLabel('Sluttid').fill('15:00')
    await main.getByLabel('Plats', { exact: true }).fill('Länsstyrelsen, Linköping')
    assert.equal(await submit(page, 'Skapa möte'), 200)
    meetingUrl = pathOf(page)
    assert.match(meetingUrl, /^\/meetings\/[0-9a-f-]{36}$/)
    // Not yet: no minutes, no §.
    assert.match(await main.innerText(), /Protokollet kan inte skickas för justering ännu/)

    await follow(page, 'Registrera närvaro')
    for (const p of [FIRST, SECOND])
      await main
        .getByRole('group', { name: `Närvaro för ${p.name}` })
        .getByRole('radio', { name: 'Närvarande', exact: true })
        .check()
    assert.equal(await submit(page, 'Spara närvaron'), 200)

    await follow(page, 'Skriv eller ändra protokollet')
    await main.getByLabel('Protokollstext').fill('Ordföranden öppnade mötet.\n\nLägesbilden för länet presenterades.')
    assert.equal(await submit(page, 'Spara protokollet'), 200)
    for (const [title, text] of [
      ['Verksamhetsplan', 'Styrgruppen fastställer verksamhetsplanen.'],
      ['Mötesplan', 'Styrgruppen fastställer mötesplanen för nästa år.'],
    ]) {
      await follow(page, 'Lägg till beslut')
      await main.getByLabel('Ärende').fill(title)
      await main.getByLabel('Beslut', { exact: true }).fill(text)
      assert.equal(await submit(page, 'Spara beslutet'), 200)
    }
    assert.ok(await main.getByRole('heading', { name: '§ 2 Mötesplan', exact: true }).isVisible())
    await follow(page, 'Lägg till åtgärd')
    await main.getByLabel('Åtgärd', { exact: true }).fill('Skicka verksamhetsplanen till parterna')
    assert.equal(await submit(page, 'Spara åtgärden'), 200)
    await checkPage(page, 'meeting with minutes and two §§')

    await follow(page, 'Välj justerare och skicka för justering')
    await checkPage(page, 'choose justerare')
    const group = main.getByRole('group', { name: 'Justerare' })
    await group.getByLabel(`${FIRST.name} (${FIRST.party})`).check()
    await group.getByLabel(`${SECOND.name} (${SECOND.party})`).check()
    assert.equal(await submit(page, 'Skicka för justering'), 200)
    assert.equal(await flash(page), 'Protokollet är skickat för justering till 2 justerare.')
    assert.equal(await main.getByRole('link', { name: 'Skriv eller ändra protokollet' }).count(), 0, 'no edits while under justering')
    await checkPage(page, 'meeting waiting for justering')
  }),
)

test('the first justerare confirms with their own account after an "Är du säker?" step; the minutes wait for the second', T, () =>
  run('meetings-first-justerare', async ({ page }) => {
    assert.ok(meetingUrl, 'the secretary’s journey made the meeting')
    await logIn(page, FIRST.account)
    await visit(page, meetingUrl)
    await follow(page, 'Justera protokollet')
    await checkPage(page, 'justering confirmation (first)')
    const main = page.locator('main')
    assert.match(await main.innerText(), /Är du säker\? Din justering registreras\. Protokollet låses när alla justerare har justerat\./)
    assert.match(await main.innerText(), /§ 1 Verksamhetsplan/)
    assert.equal(await submit(page, 'Ja, justera protokollet'), 200)
    assert.equal(await flash(page), 'Din justering är registrerad. Protokollet låses när alla justerare har justerat.')
    assert.match(await main.innerText(), new RegExp(`${FIRST.name} Justerat \\d{4}-\\d{2}-\\d{2} med eget konto`))
    assert.equal(await main.getByRole('link', { name: 'Protokoll (PDF)' }).count(), 0, 'no protocol before the lock')
    await checkPage(page, 'meeting after the first justering')
  }),
)

test('the second justerare confirms; the minutes lock and the protocol PDF’s text holds the §§', T, () =>
  run('meetings-second-justerare', async ({ page }) => {
    await logIn(page, SECOND.account)
    await visit(page, meetingUrl)
    await follow(page, 'Justera protokollet')
    const main = page.locator('main')
    assert.match(await main.innerText(), /Är du säker\? Protokollet låses när du justerar och kan därefter inte ändras\./)
    await checkPage(page, 'justering confirmation (last)')
    assert.equal(await submit(page, 'Ja, justera protokollet'), 200)
    assert.equal(await flash(page), 'Protokollet är justerat och låst.')
    assert.match(await main.locator('.summary-list').first().innerText(), /Protokollet justerat/)
    await checkPage(page, 'meeting justerat')

    await follow(page, 'Visa protokollet')
    await checkPage(page, 'protocol page')
    const href = await main.getByRole('link', { name: 'Protokoll (PDF)' }).getAttribute('href')
    const res = await page.request.get(href!)
    assert.equal(res.status(), 200)
    assert.equal(res.headers()['content-type'], 'application/pdf')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-protocol-'))
    try {
      const pdf = path.join(dir, 'protokoll.pdf')
      fs.writeFileSync(pdf, await res.body())
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { timeout: 30_000 }).toString('utf8').replace(/\s+/g, ' ')
      for (const expected of [
        'Protokoll – Styrgrupp',
        '§ 1 Verksamhetsplan',
        '§ 2 Mötesplan',
        'Styrgruppen fastställer verksamhetsplanen.',
        FIRST.name,
        SECOND.name,
        'Skicka verksamhetsplanen till parterna',
      ])
        assert.ok(text.includes(expected), `"${expected}" in the PDF: ${text}`)
      assert.match(execFileSync('pdfinfo', [pdf]).toString(), /Tagged:\s+yes/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }),
)

test('the server logged no errors during the meetings journeys', () => {
  assert.doesNotMatch(server.output(), /"level":(50|60)/)
})
