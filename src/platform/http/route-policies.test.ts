import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { loadConfig } from '../../config.ts'

/**
 * Deny by default, proven over every registered route: whatever a feature adds, an anonymous visitor
 * only reaches `public` routes, and a viewer never reaches an administrator's route.
 */
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const ADMIN_POLICIES = new Set(['system.admin', 'users.manage', 'audit.read'])
const fill = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'css/app.css')

test('every route declares a known policy, and a route without one cannot be registered', async () => {
  assert.ok(t.deps.routes.length > 10)
  for (const r of t.deps.routes) assert.ok(t.deps.policies.has(r.policy), `${r.method} ${r.url}`)
  const { buildApp } = await import('../../app.ts')
  const { createDeps } = await import('../deps.ts')
  const deps = await createDeps(t.deps.config, t.deps.database)
  const app = await buildApp(t.deps.config, deps)
  assert.throws(() => app.get('/no-policy', async () => 'x'), /declares no known policy/)
  assert.throws(() => app.get('/bad-policy', { config: { policy: 'nonsense' } }, async () => 'x'), /declares no known policy/)
})

test('anonymous requests reach only public routes', async () => {
  for (const r of t.deps.routes) {
    if (r.method === 'HEAD') continue
    const res = await t.app.inject({ method: r.method as 'GET', url: fill(r.url) })
    const label = `${r.method} ${r.url} (${r.policy}) → ${res.statusCode}`
    if (r.policy === 'public') {
      assert.ok(res.statusCode !== 401, label)
      continue
    }
    if (r.url.startsWith('/api/')) assert.equal(res.statusCode, 401, label)
    else if (r.method === 'GET') {
      assert.equal(res.statusCode, 303, label)
      assert.match(String(res.headers.location), /^\/login\?return=/, label)
    } else assert.equal(res.statusCode, 401, label)
  }
})

test('a signed-in viewer is refused every administrator route, with a Swedish 403 page', async () => {
  const viewer = await buildUser(t.deps, { role: 'viewer' })
  const b = new TestBrowser(t.app)
  await b.login(viewer.email, viewer.password)
  let checked = 0
  for (const r of t.deps.routes) {
    if (!ADMIN_POLICIES.has(r.policy) || r.method === 'HEAD') continue
    const res = r.method === 'GET' ? await b.get(fill(r.url)) : await b.post(fill(r.url), {})
    assert.equal(res.statusCode, 403, `${r.method} ${r.url}`)
    assert.match(res.body, /Du har inte behörighet/)
    checked++
  }
  assert.ok(checked >= 5, `only ${checked} administrator routes found`)
})

/**
 * B10: the routes anyone may reach without signing in, pinned. A route made public by mistake, or a
 * new public route, fails here until it is added with the reason it may be public. Listed from an
 * app with every optional feature switched on (metrics, OIDC), so routes that exist only when
 * configured are pinned too. HEAD follows GET and is not listed.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /': 'the home page: the signed-out version says what the platform is',
  'GET /about': 'what the platform is and who runs it',
  'GET /accessibility': 'the accessibility statement must be reachable by everyone (DOS-lagen)',
  'GET /cookies': 'which cookies are set, before anyone signs in',
  'GET /robots.txt': 'crawlers',
  'GET /favicon.ico': 'browsers ask for it on every page',
  'GET /static/*': 'CSS, scripts and images of the public pages',
  'GET /language': 'the language switch works before signing in (return path checked)',
  'GET /healthz': 'load balancer probe, says only "ok"',
  'GET /readyz': 'load balancer probe, says only whether the database answers',
  'GET /metrics': 'exists only with METRICS_TOKEN and answers only a request bearing it',
  'GET /login': 'the login form',
  'POST /login': 'signing in (CSRF-checked with the anonymous token, throttled)',
  'POST /logout': 'signing out must work with an expired session (CSRF-checked)',
  'GET /login/oidc': 'municipal identity provider sign-in (exists only with OIDC configured)',
  'GET /login/oidc/callback': 'the identity provider returns here (state and nonce checked)',
  'GET /public/collaborations': 'collaborations with visibility public',
  'GET /public/collaborations/:code': 'one public collaboration, only what is public',
  'GET /bodies/:bodyId/seats': 'a body’s seats: anonymous visitors see only public seats of public bodies',
  'GET /calendar/:userId/:mac.ics': 'a personal calendar feed; the URL carries an HMAC instead of a cookie',
  'GET /api/v1/openapi.json': 'the API’s documentation',
  'GET /public/medborgarloften': 'public medborgarlöften (visibility public, adopted or published), per municipality',
  'GET /public/medborgarloften/:planId': 'one public medborgarlöfte with its published summaries only; anything else is a 404',
  'GET /public/medborgarloften.atom': 'the Atom feed of published summaries of public medborgarlöften',
  'GET /api/v1/public/citizen-promises': 'the public medborgarlöften as JSON, the same as the public page',
  'GET /api/v1/public/citizen-promises/:planId': 'one public medborgarlöfte as JSON, the same as its public page',
  'GET /indicators': 'the indicator registry: aggregate statistics (Brå, NTU, Medborgarenkäten) are public',
  'GET /indicators/help': 'how the indicator import formats look and how per 100 000 is computed',
  'GET /indicators/:key': 'one indicator with its aggregate observations (public statistics)',
  'GET /indicators/:key/observations.csv': 'the observations an indicator page shows, as CSV',
  'GET /api/v1/indicators': 'the indicator registry as JSON',
  'GET /api/v1/indicators/:key/observations': 'an indicator’s aggregate observations as JSON, the same as its page',
  'GET /methods': 'the library of methods: curated methods are public knowledge; proposals only for the curators and the proposer',
  'GET /methods/:methodId': 'one method: a curated one for everyone, a proposal is a 404 to others; measures only from plans the viewer may read',
  'GET /api/v1/methods': 'the curated methods as JSON, the same as the public library (proposals left out)',
  'GET /knowledge': 'the knowledge base’s front door: links, and which municipalities have survey answers',
  'GET /knowledge/municipalities/:municipalityCode': 'a municipality’s survey figures: only surveys the visitor may read, small cells suppressed',
  'GET /help/survey-estimates': 'how the survey figures are computed',
  'GET /surveys': 'the surveys the visitor may read (public ones without signing in)',
  'GET /yearly-reports/:reportId': 'a yearly report: adopted with visibility public for anyone; anything else is a 404 unless signed in as a partner',
  'GET /yearly-reports/:reportId/export.docx': 'the same yearly report as Word, under the same rule',
  'GET /yearly-reports/:reportId/export.pdf': 'the same yearly report as PDF, under the same rule',
  'GET /yearly-reports/:reportId/pdfa/:taskId': 'the adopted yearly report as PDF/A (a finished task of it), under the same rule',
  'GET /surveys/:surveyId': 'one survey the visitor may read; any other is a 404',
  'GET /surveys/:surveyId/areas/:municipalityCode': 'aggregate estimates of a readable survey, small cells suppressed',
  'GET /surveys/:surveyId/areas/:municipalityCode/estimates.csv': 'the same estimates as the page, as CSV',
  'GET /api/v1/surveys': 'the surveys the caller may read, as JSON',
  'GET /api/v1/surveys/:surveyId/estimates': 'aggregate estimates of a readable survey as JSON, small cells suppressed',
  // open-data (issue 10)
  'GET /open-data': 'the open data: every public dataset with licence, formats and links',
  'GET /open-data/README.txt': 'the open data’s fields described, plain text',
  'GET /open-data/catalog.rdf': 'the DCAT-AP-SE catalogue of the open data, for Sveriges dataportal to harvest',
  'GET /open-data/collaborations.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/parties.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/bodies.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/citizen-promises.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/follow-up.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/indicator-observations.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/survey-estimates.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /open-data/yearly-reports.csv': 'open data as CSV: only what the public pages and API show (suppression applied)',
  'GET /api/v1/open-data/collaborations': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/parties': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/bodies': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/citizen-promises': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/follow-up': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/indicator-observations': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/survey-estimates': 'open data as JSON: the same records as the CSV',
  'GET /api/v1/open-data/yearly-reports': 'open data as JSON: the same records as the CSV',
}

test('the public routes are exactly the pinned list', async () => {
  const { buildApp } = await import('../../app.ts')
  const { createDeps } = await import('../deps.ts')
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    TILLSAMMANS_DEMO: 'false',
    TILLSAMMANS_WORKERS: 'false',
    TILLSAMMANS_DATA_DIR: '/nonexistent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    METRICS_TOKEN: 'metrics-token-metrics-token-metrics-token',
    OIDC_ISSUER: 'http://127.0.0.1:9/',
    OIDC_CLIENT_ID: 'pinned-routes',
    OIDC_CLIENT_SECRET: 'pinned-routes-secret',
  })
  const deps = await createDeps(config, t.deps.database)
  await buildApp(config, deps)
  const isPublic = deps.routes.filter((r) => r.policy === 'public' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)
  assert.deepEqual([...new Set(isPublic)].sort(), Object.keys(PUBLIC_ROUTES).sort())
  // The default test app has the same public routes minus the optional ones.
  const optional = new Set(['GET /metrics', 'GET /login/oidc', 'GET /login/oidc/callback'])
  const plain = t.deps.routes.filter((r) => r.policy === 'public' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)
  assert.deepEqual(
    plain.sort(),
    Object.keys(PUBLIC_ROUTES)
      .filter((k) => !optional.has(k))
      .sort(),
  )
})
