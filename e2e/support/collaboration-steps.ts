import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ical from 'node-ical'
import type { Locator, Page } from 'playwright-core'
import { checkA11y } from './browser.ts'
import { navigate, visit } from './navigation.ts'

export { navigate, visit }

/**
 * Steps the collaboration journeys share: signing in, moving between pages the way a user does
 * (clicking links and buttons), the checks every page gets, reading a table cell by its column
 * header, adding people and seats through their forms, reading a calendar feed, Swedish dates and
 * times, and turning a downloaded DOCX into text through LibreOffice.
 */

export const PASSWORD = 'tillsammans-demo'
export const COORDINATOR = 'lansstyrelsen@demo.test'
export const LINKOPING_EDITOR = 'linkoping@demo.test'
export const LINKOPING = 'Linköpings kommun'

export const pathOf = (page: Page) => new URL(page.url()).pathname

/** Clicks a link (found by its exact accessible name inside `scope`) and expects a 200 page. */
export async function follow(page: Page, name: string | RegExp, scope: Locator = page.locator('main')): Promise<void> {
  const link = scope.getByRole('link', { name, exact: typeof name === 'string' })
  const res = await navigate(page, () => link.first().click())
  assert.equal(res.status(), 200, `following "${name}" → ${res.status()} at ${pathOf(page)}`)
}

/** Submits with the named button; returns the status of the page it ends on (after any 303). */
export async function submit(page: Page, button: string, scope: Locator = page.locator('main')): Promise<number> {
  const res = await navigate(page, () => scope.getByRole('button', { name: button, exact: true }).click())
  return res.status()
}

export async function logIn(page: Page, email: string): Promise<void> {
  await visit(page, '/login')
  const main = page.locator('main')
  await main.getByLabel('E-postadress').fill(email)
  await main.getByLabel('Lösenord', { exact: true }).fill(PASSWORD)
  assert.equal(await submit(page, 'Logga in'), 200, `log in as ${email}`)
  assert.equal(pathOf(page), '/')
}

/** What every page must have: Swedish, the demo banner, a title and a heading, and no axe violations. */
export async function checkPage(page: Page, label: string): Promise<void> {
  assert.equal(await page.getAttribute('html', 'lang'), 'sv', `lang of ${label}`)
  assert.equal((await page.locator('.demo-banner').innerText()).trim(), 'Demoläge – exempeldata', `demo banner on ${label}`)
  assert.match(await page.title(), / – Tillsammans$/, `title of ${label}`)
  assert.ok((await page.locator('main h1').count()) >= 1, `a main heading on ${label}`)
  await checkA11y(page, label)
}

export const flash = async (page: Page) => (await page.locator('.flash').innerText()).trim()
export const heading = async (page: Page) => (await page.locator('main h1').first().innerText()).trim()

/** A form that came back: focused error summary with exactly these messages, "Fel:" in the title. */
export async function expectErrorSummary(page: Page, messages: string[]): Promise<void> {
  const summary = page.locator('.error-summary')
  assert.ok(await summary.isVisible(), 'an error summary is shown')
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'focus is on the error summary')
  assert.match(await page.title(), /^Fel: /)
  const shown = (await summary.locator('li').allInnerTexts()).map((s) => s.trim())
  assert.deepEqual(shown, messages)
}

/** From the collaboration list to the first collaboration (ÖTMB in demo data); returns its id. */
export async function openOtmb(page: Page): Promise<string> {
  await visit(page, '/collaborations')
  await checkPage(page, 'collaboration list')
  const res = await navigate(page, () => page.locator('main table a').first().click())
  assert.equal(res.status(), 200)
  assert.equal(await heading(page), 'Östergötland tillsammans mot brott')
  const id = /^\/collaborations\/([0-9a-f-]{36})$/.exec(pathOf(page))?.[1]
  assert.ok(id, `a collaboration page: ${pathOf(page)}`)
  return id
}

/** The table row that mentions `rowText`. */
export const rowOf = (table: Locator, rowText: string) => table.locator('tbody tr').filter({ hasText: rowText })

/** A cell's text by the row's text and the column header's text. */
export async function cellText(table: Locator, rowText: string, column: string): Promise<string> {
  // A sortable header also says how it sorts (visually hidden) and shows an arrow: its first line is the name.
  const headers = (await table.locator('thead th').allInnerTexts()).map((s) => s.trim().split('\n')[0].trim())
  const index = headers.indexOf(column)
  assert.ok(index >= 0, `a column "${column}" among ${headers.join(', ')}`)
  const row = rowOf(table, rowText)
  assert.equal(await row.count(), 1, `exactly one row for ${rowText}`)
  return (await row.locator('td').nth(index).innerText()).replace(/\s+/g, ' ').trim()
}

/** Collaboration page → a body by its name (the first link: the bodies table). Returns the body id. */
export async function openBody(page: Page, collaborationId: string, name: string): Promise<string> {
  if (pathOf(page) !== `/collaborations/${collaborationId}`) await visit(page, `/collaborations/${collaborationId}`)
  await follow(page, name)
  assert.ok((await heading(page)).startsWith(name), `the page of ${name}`)
  const id = /^\/bodies\/([0-9a-f-]{36})$/.exec(pathOf(page))?.[1]
  assert.ok(id, `a body page: ${pathOf(page)}`)
  return id
}

/** People page → "Lägg till person" → the form, filled and saved (a Linköping employee); back on the people list. */
export async function addPerson(page: Page, collaborationId: string, p: { name: string; title: string; email: string }) {
  await visit(page, `/collaborations/${collaborationId}`)
  await follow(page, 'Personer i samverkans organ')
  await follow(page, 'Lägg till person')
  assert.equal(pathOf(page), `/collaborations/${collaborationId}/people/new`)
  await checkPage(page, 'new person form')
  const main = page.locator('main')
  await main.getByLabel('Namn', { exact: true }).fill(p.name)
  await main.getByLabel('Titel (valfritt)').fill(p.title)
  await main.getByLabel('Organisation', { exact: true }).selectOption({ label: LINKOPING })
  await main.getByLabel('E-postadress (valfritt)').fill(p.email)
  assert.equal(await submit(page, 'Spara person'), 200)
  assert.equal(pathOf(page), `/collaborations/${collaborationId}/people`)
  assert.equal(await flash(page), `${p.name} är tillagd.`)
  assert.match(await rowOf(page.locator('main table'), p.name).innerText(), new RegExp(LINKOPING))
  await checkPage(page, `people list with ${p.name}`)
}

/** Body page → "Ledamöter" → "Lägg till ledamot" → the form filled for a Linköping seat. */
/** The seat levels as the form labels them (issue 6 B6). */
export type SeatLevel = 'Förtroendevald' | 'Chef/ledningsnivå' | 'Tjänsteperson (handläggare)'

export async function fillSeat(page: Page, bodyId: string, s: { person: string; level: SeatLevel; from: string }) {
  if (pathOf(page) !== `/bodies/${bodyId}`) await visit(page, `/bodies/${bodyId}`)
  await follow(page, 'Ledamöter')
  await follow(page, 'Lägg till ledamot')
  assert.equal(pathOf(page), `/bodies/${bodyId}/seats/new`)
  const main = page.locator('main')
  await main.getByLabel('Person', { exact: true }).selectOption({ label: `${s.person} – ${LINKOPING}` })
  await main.getByLabel('Representerar part').selectOption({ label: LINKOPING })
  await main.getByRole('radio', { name: s.level, exact: true }).check()
  await main.getByLabel('Från och med', { exact: true }).fill(s.from)
}

/** A calendar feed fetched with the page's session and read by a real iCalendar parser: the event with this summary. */
export async function calendarEvent(page: Page, href: string, summary: string): Promise<ical.VEvent> {
  const res = await page.request.get(href)
  assert.equal(res.status(), 200, `GET ${href}`)
  assert.match(res.headers()['content-type'] ?? '', /^text\/calendar/)
  const events = Object.values(ical.sync.parseICS(await res.text())).filter((v) => v?.type === 'VEVENT') as ical.VEvent[]
  const event = events.find((e) => String(e.summary) === summary)
  assert.ok(event, `"${summary}" in the feed: ${events.map((e) => String(e.summary)).join(', ')}`)
  return event
}

/** Today ± days as YYYY-MM-DD in Sweden, whatever the machine's time zone. */
export function stockholmDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offsetDays * 86_400_000))
}

/** The instant a Swedish wall-clock time (date, "HH:MM") stands for, summer time included. */
export function stockholmInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`)
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value
  const [, sign, hh, mm] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? [undefined, '+', '00', '00']
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000
  return new Date(guess.getTime() - offsetMs)
}

/**
 * DOCX → PDF (LibreOffice, headless, with a private profile so parallel runs do not share one) →
 * text (pdftotext), with whitespace collapsed so a line broken by the page layout still matches.
 */
export function docxToText(docx: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-docx-'))
  const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`)
  try {
    execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 120_000,
      stdio: 'pipe',
    })
    const pdf = path.join(dir, `${path.basename(docx, path.extname(docx))}.pdf`)
    assert.ok(fs.existsSync(pdf), `LibreOffice made ${pdf}`)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { timeout: 30_000 }).toString('utf8')
    return text.replace(/\s+/g, ' ')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(profile, { recursive: true, force: true })
  }
}
