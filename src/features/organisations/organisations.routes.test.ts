import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'

let t: TestApp
let browser: TestBrowser
before(async () => {
  t = await buildTestApp()
  const user = await buildUser(t.deps, { role: 'viewer', name: 'Vera Visare' })
  browser = new TestBrowser(t.app)
  await browser.login(user.email, user.password)
})
after(() => t.close())

const rowNames = (html: string) => [...html.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1])

describe('the organisations page', () => {
  test('lists the parties valid today in Swedish order, filtered by county and kind, with the page around it per user', async () => {
    const res = await browser.get('/organisations?county=05&kind=municipality')
    assert.equal(res.statusCode, 200)
    const names = rowNames(res.body)
    assert.equal(names.length, 13)
    assert.equal(names[0], 'Boxholms kommun')
    assert.equal(names.at(-1), 'Ödeshögs kommun')
    assert.match(res.body, /<option value="05" selected>Östergötlands län \(05\)<\/option>/)
    assert.match(res.body, /Vera Visare/, 'the header is the signed-in user’s')
    const anonymous = await t.app.inject('/organisations?county=05&kind=municipality')
    assert.equal(anonymous.statusCode, 303, 'a visitor without a session is sent to sign in')

    await browser.get('/language?lang=en&return=/')
    assert.match((await browser.get('/organisations?county=05&kind=municipality')).body, /<td>Municipality<\/td>/, 'the list in the reader’s language')
    await browser.get('/language?lang=sv&return=/')
  })

  test('a change to the reference data shows at the next request, on the page and in the API', async () => {
    const before = await browser.get('/organisations?county=05')
    assert.ok(rowNames(before.body).includes('Linköpings kommun'))
    await t.deps.db.execute(sql`update organisations set name = 'Linköpings kommun (ändrad)' where code = 'kommun-0580'`)
    try {
      const page = await browser.get('/organisations?county=05')
      assert.ok(rowNames(page.body).includes('Linköpings kommun (ändrad)'))
      const api = (await browser.get('/api/v1/organisations?county=05')).json()
      assert.ok(api.items.some((o: { name: string }) => o.name === 'Linköpings kommun (ändrad)'))
    } finally {
      await t.deps.db.execute(sql`update organisations set name = 'Linköpings kommun' where code = 'kommun-0580'`)
    }
    assert.ok(rowNames((await browser.get('/organisations?county=05')).body).includes('Linköpings kommun'))
  })

  test('an organisation whose validity ended yesterday is gone from the list', async () => {
    await t.deps.db.execute(sql`update organisations set valid_to = current_date - 1 where code = 'kommun-0513'`)
    try {
      assert.ok(!rowNames((await browser.get('/organisations?county=05')).body).includes('Kinda kommun'))
    } finally {
      await t.deps.db.execute(sql`update organisations set valid_to = null where code = 'kommun-0513'`)
    }
    assert.ok(rowNames((await browser.get('/organisations?county=05')).body).includes('Kinda kommun'))
  })
})
