import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { RULES } from './login-throttle.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

describe('login', () => {
  test('the login page, rendered once for all visitors, carries each visitor’s own CSRF token', async () => {
    const a = new TestBrowser(t.app)
    const b = new TestBrowser(t.app)
    await a.get('/login')
    await b.get('/login')
    assert.ok(a.csrf.length > 20 && b.csrf.length > 20)
    assert.notEqual(a.csrf, b.csrf)
    assert.doesNotMatch((await a.get('/login')).body, /placeholder/)
  })

  test('a user signs in, sees their name and role, and the session is stored hashed', async () => {
    const u = await buildUser(t.deps, { role: 'editor', name: 'Lina Redaktör' })
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    const home = await b.get('/')
    assert.match(home.body, /Lina Redaktör/)
    assert.match(home.body, /Redaktör · Linköpings kommun/)
    const token = b.cookie('tm_session')!
    const rows = await queryRows<{ id: string }>(t.deps.db, sql`select id from sessions where user_id = ${u.id}`)
    assert.equal(rows.length, 1)
    assert.notEqual(rows[0].id, token, 'the cookie value is never stored')
  })

  test('a wrong password and an unknown e-mail get the same answer, with the error summary', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.get('/login')
    const wrong = await b.post('/login', { email: u.email, password: 'fel-lösenord' })
    await b.get('/login')
    const unknown = await b.post('/login', { email: 'finns-inte@test.invalid', password: 'fel-lösenord' })
    assert.equal(wrong.statusCode, 400)
    assert.equal(unknown.statusCode, 400)
    for (const res of [wrong, unknown]) {
      assert.match(res.body, /<title>Fel: Logga in/)
      assert.match(res.body, /class="error-summary"/)
      assert.match(res.body, /<a href="#f-email">Fel e-postadress eller lösenord<\/a>/)
    }
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test('an empty form lists both fields in the error summary and keeps the e-mail typed', async () => {
    const b = new TestBrowser(t.app)
    await b.get('/login')
    const res = await b.post('/login', { email: '  namn@kommun.se ', password: '' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /href="#f-password">Skriv ditt lösenord/)
    assert.match(res.body, /value=" {2}namn@kommun.se "/)
  })

  test('after repeated failures the account is throttled with a clear Swedish message, even with the right password', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    for (let i = 0; i < RULES.accountAtAddress.free; i++) {
      await b.get('/login')
      await b.post('/login', { email: u.email, password: `fel-${i}` })
    }
    await b.get('/login')
    const res = await b.post('/login', { email: u.email, password: u.password })
    assert.equal(res.statusCode, 429)
    assert.match(res.body, /För många inloggningsförsök. Vänta \d+ sekunder och försök igen/)
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test('login rotates the session: an old session token stops working', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    const first = b.cookie('tm_session')!
    await b.get('/login?return=/')
    await b.post('/logout')
    await b.login(u.email, u.password)
    assert.notEqual(b.cookie('tm_session'), first)
    const stale = await t.app.inject({ method: 'GET', url: '/account/password', headers: { cookie: `tm_session=${first}` } })
    assert.equal(stale.statusCode, 303)
    assert.match(String(stale.headers.location), /^\/login\?return=/)
  })

  test('a session idle for more than 8 hours is refused', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    await t.deps.db.execute(sql`update sessions set last_seen_at = now() - interval '8 hours 1 minute' where user_id = ${u.id}`)
    const res = await b.get('/account/password')
    assert.equal(res.statusCode, 303)
  })

  test('a session older than 7 days is refused even when active', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    await t.deps.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${u.id}`)
    assert.equal((await b.get('/account/password')).statusCode, 303)
  })

  test('a form posted without the CSRF token is refused with a 403 page and changes nothing', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    const res = await b.post('/account/password', {
      _csrf: 'forged',
      currentPassword: u.password,
      newPassword: 'ett-helt-nytt-lösenord',
      confirmPassword: 'ett-helt-nytt-lösenord',
    })
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /Formuläret kunde inte skickas/)
    const again = new TestBrowser(t.app)
    await again.login(u.email, u.password)
  })

  test('the return address after login stays on this site', async () => {
    const u = await buildUser(t.deps)
    const b = new TestBrowser(t.app)
    await b.get('/login')
    const res = await b.post('/login', { email: u.email, password: u.password, return: '//evil.example/' })
    assert.equal(res.headers.location, '/')
  })
})

describe('password change', () => {
  test('a one-time password forces a change before anything else, then the new password works', async () => {
    const u = await buildUser(t.deps, { mustChangePassword: true })
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    const orgs = await b.get('/organisations')
    assert.equal(orgs.statusCode, 303)
    assert.equal(orgs.headers.location, '/account/password')
    await b.get('/account/password')
    const bad = await b.post('/account/password', { currentPassword: u.password, newPassword: 'kort', confirmPassword: 'annan' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /minst 12 tecken/)
    assert.match(bad.body, /Lösenorden är inte likadana/)
    const ok = await b.post('/account/password', {
      currentPassword: u.password,
      newPassword: 'ett-helt-nytt-lösenord',
      confirmPassword: 'ett-helt-nytt-lösenord',
    })
    assert.equal(ok.statusCode, 303)
    assert.equal((await b.get('/organisations')).statusCode, 200)
    const fresh = new TestBrowser(t.app)
    await fresh.login(u.email, 'ett-helt-nytt-lösenord')
  })
})

describe('my account', () => {
  test('shows the signed-in user, their roles per organisation and a way to change the password', async () => {
    const u = await buildUser(t.deps, { role: 'reporter', name: 'Rut Rapportör' })
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    const res = await b.get('/account')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Rut Rapportör/)
    assert.match(res.body, /Rapportör – Linköpings kommun/)
    assert.match(res.body, /href="\/account\/password"/)
    assert.equal((await t.app.inject('/account')).statusCode, 303)
  })
})
