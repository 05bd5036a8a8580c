import { chromium } from 'playwright-core'
const BASE='http://127.0.0.1:39200'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] })
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' })
const page = await ctx.newPage()
await page.goto(`${BASE}/login`); await page.fill('input[name=email]','lansstyrelsen@demo.test'); await page.fill('input[name=password]','tillsammans-demo')
await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')])
for (const p of process.argv.slice(2)) { await page.goto(BASE+p); console.log(p, await page.evaluate(() => document.documentElement.scrollWidth)) }
await browser.close()
