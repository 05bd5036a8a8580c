import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { safeReturnPath } from './return-path.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

/** The usual open-redirect bypasses, each of which must land on the fallback. */
export const REDIRECT_BYPASSES = [
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/%09/evil.example',
  '/\t/evil.example',
  '/%0a/evil.example',
  '/%0d%0a/evil.example',
  '/%5Cevil.example',
  '/%2F/evil.example',
  '%2F%2Fevil.example',
  'https:evil.example',
  'https://evil.example',
  'http:/evil.example',
  'javascript:alert(1)',
  '/\u0000/evil.example',
  ' //evil.example',
  'evil.example',
  '/%E0%A4%A',
  '',
]

test('only paths on this site are followed; every usual bypass lands on the fallback', () => {
  for (const bad of REDIRECT_BYPASSES) assert.equal(safeReturnPath(bad), '/', JSON.stringify(bad))
  assert.equal(safeReturnPath(undefined), '/')
  assert.equal(safeReturnPath(['/a']), '/')
  assert.equal(safeReturnPath('//evil', '/login'), '/login')
})

test('ordinary paths come back with their query and fragment', () => {
  assert.equal(safeReturnPath('/collaborations/123/people?sort=name#list'), '/collaborations/123/people?sort=name#list')
  assert.equal(safeReturnPath('/organisationer/%C3%85tvidaberg'), '/organisationer/%C3%85tvidaberg')
  assert.equal(safeReturnPath('/a/../admin'), '/admin')
  assert.equal(safeReturnPath('/'), '/')
})

test('the language switch and the login page send every bypass home, and ordinary paths where they belong', async () => {
  for (const bad of REDIRECT_BYPASSES) {
    const lang = await t.app.inject({ method: 'GET', url: `/language?lang=en&return=${encodeURIComponent(bad)}` })
    // A control character in the query is refused at the door (400) before the route sees it.
    assert.ok(lang.headers.location === '/' || lang.statusCode === 400, `language ${JSON.stringify(bad)} → ${lang.statusCode} ${lang.headers.location}`)
  }
  const user = await buildUser(t.deps)
  for (const bad of ['/\\evil.example', '/%09/evil.example', '//evil.example', 'https:evil.example']) {
    const b = new TestBrowser(t.app)
    const page = await b.get(`/login?return=${encodeURIComponent(bad)}`)
    assert.ok(!page.body.includes('evil.example'), `the login form does not carry ${bad}`)
    const res = await b.post('/login', { email: user.email, password: user.password, return: bad })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/', `login ${JSON.stringify(bad)}`)
    assert.equal((await b.get(`/login?return=${encodeURIComponent(bad)}`)).headers.location, '/', 'signed in already')
  }
  const lang = await t.app.inject({ method: 'GET', url: `/language?lang=en&return=${encodeURIComponent('/organisations?q=Å')}` })
  assert.equal(lang.headers.location, '/organisations?q=%C3%85')
  const b = new TestBrowser(t.app)
  await b.get('/login?return=%2Forganisations')
  const res = await b.post('/login', { email: user.email, password: user.password, return: '/organisations' })
  assert.equal(res.headers.location, '/organisations')
})
