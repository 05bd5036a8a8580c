import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { checkedPages, journey, launchBrowser, type Session } from './support/browser.ts'
import {
  COORDINATOR,
  LINKOPING,
  LINKOPING_EDITOR,
  addPerson,
  calendarEvent,
  cellText,
  checkPage,
  docxToText,
  expectErrorSummary,
  flash,
  fillSeat,
  follow,
  heading,
  logIn,
  navigate,
  openBody,
  openOtmb,
  pathOf,
  rowOf,
  stockholmDate,
  stockholmInstant,
  submit,
  visit,
} from './support/collaboration-steps.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * The collaboration journeys of issue 3, in a real browser against the real server with demo data:
 * Linköping's decision and signature, a working-group seat meeting its commitment through the fix link, a
 * Styrgrupp meeting from creation to justering (and the refusal after it), the body's calendar feed,
 * the tjänsteskrivelse as a Word file read back through LibreOffice, and the public overview.
 * The journeys run in order and build on each other (the memo finds the diarienummer of the first,
 * the public page shows the signature of the first and the chief seat of the third). Every page
 * visited passes axe (WCAG 2.1 A/AA) and no journey may log a console error.
 */

/** What Kommunstyrelsen decided; typed numbered, as officials do, stored and shown without the numbers. */
const DECISION_LINES = [
  'Kommunstyrelsen godkänner programförklaringen Östergötland tillsammans mot brott 2022–2027.',
  'Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
  'Kommunstyrelsen ger kommundirektören i uppdrag att utse en tjänsteperson till en av samarbetets arbetsgrupper.',
]
const CASE_NUMBER = 'KS 2021/1234'
/** The joint signing the journey records, and the day Linköping signs there. */
const SIGNING_DAY = '2022-02-01'
const OFFICIAL = 'Karin Beredare'
const WORKING_GROUP = 'Arbetsgrupp Unga i riskmiljöer (exempel)'
const WG_PERSON = 'Maja Samordnare'
const CHIEF = 'Lars Lindqvist'
/** The meeting two weeks ago (justering after the fact, as in real life), 13:00–15:00 Swedish time. */
const MEETING_DATE = stockholmDate(-14)
const MEETING_TITLE = `Styrgruppsmöte ${MEETING_DATE}`

let server: RunningServer
let browser: Browser
const started = Date.now()
// A hung step must fail the journey, not stall the run; the meetings journey alone visits a dozen pages, each laid out twice (desktop and phone).
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
    `# collaboration e2e: axe checked ${checkedPages.length} pages in ${axeSeconds.toFixed(1)} s; ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  )
})

const run = (name: string, fn: (s: Session) => Promise<void>) => journey(browser, server.baseUrl, name, fn)

test(
  'the coordinator records the joint signing and Linköping’s KS decision and signature made there; compliance moves from “not yet” to “not yet met”; a signing date before the decision is refused',
  T,
  () =>
    run('collaboration-signature', async ({ page }) => {
      await logIn(page, COORDINATOR)
      const collaborationId = await openOtmb(page)
      await checkPage(page, 'ÖTMB overview')
      await follow(page, 'Programförklaringen: beslut och underskrifter')
      assert.equal(pathOf(page), `/collaborations/${collaborationId}/signatures`)
      const board = page.locator('main table')
      assert.equal(await cellText(board, LINKOPING, 'Status'), 'Inbjuden')
      assert.match(await page.locator('main .lead').innerText(), /0 av 19 parter har undertecknat/)
      await checkPage(page, 'signature board')

      await follow(page, LINKOPING, board)
      assert.match(pathOf(page), /^\/signatures\/[0-9a-f-]{36}$/)
      const recordUrl = pathOf(page)
      assert.equal(await heading(page), LINKOPING)
      await checkPage(page, 'Linköping’s record (invited)')

      // invited → in_preparation
      const prep = page.locator('#step-in_preparation')
      await prep.getByLabel('Diarienummer').fill(CASE_NUMBER)
      await prep.getByLabel('Ansvarig tjänsteperson').fill(OFFICIAL)
      await prep.getByLabel('Tjänsteskrivelsens datum').fill('2022-01-10')
      assert.equal(await submit(page, 'Markera som under beredning', prep), 200)
      assert.equal(pathOf(page), recordUrl)
      assert.equal(await flash(page), `${LINKOPING}: ärendet är markerat som under beredning.`)
      const facts = page.locator('main .summary-list').first()
      assert.match(await facts.innerText(), /Under beredning/)
      assert.match(await facts.innerText(), new RegExp(CASE_NUMBER))
      await checkPage(page, 'Linköping’s record (in preparation)')

      // in_preparation → decided: Kommunstyrelsen is offered for a municipality
      const decide = page.locator('#step-decided')
      assert.equal(await decide.getByLabel('Beslutande organ').inputValue(), 'Kommunstyrelsen')
      await decide.getByLabel('Beslutsdatum').fill('2022-01-25')
      await decide.getByLabel('Paragraf').fill('§ 12')
      await decide.getByLabel('Beslut', { exact: true }).fill(DECISION_LINES.map((l, i) => `${i + 1}. ${l}`).join('\n'))
      assert.equal(await submit(page, 'Registrera beslutet', decide), 200)
      assert.equal(await flash(page), `${LINKOPING}: beslutet är registrerat.`)
      assert.deepEqual(
        (await page.locator('main ol li').allInnerTexts()).map((s) => s.trim()),
        DECISION_LINES,
      )
      assert.match(await facts.innerText(), /Beslutad/)
      assert.match(await facts.innerText(), /§ 12/)
      await checkPage(page, 'Linköping’s record (decided)')

      // A signature dated before the decision: the error summary, the typed values kept, nothing saved.
      const sign = page.locator('#step-signed')
      await sign.getByLabel('Undertecknad av').fill('Anna Ordförande')
      await sign.getByLabel('Titel eller uppdrag').fill('Kommunstyrelsens ordförande')
      await sign.getByLabel('Undertecknad', { exact: true }).fill('2022-01-20')
      assert.equal(await submit(page, 'Registrera underskriften', sign), 400)
      await expectErrorSummary(page, ['Undertecknandet kan inte ske före beslutet (2022-01-25)'])
      assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#f-signedOn')
      assert.equal(await page.getAttribute('#f-signedOn', 'aria-invalid'), 'true')
      assert.equal(await sign.getByLabel('Undertecknad av').inputValue(), 'Anna Ordförande', 'what was typed is kept')
      await checkPage(page, 'signing before the decision (error)')
      await visit(page, recordUrl)
      assert.match(await facts.innerText(), /Beslutad/, 'still decided after the refused step')
      assert.doesNotMatch(await facts.innerText(), /Anna Ordförande/)

      // Before signing, Linköping owes nothing yet.
      const rule = 'Tjänsteperson i arbetsgrupp'
      await visit(page, `/collaborations/${collaborationId}/compliance`)
      assert.match(await cellText(page.locator('main table'), LINKOPING, rule), /^Gäller ännu inte – inte undertecknat/)
      await checkPage(page, 'compliance before Linköping signs')

      // The joint signing, a collaboration-level event (not a body meeting).
      await visit(page, `/collaborations/${collaborationId}/signatures`)
      await follow(page, 'Gemensamt beslutsmöte och undertecknande')
      await checkPage(page, 'joint events (none yet)')
      await follow(page, 'Lägg till ett gemensamt möte eller undertecknande')
      const event = page.locator('main form')
      await event.getByRole('radio', { name: 'Gemensamt undertecknande', exact: true }).check()
      await event.getByLabel('Datum', { exact: true }).fill(SIGNING_DAY)
      await event.getByLabel('Börjar').fill('13:00')
      await event.getByLabel('Slutar').fill('15:00')
      await event.getByLabel('Plats').fill('Linköpings slott')
      await checkPage(page, 'new joint event form')
      assert.equal(await submit(page, 'Lägg till', event), 200)
      assert.equal(await flash(page), 'Den gemensamma händelsen är inlagd och parterna är inbjudna.')
      await checkPage(page, 'joint signing saved')

      // decided → signed, at the joint signing
      await visit(page, recordUrl)
      await sign.getByLabel('Undertecknad av').fill('Anna Ordförande')
      await sign.getByLabel('Titel eller uppdrag').fill('Kommunstyrelsens ordförande')
      await sign.getByLabel('Undertecknad', { exact: true }).fill(SIGNING_DAY)
      await sign.getByLabel('Undertecknad vid').selectOption({ label: `Gemensamt undertecknande ${SIGNING_DAY}, Linköpings slott` })
      assert.equal(await submit(page, 'Registrera underskriften', sign), 200)
      assert.equal(await flash(page), `${LINKOPING}: underskriften är registrerad.`)
      assert.match(await facts.innerText(), /Anna Ordförande, Kommunstyrelsens ordförande/)
      assert.match(await facts.innerText(), /Gemensamt undertecknande/)
      await checkPage(page, 'Linköping’s record (signed)')

      // The commitment began with the signature: now "not yet met" until the period ends.
      await visit(page, `/collaborations/${collaborationId}/compliance`)
      assert.match(
        await cellText(page.locator('main table'), LINKOPING, rule),
        new RegExp(`^Ännu inte uppfyllt Kommunen har ingen tjänsteperson i någon arbetsgrupp sedan ${SIGNING_DAY}`),
      )
      await visit(page, recordUrl)

      await follow(page, 'Beslut och underskrifter', page.locator('nav.breadcrumbs'))
      assert.equal(pathOf(page), `/collaborations/${collaborationId}/signatures`)
      assert.equal(await cellText(board, LINKOPING, 'Status'), 'Undertecknad')
      assert.equal(await cellText(board, LINKOPING, 'Undertecknad'), '2022-02-01')
      assert.equal(await cellText(board, LINKOPING, 'Beslutsdatum'), '2022-01-25')
      assert.equal(await cellText(board, 'Norrköpings kommun', 'Status'), 'Inbjuden')
      assert.match(await page.locator('main .lead').innerText(), /1 av 19 parter har undertecknat/)
      await checkPage(page, 'signature board after signing')
    }),
)

test(
  'compliance: signed Linköping has not yet met the working-group commitment; its fix link opens the seat form, the seat turns it green; an overlapping seat is refused',
  T,
  () =>
    run('collaboration-compliance', async ({ page }) => {
      await logIn(page, COORDINATOR)
      const collaborationId = await openOtmb(page)
      const rule = 'Tjänsteperson i arbetsgrupp'
      await follow(page, 'Åtaganden och uppföljning')
      assert.equal(pathOf(page), `/collaborations/${collaborationId}/compliance`)
      const table = page.locator('main table')
      assert.match(
        await cellText(table, LINKOPING, rule),
        /^Ännu inte uppfyllt Kommunen har ingen tjänsteperson i någon arbetsgrupp sedan 2022-02-01\. Ska vara uppfyllt senast 2027-12-31 \(periodens slut\)\./,
        'the commitment began at the signature and is yellow until the period ends',
      )
      assert.match(await cellText(table, 'Norrköpings kommun', rule), /^Gäller ännu inte – inte undertecknat/, 'nothing is owed before signing')
      assert.match(await cellText(table, 'Länsstyrelsen Östergötland', rule), /^Gäller ej/, 'only municipalities carry the commitment')
      await checkPage(page, 'compliance (Linköping not yet met)')

      await addPerson(page, collaborationId, { name: WG_PERSON, title: 'Brottsförebyggande samordnare', email: 'maja.samordnare@linkoping.example.se' })
      await visit(page, `/collaborations/${collaborationId}/compliance`)
      // The cell's own link: the seat form of that working group with Linköping and the level chosen.
      await rowOf(table, LINKOPING).getByRole('link', { name: WORKING_GROUP }).click()
      await page.waitForLoadState()
      const groupId = /^\/bodies\/([0-9a-f-]{36})\/seats\/new$/.exec(pathOf(page))![1]
      const form = page.locator('main')
      assert.equal(await form.getByLabel('Representerar part').locator('option:checked').innerText(), LINKOPING)
      assert.ok(await form.getByRole('radio', { name: 'Tjänsteperson (handläggare)', exact: true }).isChecked())
      await form.getByLabel('Person', { exact: true }).selectOption({ label: `${WG_PERSON} – ${LINKOPING}` })
      await form.getByLabel('Från och med', { exact: true }).fill('2024-09-01')
      await checkPage(page, 'new seat form')
      assert.equal(await submit(page, 'Spara ledamoten'), 200)
      assert.equal(pathOf(page), `/bodies/${groupId}/seats`)
      assert.equal(await flash(page), `${WG_PERSON} är sparad som ledamot.`)
      const seats = page.locator('main table')
      assert.equal(await cellText(seats, WG_PERSON, 'Nivå'), 'Tjänsteperson (handläggare)')
      assert.equal(await cellText(seats, WG_PERSON, 'Representerar part'), LINKOPING)
      await checkPage(page, 'seats of the working group')

      // The same person again in the same body, overlapping: refused with the reason, nothing saved.
      await fillSeat(page, groupId, { person: WG_PERSON, level: 'Tjänsteperson (handläggare)', from: '2025-01-01' })
      assert.ok([400, 409].includes(await submit(page, 'Spara ledamoten')), 'the overlapping seat is refused')
      await expectErrorSummary(page, [
        `Personen är redan ledamot i ${WORKING_GROUP} från 2024-09-01 och tills vidare. Samma person kan bara ha ett uppdrag i ett organ åt gången.`,
      ])
      await checkPage(page, 'overlapping seat (error)')
      await follow(page, 'Avbryt')
      assert.equal(await rowOf(seats, WG_PERSON).count(), 1, 'still one seat for the person')

      await visit(page, `/collaborations/${collaborationId}/compliance`)
      assert.equal(await cellText(table, LINKOPING, rule), `Uppfyllt Har tjänsteperson i ${WORKING_GROUP} sedan 2024-09-01.`)
      assert.match(await cellText(table, 'Norrköpings kommun', rule), /^Gäller ännu inte/, 'Norrköping has still not signed')
      await checkPage(page, 'compliance (Linköping green)')
    }),
)

test('meetings: a Styrgrupp meeting gets attendance, minutes with § 1, is justerat, then edits are refused (409); the .ics parses', T, () =>
  run('collaboration-meeting', async (session) => {
    const { page, context, problems } = session
    await logIn(page, COORDINATOR)
    const collaborationId = await openOtmb(page)
    await addPerson(page, collaborationId, { name: CHIEF, title: 'Kommundirektör', email: 'lars.lindqvist@linkoping.example.se' })
    const steeringId = await openBody(page, collaborationId, 'Styrgrupp')
    await checkPage(page, 'Styrgrupp body page')
    await fillSeat(page, steeringId, { person: CHIEF, level: 'Chef/ledningsnivå', from: '2024-01-01' })
    assert.equal(await submit(page, 'Spara ledamoten'), 200)
    assert.equal(await flash(page), `${CHIEF} är sparad som ledamot.`)

    // New meeting
    await visit(page, `/bodies/${steeringId}`)
    await follow(page, 'Möten, kallelser och protokoll')
    assert.equal(pathOf(page), `/bodies/${steeringId}/meetings`)
    await checkPage(page, 'Styrgrupp meetings (none yet)')
    await follow(page, 'Nytt möte')
    await checkPage(page, 'new meeting form')
    const main = page.locator('main')
    await main.getByLabel('Rubrik').fill(MEETING_TITLE)
    await main.getByLabel('Datum', { exact: true }).fill(MEETING_DATE)
    await main.getByLabel('Starttid').fill('13:00')
    await main.getByLabel('Sluttid').fill('15:00')
    await main.getByLabel('Plats', { exact: true }).fill('Länsstyrelsen, Linköping')
    assert.equal(await submit(page, 'Skapa möte'), 200)
    assert.equal(await flash(page), `Mötet ${MEETING_TITLE} är skapat.`)
    const meetingUrl = pathOf(page)
    assert.match(meetingUrl, /^\/meetings\/[0-9a-f-]{36}$/)
    const attendance = page.locator('section[aria-labelledby="attendance-heading"] table')
    assert.equal(await cellText(attendance, CHIEF, 'Närvaro'), 'Inte registrerad')
    await checkPage(page, 'new meeting page')

    // Attendance
    await follow(page, 'Registrera närvaro')
    await checkPage(page, 'attendance form')
    await main
      .getByRole('group', { name: `Närvaro för ${CHIEF}` })
      .getByRole('radio', { name: 'Närvarande', exact: true })
      .check()
    assert.equal(await submit(page, 'Spara närvaron'), 200)
    assert.equal(await flash(page), 'Närvaron är sparad för 1 ledamot.')
    assert.equal(await cellText(attendance, CHIEF, 'Närvaro'), 'Närvarande')
    assert.equal(await cellText(attendance, CHIEF, 'Tid (timmar)'), '2', 'the meeting’s length by default')

    // Minutes and a decision, which gets § 1
    await follow(page, 'Skriv eller ändra protokollet')
    await checkPage(page, 'minutes form')
    await main.getByLabel('Protokollstext').fill('Mötet öppnades av ordföranden.\n\nLägesbilden för länet presenterades.')
    assert.equal(await submit(page, 'Spara protokollet'), 200)
    assert.equal(await flash(page), 'Protokollet är sparat.')
    await follow(page, 'Lägg till beslut')
    await checkPage(page, 'new decision form')
    await main.getByLabel('Ärende').fill('Verksamhetsplan')
    await main.getByLabel('Beslut', { exact: true }).fill('Styrgruppen beslutar att fastställa verksamhetsplanen.')
    assert.equal(await submit(page, 'Spara beslutet'), 200)
    assert.equal(await flash(page), 'Beslutet är sparat som § 1.')
    assert.ok(await main.getByRole('heading', { name: '§ 1 Verksamhetsplan', exact: true }).isVisible())
    await checkPage(page, 'meeting with minutes and § 1')

    // A second tab keeps the minutes form open across the justering.
    const stale = await context.newPage()
    stale.on('pageerror', (err) => problems.push(`uncaught error in the second tab: ${err.message}`))
    await visit(stale, `${meetingUrl}/minutes`)

    // Justering on paper: the chief present is the justerare, the secretary records it (e2e/meetings.test.ts has the own-account way).
    await follow(page, 'Välj justerare och skicka för justering')
    await main
      .getByRole('group', { name: 'Justerare' })
      .getByLabel(new RegExp(`^${CHIEF}`))
      .check()
    assert.equal(await submit(page, 'Skicka för justering'), 200)
    assert.equal(await flash(page), 'Protokollet är skickat för justering till 1 justerare.')
    await follow(page, 'Registrera justering på papper')
    assert.match(await main.innerText(), /Är du säker\? Protokollet låses/)
    assert.equal(await submit(page, 'Registrera justeringen och lås protokollet'), 200)
    assert.equal(await flash(page), 'Protokollet är justerat och låst.')
    assert.match(await main.locator('.summary-list').first().innerText(), /Protokollet justerat/)
    assert.equal(await main.getByRole('link', { name: 'Skriv eller ändra protokollet' }).count(), 0, 'no edit link after justering')
    assert.equal(await main.getByRole('link', { name: 'Registrera närvaro' }).count(), 0)
    await checkPage(page, 'meeting after justering')

    // Editing the minutes now: a 409 page saying why, in Swedish; the old tab's save is refused too.
    await visit(page, `${meetingUrl}/minutes`, 409)
    assert.equal(await heading(page), 'Protokollet är justerat')
    assert.match(await main.innerText(), /Protokoll, beslut, närvaro och dagordning kan inte längre ändras, och ingenting har ändrats\./)
    await checkPage(page, '409 minutes approved')
    await stale.locator('main').getByLabel('Protokollstext').fill('Ändrat i efterhand.')
    const refused = await navigate(stale, () => stale.locator('main').getByRole('button', { name: 'Spara protokollet' }).click())
    assert.equal(refused.status(), 409)
    assert.equal(await heading(stale), 'Protokollet är justerat')
    await stale.close()
    await visit(page, meetingUrl)
    assert.doesNotMatch(await main.innerText(), /Ändrat i efterhand/)
    assert.match(await main.innerText(), /Lägesbilden för länet presenterades\./)

    // The body's calendar feed, read by a real iCalendar parser.
    await visit(page, `/bodies/${steeringId}/meetings`)
    const href = await main.getByRole('link', { name: 'Hämta organets möten som kalenderfil (.ics)' }).getAttribute('href')
    assert.equal(href, `/bodies/${steeringId}/calendar.ics`)
    await checkPage(page, 'Styrgrupp meetings (one past)')
    const event = await calendarEvent(page, href!, `${MEETING_TITLE} – Styrgrupp`)
    assert.equal(event.start.toISOString(), stockholmInstant(MEETING_DATE, '13:00').toISOString())
    assert.equal(event.end?.toISOString(), stockholmInstant(MEETING_DATE, '15:00').toISOString())
    assert.equal(String(event.location), 'Länsstyrelsen, Linköping')
  }),
)

test('tjänsteskrivelse: Linköping’s editor edits the memo, downloads the DOCX; LibreOffice’s PDF holds the municipality and the decision lines', T, () =>
  run('collaboration-memo', async ({ page }) => {
    await logIn(page, LINKOPING_EDITOR)
    await openOtmb(page)
    await follow(page, 'Programförklaringen: beslut och underskrifter')
    await follow(page, LINKOPING, page.locator('main table'))
    await follow(page, 'Skriv tjänsteskrivelse (Word)')
    assert.match(pathOf(page), /^\/signatures\/[0-9a-f-]{36}\/memo$/)
    await checkPage(page, 'memo form')
    const main = page.locator('main')
    // Pre-filled from the record (journey 1) and the collaboration.
    assert.equal(await main.getByLabel('Kommun', { exact: true }).inputValue(), LINKOPING)
    assert.equal(await main.getByLabel('Diarienummer').inputValue(), CASE_NUMBER)
    assert.equal(await main.getByLabel('Datum', { exact: true }).inputValue(), '2022-01-10')
    assert.equal(await main.getByLabel('Ansvarig tjänsteperson').inputValue(), OFFICIAL)
    const proposal = main.getByLabel('Förslag till kommunstyrelsens beslut')
    // The decision points in the passive, as a municipal memo writes them.
    assert.deepEqual((await proposal.inputValue()).split('\n'), [
      'Programförklaring för Östergötland tillsammans mot brott godkänns.',
      'Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
    ])

    await proposal.fill(DECISION_LINES.join('\n'))
    await main.getByLabel('Kommunala mål').fill('Linköping ska vara en trygg kommun att leva och bo i.')
    const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Spara och ladda ned Word-dokument' }).click()])
    assert.equal(download.suggestedFilename(), `Tjänsteskrivelse ${LINKOPING} 2022-01-10.docx`)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-memo-'))
    try {
      const file = path.join(dir, 'tjansteskrivelse.docx')
      await download.saveAs(file)
      assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip file')
      const text = docxToText(file)
      for (const expected of [
        LINKOPING,
        ...DECISION_LINES,
        CASE_NUMBER,
        'Förslag till kommunstyrelsens beslut',
        'Linköping ska vara en trygg kommun att leva och bo i.',
      ]) {
        assert.ok(text.includes(expected), `the PDF text contains "${expected}"`)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }

    // The values are kept for the next draft.
    await visit(page, pathOf(page))
    assert.match(await main.innerText(), /Senast sparad /)
    assert.deepEqual((await proposal.inputValue()).split('\n'), DECISION_LINES)
    await checkPage(page, 'memo form with a saved draft')
  }),
)

test('the public overview without login: parties with Linköping signed, the structure diagram and its text, public seats only', T, () =>
  run('collaboration-public', async ({ page }) => {
    await visit(page, '/')
    await follow(page, 'Om samverkan', page.locator('nav[aria-label="Huvudmeny"]'))
    await checkPage(page, 'public collaboration list')
    await follow(page, 'Östergötland tillsammans mot brott')
    assert.equal(pathOf(page), '/public/collaborations/otmb')
    assert.ok(await page.locator('header').getByRole('link', { name: 'Logga in', exact: true }).isVisible(), 'signed out')
    const main = page.locator('main')
    const parties = main.locator('table').first()
    assert.equal(await parties.locator('tbody tr').count(), 19)
    assert.equal(await cellText(parties, LINKOPING, 'Programförklaringen'), 'Undertecknad den 2022-02-01')
    assert.equal(await cellText(parties, 'Norrköpings kommun', 'Programförklaringen'), 'Inbjuden')

    // The picture has a name and a description; the same structure follows as text.
    const diagram = main.locator('svg[role="img"]')
    assert.equal(await diagram.count(), 1)
    assert.ok(await main.getByRole('img', { name: /^Struktur för ÖTMB Organisationsbild med 7 organ/ }).isVisible())
    const asText = main.locator('section.structure')
    assert.ok(await asText.getByRole('heading', { name: 'Strukturen i textform' }).isVisible())
    const listed = await asText.locator('ul.structure-list').first().innerText()
    for (const body of [
      'Styrgrupp',
      'Beredningsgrupp',
      'Nätverket Regbrå',
      'Regbrås beredningsgrupp',
      WORKING_GROUP,
      'Arbetsgrupp Trygghet i offentlig miljö (exempel)',
      'Arbetsgrupp Våld i nära relationer (exempel)',
    ]) {
      assert.ok(listed.includes(body), `the text structure lists ${body}`)
    }
    assert.match(await asText.innerText(), /Länsstyrelsen Östergötland \(sammankallande\)/)

    // A chief seat is public by default; an official's seat is for the partners only.
    const steering = main.locator('section').filter({ has: page.getByRole('heading', { name: 'Styrgrupp', exact: true }) })
    assert.match(await steering.innerText(), new RegExp(CHIEF))
    assert.doesNotMatch(await main.innerText(), new RegExp(WG_PERSON))
    await checkPage(page, 'public ÖTMB overview')
  }),
)

test('the server logged no errors during the collaboration journeys', T, () => {
  const errors = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .map((line) => line.slice(0, 400))
  assert.deepEqual(errors, [], `the server logged ${errors.length} error(s)`)
})
