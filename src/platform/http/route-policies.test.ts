import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'

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
