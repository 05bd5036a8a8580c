import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { createDeps } from '../deps.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

/** A second app on the same test database with other settings (https, a low rate limit, a failing route). */
async function variant(env: Record<string, string>, extra?: (app: Awaited<ReturnType<typeof buildApp>>) => void) {
  const config = loadConfig({ LOG_LEVEL: 'silent', TILLSAMMANS_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40), ...env })
  const app = await buildApp(config, await createDeps(config, t.deps.database))
  extra?.(app)
  await app.ready()
  return app
}

describe('security headers', () => {
  test('pages carry a strict CSP without inline script or style, and no HSTS over http', async () => {
    const res = await t.app.inject('/login')
    const csp = String(res.headers['content-security-policy'])
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /style-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
    assert.equal(res.headers['strict-transport-security'], undefined)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.doesNotMatch(res.body, /<script>|style="/, 'no inline script or style in the markup')
  })

  test('with an https BASE_URL, HSTS is sent and cookies are Secure', async () => {
    const app = await variant({ BASE_URL: 'https://tillsammans.example.se' })
    const res = await app.inject('/login')
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/)
    assert.ok(
      res.cookies.every((c) => c.secure),
      'every cookie is Secure',
    )
    assert.ok(res.cookies.every((c) => c.httpOnly && c.sameSite === 'Lax'))
    await app.close()
  })
})

describe('error pages', () => {
  test('an unknown page is a Swedish 404 page, and an unknown API path is problem+json', async () => {
    const page = await t.app.inject('/finns-inte')
    assert.equal(page.statusCode, 404)
    assert.match(page.body, /<html lang="sv">/)
    assert.match(page.body, /Sidan kunde inte hittas/)
    const api = await t.app.inject('/api/v1/finns-inte')
    assert.equal(api.statusCode, 404)
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/)
    assert.equal(api.json().status, 404)
  })

  test('a crash shows a generic page with a reference, never the error text or a stack', async () => {
    const app = await variant({}, (a) =>
      a.get('/boom', { config: { policy: 'public' } }, async () => {
        throw new Error('secret internal detail at /srv/app.ts:42')
      }),
    )
    const res = await app.inject('/boom')
    assert.equal(res.statusCode, 500)
    assert.match(res.body, /Något gick fel/)
    assert.match(res.body, new RegExp(`Ange felkod ${res.headers['x-request-id']}`))
    assert.doesNotMatch(res.body, /secret internal detail|app\.ts|at /)
    await app.close()
  })

  test('an English browser gets English error pages', async () => {
    const res = await t.app.inject({ url: '/finns-inte', headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    assert.match(res.body, /<html lang="en">/)
    assert.match(res.body, /Page not found/)
  })

  test('a body over the limit is refused with 413 and a clear page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: `email=${'a'.repeat(1_100_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.statusCode, 413)
    assert.match(res.body, /för stort/)
  })

  test('too many requests from one address get 429 with a Swedish explanation', async () => {
    const app = await variant({ RATE_LIMIT_MAX: '3' })
    const codes = []
    for (let i = 0; i < 5; i++) codes.push((await app.inject('/about')).statusCode)
    assert.deepEqual(codes.slice(0, 3), [200, 200, 200])
    const res = await app.inject('/about')
    assert.equal(res.statusCode, 429)
    assert.match(res.body, /För många förfrågningar/)
    assert.equal((await app.inject('/healthz')).statusCode, 200, 'health probes are never throttled')
    await app.close()
  })
})

describe('language', () => {
  test('Swedish by default; the header link switches to English and back, remembering the page', async () => {
    const b = new TestBrowser(t.app)
    const sv = await b.get('/about')
    assert.match(sv.body, /<a href="\/language\?lang=en&amp;return=%2Fabout"/)
    const sw = await b.get('/language?lang=en&return=%2Fabout')
    assert.equal(sw.statusCode, 303)
    assert.equal(sw.headers.location, '/about')
    const en = await b.get('/about')
    assert.match(en.body, /<html lang="en">/)
    assert.match(en.body, /About Tillsammans/)
    await b.get('/language?lang=sv&return=%2F')
    assert.match((await b.get('/')).body, /<html lang="sv">/)
  })

  test('the return address of the language switch stays on the site', async () => {
    const res = await t.app.inject('/language?lang=en&return=https://evil.example')
    assert.equal(res.headers.location, '/')
  })
})

describe('observability', () => {
  // /metrics needs a token: src/platform/observability/metrics.test.ts.
  test('healthz and readyz answer; requests carry an id', async () => {
    assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' })
    const ready = await t.app.inject('/readyz')
    assert.equal(ready.statusCode, 200)
    assert.equal(ready.json().status, 'ready')
    const withId = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-1234-abcd' } })
    assert.equal(withId.headers['x-request-id'], 'lb-1234-abcd')
  })
})

describe('layout', () => {
  test('every page has a skip link, a main landmark, the collaboration name and the accessibility statement link', async () => {
    for (const url of ['/', '/login', '/about', '/accessibility']) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 200, url)
      assert.match(res.body, /<a class="skip-link" href="#main">Hoppa till huvudinnehållet<\/a>/, url)
      assert.match(res.body, /<main id="main"/, url)
      assert.match(res.body, /Östergötland tillsammans mot brott/, url)
      assert.match(res.body, /<a href="\/accessibility">Tillgänglighetsredogörelse<\/a>/, url)
    }
  })

  test('the demo banner shows only in demo mode', async () => {
    assert.doesNotMatch((await t.app.inject('/')).body, /Demoläge – exempeldata/)
    const demo = await variant({ TILLSAMMANS_DEMO: 'true' })
    assert.match((await demo.inject('/')).body, /Demoläge – exempeldata/)
    await demo.close()
  })

  test('the accessibility statement offers a way to report problems', async () => {
    const res = await t.app.inject('/accessibility')
    assert.match(res.body, /Rapportera brister/)
    assert.match(res.body, /href="mailto:/)
  })
})
