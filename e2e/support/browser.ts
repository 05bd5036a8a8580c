import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'

/**
 * Browser side of the journeys: Debian's Chromium (Playwright cannot download browsers here), a
 * fresh context per journey, axe with the WCAG 2.1 A/AA rules, a watch on console errors, page
 * errors and CSP violations, and a screenshot + HTML of the page whenever a journey fails.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ARTIFACTS_DIR = path.join(ROOT, 'e2e-artifacts')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Background networking, component updates and QUIC make Chromium reach out to Google and hang in sandboxes.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

export interface Session {
  context: BrowserContext
  page: Page
  /** Console errors, uncaught page errors, CSP violations and failed sub-resources seen so far. */
  problems: string[]
}

// Chromium logs every 4xx/5xx document as a console error too. Those statuses are asserted by the
// journeys themselves (a failed login is a 401 on purpose); failed sub-resources are caught below.
const HTTP_STATUS_NOISE = /^Failed to load resource: the server responded with a status of \d+/

function watch(page: Page, problems: string[]) {
  const where = () => new URL(page.url()).pathname
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || HTTP_STATUS_NOISE.test(msg.text())) return
    // CSP violations ("Refused to load/execute … Content Security Policy") arrive here as well.
    problems.push(`console error on ${where()}: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`uncaught error on ${where()}: ${err.message}`))
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      problems.push(`${res.status()} for ${res.request().resourceType()} ${new URL(res.url()).pathname} on ${where()}`)
    }
  })
  page.on('requestfailed', (req) => {
    // An aborted request is a navigation that replaced the page (e.g. a click during load), not a fault.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`)
  })
}

export async function openSession(browser: Browser, baseURL: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    locale: 'sv-SE',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  })
  // Fail a stuck step within seconds rather than after Playwright's 30 s default.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems: string[] = []
  watch(page, problems)
  return { context, page, problems }
}

/** Every page axe has been run on (and how long it took), so the summary can say what was covered. */
export const checkedPages: { label: string; ms: number; mainReused: boolean }[] = []

/**
 * Main areas axe has already found clean, by content. The organisations table alone costs axe
 * 5–15 s, and each role sees the same table under a different header; a main area whose DOM is
 * identical (apart from the CSRF token) to one already checked in the same language is excluded, while
 * the rest of the page (header, menu, footer, page-level rules) is still checked on every visit.
 */
const cleanMains = new Set<string>()

async function mainFingerprint(page: Page): Promise<string | null> {
  const html = await page.evaluate(() => {
    const main = document.querySelector('main')
    return main ? `${document.documentElement.lang}|${innerWidth}|${main.outerHTML}` : null
  })
  return (
    html &&
    createHash('sha256')
      .update(html.replace(/(name="_csrf"[^>]*value=")[^"]*/g, '$1'))
      .digest('hex')
  )
}

/** The narrowest phone the pages must fit (an iPhone 12–15 is 390 CSS pixels wide). */
export const PHONE_WIDTH = 390

/**
 * The innermost elements that reach past the right edge (or whose text does, like a long word in a
 * heading), outside any container that scrolls on its own; at most five, described by tag and class.
 */
const FIND_WIDE = `(() => {
  const limit = LIMIT
  function scrollsItself(el) {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true
    }
    return false
  }
  const wide = [...document.body.querySelectorAll('*')].filter((el) => !scrollsItself(el) &&
    (el.getBoundingClientRect().right > limit + 1 || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')))
  const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)))
  return innermost.slice(0, 5).map((el) => {
    const cls = (el.getAttribute('class') || '').trim()
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls.split(/\\s+/).join('.') : '') +
      ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px)'
  })
})()`

/**
 * Lays the page out 390 px wide and fails if the document is wider than that, naming the elements
 * that stick out (outside any container that scrolls on its own, such as .table-wrap). The
 * viewport is put back afterwards, so the rest of the journey and axe see the desktop layout.
 */
export async function checkPhoneWidth(page: Page, label: string): Promise<void> {
  const original = page.viewportSize()
  await page.setViewportSize({ width: PHONE_WIDTH, height: 844 })
  try {
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    // Only a page that is too wide pays for the search. Plain JavaScript source: functions written
    // here in TypeScript would reach the browser wrapped in a helper (__name) it does not have.
    const culprits = width <= PHONE_WIDTH ? [] : await page.evaluate<string[]>(FIND_WIDE.replace('LIMIT', String(PHONE_WIDTH)))
    assert.ok(width <= PHONE_WIDTH, `${label} (${new URL(page.url()).pathname}) is ${width} px wide on a ${PHONE_WIDTH} px phone: ${culprits.join('; ')}`)
  } finally {
    if (original) await page.setViewportSize(original)
  }
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page and fails with one readable line per offending element;
 * first checks that the page fits a phone (every page the journeys check goes through here).
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  await checkPhoneWidth(page, label)
  const started = Date.now()
  const fingerprint = await mainFingerprint(page)
  const mainReused = !!fingerprint && cleanMains.has(fingerprint)
  // Only violations are read: skipping the node lists of passes and inapplicable rules makes axe faster.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] })
  if (mainReused) builder.exclude('main')
  const results = await builder.analyze()
  checkedPages.push({ label, ms: Date.now() - started, mainReused })
  if (results.violations.length === 0) {
    if (fingerprint) cleanMains.add(fingerprint)
    return
  }
  const lines = results.violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}  <${v.helpUrl}>`,
    ...v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}`),
  ])
  assert.fail(`axe found ${results.violations.length} WCAG 2.1 A/AA violation(s) on ${label} (${new URL(page.url()).pathname}):\n${lines.join('\n')}`)
}

const safeName = (name: string) =>
  name
    .replace(/[^a-zA-Z0-9åäöÅÄÖ_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)

/** Screenshot + HTML of the page as it was when the journey failed (CI keeps e2e-artifacts/). */
export async function saveArtifacts(page: Page, name: string, error: unknown): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const base = path.join(ARTIFACTS_DIR, safeName(name))
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  fs.writeFileSync(`${base}.txt`, `${page.url()}\n\n${message}\n`)
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {})
  const html = await page.content().catch(() => '')
  if (html) fs.writeFileSync(`${base}.html`, html)
}

/**
 * One journey in its own browser context: runs `fn`, then fails if any console error, page error,
 * CSP violation or failed sub-resource occurred; on failure keeps a screenshot and the HTML.
 */
export async function journey(browser: Browser, baseURL: string, name: string, fn: (s: Session) => Promise<void>, opts: { javaScriptEnabled?: boolean } = {}) {
  const session = await openSession(browser, baseURL, opts)
  try {
    await fn(session)
    assert.deepEqual(session.problems, [], `console errors, page errors or failed requests during "${name}"`)
  } catch (err) {
    await saveArtifacts(session.page, name, err)
    throw err
  } finally {
    await session.context.close()
  }
}
