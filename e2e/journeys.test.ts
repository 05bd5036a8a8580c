import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page, Response } from 'playwright-core'
import { checkA11y, checkedPages, journey, launchBrowser } from './support/browser.ts'
import { navigate, visit } from './support/navigation.ts'
import { type RunningServer, startServerAndBrowser } from './support/server.ts'

/**
 * Journeys through the real server in a real browser: every demo role logs in, sees its menu, opens
 * every page the menu offers, switches language and logs out; plus a failed login, a form with errors,
 * keyboard use, use without JavaScript and the 404 page. axe (WCAG 2.1 A/AA) runs on every page
 * visited, and any console error, page error or CSP violation fails the journey.
 */

type Role = 'admin' | 'coordinator' | 'editor' | 'reporter' | 'viewer'
const ALL: Role[] = ['admin', 'coordinator', 'editor', 'reporter', 'viewer']
const PASSWORD = 'tillsammans-demo'

/**
 * The main menu as the features declare it (`deps.nav.add` in src/features/*\/index.ts), in menu
 * order: pages 0, collaborations 5 (public, signed out only) and 10, plans 6 (the public medborgarlöften, signed out only), surveys 30 (the knowledge base, for everyone), organisations 40, meetings 70,
 * accounts 80, api-tokens 85, mail (outbox) 87, audit-log 90, accounts 95. Visibility mirrors the policies: users.manage and
 * audit.read are for coordinators (and the admin), system.admin for the admin only.
 */
type Who = Role | 'anonymous'
const NAV: { label: string; href: string; who: Who[] }[] = [
  { label: 'Start', href: '/', who: ['anonymous', ...ALL] },
  { label: 'Om samverkan', href: '/public/collaborations', who: ['anonymous'] },
  { label: 'Medborgarlöften', href: '/public/medborgarloften', who: ['anonymous'] },
  { label: 'Samverkan', href: '/collaborations', who: ALL },
  { label: 'Kunskapsunderlag', href: '/knowledge', who: ['anonymous', ...ALL] },
  { label: 'Lagen om kommuners ansvar', href: '/law', who: ALL },
  { label: 'Stöd till kommunerna', href: '/support-activities', who: ['coordinator'] },
  { label: 'Brås arbetsprocess', href: '/work-process', who: ALL },
  { label: 'Organisationer', href: '/organisations', who: ALL },
  { label: 'Kalender', href: '/calendar', who: ALL },
  { label: 'Användare', href: '/admin/users', who: ['admin', 'coordinator'] },
  { label: 'API-nycklar', href: '/admin/api-tokens', who: ['admin'] },
  { label: 'Utkorg', href: '/admin/outbox', who: ['admin'] },
  { label: 'Granskningslogg', href: '/admin/audit', who: ['admin', 'coordinator'] },
  { label: 'Mitt konto', href: '/account', who: ALL },
]
const navFor = (who: Who) => NAV.filter((item) => item.who.includes(who))

const ACCOUNTS: { email: string; name: string; role: Role; roleLabel: string }[] = [
  { email: 'admin@demo.test', name: 'Alva Admin', role: 'admin', roleLabel: 'Systemadministratör' },
  { email: 'lansstyrelsen@demo.test', name: 'Lena Samordnare', role: 'coordinator', roleLabel: 'Samordnare' },
  { email: 'polisen@demo.test', name: 'Per Polis', role: 'editor', roleLabel: 'Redaktör' },
  { email: 'linkoping@demo.test', name: 'Lina Linköping', role: 'editor', roleLabel: 'Redaktör' },
  { email: 'norrkoping@demo.test', name: 'Nils Norrköping', role: 'editor', roleLabel: 'Redaktör' },
  { email: 'valdemarsvik@demo.test', name: 'Vera Valdemarsvik', role: 'editor', roleLabel: 'Redaktör' },
  { email: 'rapportor@demo.test', name: 'Rut Rapportör', role: 'reporter', roleLabel: 'Rapportör' },
  { email: 'lasare@demo.test', name: 'Leo Läsare', role: 'viewer', roleLabel: 'Läsare' },
]

const BANNER = { sv: 'Demoläge – exempeldata', en: 'Demo mode – sample data' }

let server: RunningServer
let browser: Browser
const started = Date.now()
/** A hung page (or axe) must fail the journey, not stall the run; every page is laid out twice (desktop and phone). */
const T = { timeout: 120_000 }

before(
  async () => {
    ;[server, browser] = await startServerAndBrowser(launchBrowser, { story: true })
  },
  { timeout: 150_000 },
)

after(async () => {
  await browser?.close()
  await server?.stop()
  const axeSeconds = checkedPages.reduce((sum, p) => sum + p.ms, 0) / 1000
  const reused = checkedPages.filter((p) => p.mainReused).length
  console.log(
    `# e2e: axe checked ${checkedPages.length} pages (${reused} with an already-checked identical main area) ` +
      `in ${axeSeconds.toFixed(1)} s of axe; ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  )
  const slowest = [...checkedPages].sort((a, b) => b.ms - a.ms).slice(0, 5)
  console.log(`# slowest axe runs: ${slowest.map((p) => `${p.label} ${(p.ms / 1000).toFixed(1)} s`).join('; ')}`)
})

const run = (name: string, fn: (page: Page) => Promise<void>, opts: { javaScriptEnabled?: boolean } = {}) =>
  journey(browser, server.baseUrl, name, ({ page }) => fn(page), opts)

const pathOf = (page: Page) => new URL(page.url()).pathname
/** The main menu, found by its accessible name (Swedish, or English after the language switch). */
const mainNav = (page: Page) => page.locator('nav[aria-label="Huvudmeny"], nav[aria-label="Main menu"]')

async function navLabels(page: Page): Promise<string[]> {
  return (await mainNav(page).getByRole('link').allInnerTexts()).map((s) => s.trim())
}

/**
 * What every page must have: its language, the demo banner, a heading, a title, and no axe violations.
 * axe is injected as a script, so it cannot run (it hangs) in a context without JavaScript; those
 * pages are the same server-rendered HTML that the other journeys check.
 */
async function checkPage(page: Page, label: string, lang: 'sv' | 'en' = 'sv', axe = true) {
  assert.equal(await page.getAttribute('html', 'lang'), lang, `lang of ${label}`)
  assert.equal((await page.locator('.demo-banner').innerText()).trim(), BANNER[lang], `demo banner on ${label}`)
  assert.match(await page.title(), / – Tillsammans$/, `title of ${label}`)
  assert.ok((await page.locator('main h1').count()) >= 1, `a main heading on ${label}`)
  const navName = lang === 'sv' ? 'Huvudmeny' : 'Main menu'
  assert.equal(await page.locator(`nav[aria-label="${navName}"]`).count(), 1, `the main menu is labelled ${navName} on ${label}`)
  if (axe) await checkA11y(page, label)
}

/** Clicks every menu item but Start (already checked) and checks each page it leads to. */
async function visitMenu(page: Page, who: Who) {
  for (const item of navFor(who).filter((i) => i.href !== '/')) {
    const link = mainNav(page).getByRole('link', { name: item.label, exact: true })
    assert.equal(await link.getAttribute('href'), item.href, `${item.label} links to ${item.href}`)
    const shown = await navigate(page, () => link.click())
    assert.equal(shown.status(), 200, `${item.href} as ${who} → ${shown.status()}`)
    assert.equal(pathOf(page), item.href)
    assert.equal(await mainNav(page).getByRole('link', { name: item.label, exact: true }).getAttribute('aria-current'), 'page')
    await checkPage(page, `${item.label} (${item.href}) as ${who}`)
  }
}

/**
 * The demo story gives every demo account something to do (issue 6 F19); every to-do link leads to a
 * page that exists, answers 200 and passes axe (E17: the home page promises only what exists).
 */
async function followTodos(page: Page, email: string) {
  const hrefs: string[] = []
  for (const link of await page.locator('main .todo-list a').all()) hrefs.push((await link.getAttribute('href')) ?? '')
  assert.ok(hrefs.length > 0, `${email} has something to do on the home page`)
  for (const href of [...new Set(hrefs)]) {
    await visit(page, href)
    await checkPage(page, `to-do ${href} as ${email}`)
  }
  await visit(page, '/')
}

async function logIn(page: Page, email: string, password = PASSWORD): Promise<Response> {
  await visit(page, '/login')
  const main = page.locator('main')
  await main.getByLabel('E-postadress').fill(email)
  await main.getByLabel('Lösenord', { exact: true }).fill(password)
  return navigate(page, () => main.getByRole('button', { name: 'Logga in' }).click())
}

async function logOut(page: Page) {
  const res = await navigate(page, () => page.getByRole('button', { name: 'Logga ut' }).click())
  assert.equal(res.status(), 200)
  assert.equal(pathOf(page), '/')
  assert.equal((await page.locator('.flash').innerText()).trim(), 'Du är utloggad.')
  assert.deepEqual(
    await navLabels(page),
    navFor('anonymous').map((i) => i.label),
    'the signed-out menu (no Organisationer)',
  )
  assert.ok(await page.locator('header').getByRole('link', { name: 'Logga in', exact: true }).isVisible())
}

test('anonymous visitor: public pages, the login page lists every demo account, protected pages ask to log in', T, () =>
  run('anonymous', async (page) => {
    await visit(page, '/')
    assert.deepEqual(
      await navLabels(page),
      navFor('anonymous').map((i) => i.label),
    )
    await checkPage(page, 'start page (anonymous)')
    await visitMenu(page, 'anonymous')
    for (const [url, label] of [
      ['/about', 'about page'],
      ['/accessibility', 'accessibility statement'],
    ]) {
      await navigate(page, () => page.locator('footer').locator(`a[href="${url}"]`).click())
      assert.equal(pathOf(page), url)
      await checkPage(page, label)
    }
    await visit(page, '/login')
    const rows = page.locator('section[aria-labelledby="demo-accounts"] tbody tr')
    const listed = (await rows.allInnerTexts()).join('\n')
    for (const a of ACCOUNTS) {
      assert.ok(listed.includes(a.email) && listed.includes(a.roleLabel), `the login page lists ${a.email} (${a.roleLabel})`)
    }
    assert.match(await page.locator('main').innerText(), /tillsammans-demo/)
    await checkPage(page, 'login page')
    // A protected page sends the visitor to the login page and back after logging in.
    await visit(page, '/organisations')
    assert.equal(pathOf(page), '/login')
    assert.equal(new URL(page.url()).searchParams.get('return'), '/organisations')
  }),
)

for (const account of ACCOUNTS) {
  const expected = navFor(account.role)
  test(`${account.email} (${account.role}) sees ${expected.map((i) => i.label).join(', ')}; every page passes axe; language switch; log out`, T, () =>
    run(`role-${account.email}`, async (page) => {
      const res = await logIn(page, account.email)
      assert.equal(res.status(), 200)
      assert.equal(pathOf(page), '/')
      const user = await page.locator('.header__user').innerText()
      assert.ok(user.includes(account.name) && user.includes(account.roleLabel), `header shows ${account.name}, ${account.roleLabel}: ${user}`)
      assert.deepEqual(
        await navLabels(page),
        expected.map((i) => i.label),
        'main menu for this role',
      )
      await checkPage(page, `start page as ${account.role}`)
      await followTodos(page, account.email)

      await visitMenu(page, account.role)

      // The language link keeps the user on the page they were on.
      const before = pathOf(page)
      await navigate(page, () => page.locator('header').getByRole('link', { name: 'English', exact: true }).click())
      assert.equal(pathOf(page), before)
      assert.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible(), 'English header after switching')
      assert.ok((await navLabels(page)).includes('Home'), 'English menu after switching')
      await checkPage(page, `${before} in English as ${account.role}`, 'en')
      await navigate(page, () => page.locator('header').getByRole('link', { name: 'Svenska', exact: true }).click())
      assert.equal(pathOf(page), before)
      assert.ok(await page.getByRole('button', { name: 'Logga ut' }).isVisible(), 'Swedish header after switching back')

      await logOut(page)
      await checkPage(page, `start page after logging out (${account.role})`)
      await visit(page, '/organisations')
      assert.equal(pathOf(page), '/login', 'the session is gone after logging out')
    }),
  )
}

test('a failed login shows a focused error summary, keeps the e-mail, says "Fel:" in the title, passes axe', T, () =>
  run('failed-login', async (page) => {
    for (const email of ['lasare@demo.test', 'ingen-alls@demo.test']) {
      const res = await logIn(page, email, 'fel-losenord-123')
      assert.equal(res.status(), 400)
      assert.equal(pathOf(page), '/login')
      const summary = page.locator('.error-summary')
      assert.ok(await summary.isVisible(), 'error summary visible')
      // The same message for a wrong password and an unknown account: no user enumeration.
      assert.equal((await summary.getByRole('link').innerText()).trim(), 'Fel e-postadress eller lösenord')
      assert.equal(await summary.getByRole('link').getAttribute('href'), '#f-email')
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'focus is on the error summary')
      assert.match(await page.title(), /^Fel: /)
      assert.equal(await page.locator('#f-email').inputValue(), email)
      assert.equal(await page.locator('#f-password').inputValue(), '', 'the password is never sent back')
      assert.equal(await page.getAttribute('#f-email', 'aria-invalid'), 'true')
      await checkPage(page, `failed login (${email})`)
    }
  }),
)

test('change password with empty fields: the error summary links to each field and a link focuses its field', T, () =>
  run('password-form-errors', async (page) => {
    await logIn(page, 'norrkoping@demo.test')
    await navigate(page, () => mainNav(page).getByRole('link', { name: 'Mitt konto', exact: true }).click())
    await navigate(page, () => page.locator('main a[href="/account/password"]').click())
    assert.equal(pathOf(page), '/account/password')
    const res = await navigate(page, () => page.locator('main').getByRole('button', { name: 'Byt lösenord' }).click())
    assert.equal(res.status(), 400)
    assert.match(await page.title(), /^Fel: Byt lösenord/)
    const summary = page.locator('.error-summary')
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'focus is on the error summary')
    await checkPage(page, 'change password with errors')
    const links = summary.getByRole('link')
    const shown = await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()]))
    assert.ok(shown.length > 0, 'the summary links to the fields')
    for (const [href] of [...shown].reverse()) {
      const id = href!.slice(1)
      assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', `${id} is marked invalid`)
      assert.ok((await page.getAttribute(`#${id}`, 'aria-describedby'))?.includes(`${id}-error`), `${id} is described by its error`)
      await summary.locator(`a[href="${href}"]`).click()
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, `clicking ${href} focuses the field`)
    }
    // Every empty required field is named, with the message for an empty field (GOV.UK: "Enter …").
    assert.deepEqual(shown, [
      ['#f-currentPassword', 'Skriv ditt nuvarande lösenord'],
      ['#f-newPassword', 'Skriv ett nytt lösenord'],
      ['#f-confirmPassword', 'Skriv det nya lösenordet en gång till'],
    ])
    await logOut(page)
  }),
)

test('keyboard: the first Tab reaches the visible skip link, Enter moves focus to the main content', T, () =>
  run('keyboard-skip-link', async (page) => {
    await visit(page, '/')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }))
    assert.deepEqual(focused, { text: 'Hoppa till huvudinnehållet', href: '#main' })
    const box = await page.locator('.skip-link').boundingBox()
    assert.ok(box && box.width > 1 && box.height > 1 && box.y >= 0, `the focused skip link is visible on screen: ${JSON.stringify(box)}`)
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  }),
)

test('without JavaScript: log in (and a failed login), see the menu, log out', T, () =>
  run(
    'no-javascript',
    async (page) => {
      let res = await logIn(page, 'lasare@demo.test', 'fel-losenord-456')
      assert.equal(res.status(), 400)
      assert.ok(await page.locator('.error-summary').isVisible())
      res = await logIn(page, 'lasare@demo.test')
      assert.equal(res.status(), 200)
      assert.deepEqual(
        await navLabels(page),
        navFor('viewer').map((i) => i.label),
      )
      await checkPage(page, 'start page without JavaScript', 'sv', false)
      await logOut(page)
    },
    { javaScriptEnabled: false },
  ),
)

test('an unknown address gives a Swedish 404 page that passes axe', T, () =>
  run('not-found', async (page) => {
    await visit(page, '/finns-inte-alls', 404)
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Sidan kunde inte hittas')
    assert.match(await page.title(), /^Sidan kunde inte hittas/)
    await checkPage(page, '404 page')
  }),
)

test('the server logged no errors during the journeys', T, () => {
  const errors = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .map((line) => {
      try {
        const e = JSON.parse(line) as { reqId?: string; msg?: string; err?: { type?: string; message?: string } }
        return `${e.reqId ?? '-'} ${e.msg ?? ''}: ${e.err?.type ?? ''} ${(e.err?.message ?? '').slice(0, 300)}`
      } catch {
        return line.slice(0, 400)
      }
    })
  assert.deepEqual(errors, [], `the server logged ${errors.length} error(s)`)
})
