import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { buildUser } from '../../test-support/factories.ts'
import { signedIn } from '../../test-support/browser.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { STATIC_DIR, staticManifest } from './static-files.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
const linked = (html: string, pattern: RegExp) => {
  const m = pattern.exec(html)
  assert.ok(m, `no link matching ${pattern}`)
  return m[1]
}

describe('headers that browsers act on', () => {
  test('X-Frame-Options says DENY, as the CSP does with frame-ancestors none, and powerful features are switched off', async () => {
    const res = await get('/login')
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/)
    assert.equal(res.headers['x-frame-options'], 'DENY')
    const policy = String(res.headers['permissions-policy'])
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)`))
  })
})

describe('compression', () => {
  test('HTML is sent with brotli or gzip when the client asks, and as it is when it does not', async () => {
    const plain = await get('/login')
    assert.equal(plain.headers['content-encoding'], undefined)
    const gz = await get('/login', { 'accept-encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.match(String(gz.headers.vary), /accept-encoding/i)
    const html = gunzipSync(gz.rawPayload).toString('utf8')
    assert.match(html, /<html lang="sv">/)
    assert.ok(gz.rawPayload.length < html.length / 2, `compressed ${gz.rawPayload.length} bytes of ${html.length}`)
    const br = await get('/login', { 'accept-encoding': 'br, gzip' })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.match(brotliDecompressSync(br.rawPayload).toString('utf8'), /<html lang="sv">/)
    // The precomputed security headers are still there on a compressed answer.
    assert.match(String(br.headers['content-security-policy']), /default-src 'self'/)
  })

  test('CSS and JS are compressed too, and a streamed CSV download arrives whole', async () => {
    const html = (await get('/login')).body
    const css = await get(linked(html, /href="(\/static\/css\/app\.[0-9a-f]{10}\.css)"/), { 'accept-encoding': 'gzip' })
    assert.equal(css.headers['content-encoding'], 'gzip')
    assert.equal(gunzipSync(css.rawPayload).toString('utf8'), fs.readFileSync(path.join(STATIC_DIR, 'css/app.css'), 'utf8'))
    const js = await get(linked(html, /src="(\/static\/js\/app\.[0-9a-f]{10}\.js)"/), { 'accept-encoding': 'gzip' })
    assert.equal(js.headers['content-encoding'], 'gzip')

    const coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
    const browser = await signedIn(t.app, coordinator)
    const csv = await browser.get('/admin/audit.csv', { 'accept-encoding': 'gzip' })
    assert.equal(csv.statusCode, 200)
    assert.equal(csv.headers['content-encoding'], 'gzip')
    const text = gunzipSync(csv.rawPayload).toString('utf8')
    assert.ok(text.startsWith('\uFEFF'), 'the BOM survives')
    assert.ok(text.split('\r\n').length > 2, 'header and rows')
  })
})

describe('static files', () => {
  test('pages link fingerprinted CSS, JS and favicon, which are cached for a year as immutable', async () => {
    const html = (await get('/login')).body
    const { urls } = staticManifest()
    for (const file of ['css/app.css', 'css/print.css', 'js/app.js', 'favicon.svg']) {
      const url = `/static/${urls.get(file)}`
      assert.ok(html.includes(`"${url}"`), `${file} is linked as ${url}`)
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(res.rawPayload.length, fs.statSync(path.join(STATIC_DIR, file)).size)
    }
  })

  test('a changed file gets a new URL; the plain path and an old fingerprint still work, cached briefly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-static-'))
    try {
      fs.mkdirSync(path.join(dir, 'css'))
      fs.writeFileSync(path.join(dir, 'css/app.css'), 'body { color: black }')
      const first = staticManifest(dir).urls.get('css/app.css')
      fs.writeFileSync(path.join(dir, 'css/app.css'), 'body { color: navy }')
      const second = staticManifest(dir).urls.get('css/app.css')
      assert.match(String(first), /^css\/app\.[0-9a-f]{10}\.css$/)
      assert.notEqual(first, second)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    for (const url of ['/static/css/app.css', '/static/css/app.0123456789.css']) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['cache-control'], 'public, max-age=3600')
      assert.match(String(res.headers['content-type']), /^text\/css/)
    }
    assert.equal((await get('/static/css/finns-inte.css')).statusCode, 404)
  })

  test('favicon.ico and robots.txt exist', async () => {
    const icon = await get('/favicon.ico')
    assert.equal(icon.statusCode, 200)
    assert.match(String(icon.headers['content-type']), /^image\/(vnd\.microsoft\.icon|x-icon)/)
    assert.deepEqual([...icon.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header')
    const robots = await get('/robots.txt')
    assert.equal(robots.statusCode, 200)
    assert.match(String(robots.headers['content-type']), /^text\/plain/)
    assert.match(robots.body, /^User-agent: \*$/m)
    assert.match(robots.body, /^Allow: \/public\/$/m)
    assert.match(robots.body, /^Disallow: \/$/m)
  })
})
