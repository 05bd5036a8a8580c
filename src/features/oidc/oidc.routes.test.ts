import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { type MockOidcProvider, startMockOidcProvider } from '../../test-support/mock-oidc-provider.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { isLoopbackHttp, type OidcFlow } from './oidc.service.ts'

const CLIENT = { clientId: 'tillsammans', clientSecret: 'hemlig klient+nyckel/1' }
const oidcEnv = (issuer: string) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: CLIENT.clientId,
  OIDC_CLIENT_SECRET: CLIENT.clientSecret,
  BASE_URL: 'http://localhost:3000',
})

let idp: MockOidcProvider
let t: TestApp
before(async () => {
  idp = await startMockOidcProvider(CLIENT)
  t = await buildTestApp(oidcEnv(idp.issuer))
})
after(async () => {
  await t.close()
  await idp.close()
})

/** Starts a login in the app, lets the mock IdP answer, and returns the callback path to inject next. */
async function throughIdp(b: TestBrowser, start = '/login/oidc') {
  const res = await b.get(start)
  assert.equal(res.statusCode, 303, res.body)
  const authorize = new URL(String(res.headers.location))
  const answer = await fetch(authorize, { redirect: 'manual' })
  assert.equal(answer.status, 302)
  const back = new URL(answer.headers.get('location')!)
  assert.equal(back.origin, 'http://localhost:3000')
  return { authorize, callback: back.pathname + back.search }
}

const auditRows = (action: string) =>
  queryRows<{ actor_label: string; entity_id: string | null; after: Record<string, unknown> }>(
    t.deps.db,
    sql`select actor_label, entity_id, after from audit_events where action = ${action} order by seq`,
  )

describe('OIDC login', () => {
  test('a pre-created user signs in at the IdP (e-mail matched case-insensitively) and lands signed in', async () => {
    const u = await buildUser(t.deps, { role: 'editor', name: 'Olle Oidc', email: 'olle.oidc@kommun.test' })
    idp.login = { email: 'Olle.OIDC@Kommun.test' }
    const b = new TestBrowser(t.app)
    const { authorize, callback } = await throughIdp(b)
    assert.equal(authorize.origin, idp.issuer)
    assert.equal(authorize.searchParams.get('scope'), 'openid email profile')
    assert.equal(authorize.searchParams.get('redirect_uri'), 'http://localhost:3000/login/oidc/callback')
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256')
    assert.ok(authorize.searchParams.get('nonce') && authorize.searchParams.get('state'))
    assert.ok(b.cookie('tm_oidc'), 'the flow is kept in a cookie')

    const res = await b.get(callback)
    assert.equal(res.statusCode, 303, res.body)
    assert.equal(res.headers.location, '/')
    assert.ok(b.cookie('tm_session'), 'a session cookie is set')
    assert.equal(b.cookie('tm_oidc'), undefined, 'the flow cookie is cleared')
    assert.equal(idp.tokenRequests.at(-1)?.auth, 'client_secret_basic')
    const home = await b.get('/')
    assert.match(home.body, /Olle Oidc/)
    const logins = (await auditRows('session.login')).filter((r) => r.entity_id === u.id)
    assert.equal(logins.at(-1)?.after.method, 'oidc')
  })

  test('the return path is kept through the IdP, and only local paths are honoured', async () => {
    await buildUser(t.deps, { email: 'retur@kommun.test' })
    idp.login = { email: 'retur@kommun.test' }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b, '/login/oidc?return=%2Forganisations%3Fq%3Dx')
    assert.equal((await b.get(callback)).headers.location, '/organisations?q=x')
    const evil = new TestBrowser(t.app)
    const second = await throughIdp(evil, '/login/oidc?return=%2F%2Fevil.example%2F')
    assert.equal((await evil.get(second.callback)).headers.location, '/')
  })

  test('an unknown e-mail gets a Swedish 403 page: no session, no account created, the refusal audited', async () => {
    idp.login = { email: 'okand.person@kommun.test' }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b)
    const res = await b.get(callback)
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /Det finns inget konto för e-postadressen okand\.person@kommun\.test i Tillsammans\. Kontakta samordnaren\./)
    assert.match(res.body, /href="\/login"/)
    assert.equal(b.cookie('tm_session'), undefined)
    const users = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from users where lower(email) = 'okand.person@kommun.test'`)
    assert.equal(users[0].n, 0)
    const refused = await auditRows('session.oidc_refused')
    assert.equal(refused.at(-1)?.actor_label, 'anonymous')
    assert.equal(refused.at(-1)?.after.email, 'okand.person@kommun.test')
    assert.equal(t.deps.auditLabels.actionKey('session.oidc_refused'), 'oidc.audit.refused')
  })

  test('a deactivated account is refused like an unknown one', async () => {
    const u = await buildUser(t.deps, { email: 'avslutad@kommun.test' })
    await t.deps.db.execute(sql`update users set status = 'deactivated' where id = ${u.id}`)
    idp.login = { email: 'avslutad@kommun.test' }
    const b = new TestBrowser(t.app)
    const res = await b.get((await throughIdp(b)).callback)
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /Det finns inget konto för e-postadressen avslutad@kommun\.test/)
    assert.equal(b.cookie('tm_session'), undefined)
    assert.equal((await auditRows('session.oidc_refused')).at(-1)?.after.reason, 'deactivated')
  })

  test('an e-mail the IdP marks as unverified is refused', async () => {
    await buildUser(t.deps, { email: 'overifierad@kommun.test' })
    idp.login = { email: 'overifierad@kommun.test', emailVerified: false }
    const b = new TestBrowser(t.app)
    const res = await b.get((await throughIdp(b)).callback)
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /har inte bekräftat e-postadressen/)
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test('an e-mail that the IdP only gives through userinfo is found there', async () => {
    await buildUser(t.deps, { email: 'userinfo@kommun.test', name: 'Ulla Userinfo' })
    idp.login = { email: 'userinfo@kommun.test', emailOnlyInUserinfo: true }
    const b = new TestBrowser(t.app)
    assert.equal((await b.get((await throughIdp(b)).callback)).statusCode, 303)
    assert.match((await b.get('/')).body, /Ulla Userinfo/)
  })

  test('a tampered state is refused with a 400 page before any code is exchanged', async () => {
    await buildUser(t.deps, { email: 'state@kommun.test' })
    idp.login = { email: 'state@kommun.test' }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b)
    const tokenCalls = idp.tokenRequests.length
    const res = await b.get(callback.replace(/state=[^&]+/, 'state=forfalskad'))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Inloggningen misslyckades/)
    assert.match(res.body, /href="\/login"/)
    assert.doesNotMatch(res.body, /at \w+ \(|Error:/, 'no stack trace')
    assert.equal(idp.tokenRequests.length, tokenCalls)
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test('a wrong PKCE verifier is refused by the IdP token endpoint and gives a 400 page', async () => {
    await buildUser(t.deps, { email: 'pkce@kommun.test' })
    idp.login = { email: 'pkce@kommun.test' }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b)
    const flow = t.deps.signer.unseal<OidcFlow>('oidc', b.cookie('tm_oidc'))!
    const forged = t.deps.signer.seal('oidc', { ...flow, codeVerifier: 'x'.repeat(43) })
    const res = await b.get(callback, { cookie: `tm_oidc=${forged}` })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Inloggningen misslyckades/)
    assert.deepEqual(idp.tokenRequests.at(-1), { auth: 'client_secret_basic', status: 400, error: 'invalid_grant' })
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test("an ID token not signed by a key in the IdP's JWKS is refused", async () => {
    await buildUser(t.deps, { email: 'forfalskad@kommun.test' })
    idp.login = { email: 'forfalskad@kommun.test', foreignKey: true }
    const b = new TestBrowser(t.app)
    const res = await b.get((await throughIdp(b)).callback)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Inloggningen misslyckades/)
    assert.equal(b.cookie('tm_session'), undefined)
  })

  test('a missing, forged or expired flow cookie gives a 400 page saying the login expired', async () => {
    idp.login = { email: 'whoever@kommun.test' }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b)
    const flow = t.deps.signer.unseal<OidcFlow>('oidc', b.cookie('tm_oidc'))!
    const stale = t.deps.signer.seal('oidc', { ...flow, expiresAt: Date.now() - 1 })
    for (const cookie of ['', `tm_oidc=${b.cookie('tm_oidc')}x`, `tm_oidc=${stale}`]) {
      const res = await t.app.inject({ method: 'GET', url: callback, headers: { cookie } })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Inloggningen har gått ut/)
    }
  })

  test('cancelling at the IdP (error=access_denied) gives a clear 400 page', async () => {
    idp.login = { deny: true }
    const b = new TestBrowser(t.app)
    const { callback } = await throughIdp(b)
    assert.match(callback, /error=access_denied/)
    const res = await b.get(callback)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Inloggningen avbröts/)
    assert.match(res.body, /href="\/login"/)
  })

  test('the login page offers the OIDC link', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/login' })
    assert.match(res.body, /href="\/login\/oidc"/)
  })
})

describe('OIDC configuration', () => {
  test('without OIDC settings the routes do not exist', async () => {
    const plain = await buildTestApp()
    try {
      assert.equal((await plain.app.inject({ method: 'GET', url: '/login/oidc' })).statusCode, 404)
      assert.equal((await plain.app.inject({ method: 'GET', url: '/login/oidc/callback?code=x&state=y' })).statusCode, 404)
    } finally {
      await plain.close()
    }
  })

  test('an IdP that is down at boot does not stop the app; discovery is retried at the next login', async () => {
    const probe = await startMockOidcProvider(CLIENT)
    const { port, issuer } = probe
    await probe.close()
    const app = await buildTestApp(oidcEnv(issuer))
    let late: MockOidcProvider | undefined
    try {
      const down = await app.app.inject({ method: 'GET', url: '/login/oidc' })
      assert.equal(down.statusCode, 503)
      assert.match(down.body, /Inloggningstjänsten svarar inte/)
      late = await startMockOidcProvider({ ...CLIENT, port })
      const up = await app.app.inject({ method: 'GET', url: '/login/oidc' })
      assert.equal(up.statusCode, 303)
      assert.ok(String(up.headers.location).startsWith(`${issuer}/authorize?`))
    } finally {
      await app.close()
      await late?.close()
    }
  })

  test('plain http is allowed only for a loopback issuer', () => {
    assert.ok(isLoopbackHttp('http://127.0.0.1:8080'))
    assert.ok(isLoopbackHttp('http://localhost/realms/x'))
    assert.ok(!isLoopbackHttp('http://idp.kommun.se'))
    assert.ok(!isLoopbackHttp('https://localhost'))
  })
})
