import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { ROOT } from './platform/root.ts'

/**
 * `npm start` runs the server bundled (scripts/server-bundle.mjs, decision 015) while every other test
 * runs the sources: this starts exactly what a newcomer starts, on a new data folder, and signs in.
 */
let child: ChildProcess | undefined
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-start-'))

after(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1')
  await once(srv, 'listening')
  const port = (srv.address() as net.AddressInfo).port
  srv.close()
  return port
}

test('npm start serves the login page from the bundle, and a demo account signs in', async () => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, TILLSAMMANS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', TILLSAMMANS_DEMO_STORY: 'false' }
  for (const key of ['DATABASE_URL', 'BASE_URL', 'NODE_OPTIONS']) delete env[key]
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  assert.equal(pkg.scripts.start, 'node scripts/start.mjs')
  child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  let login: Response | undefined
  while (Date.now() < deadline && !login) {
    if (child.exitCode !== null) assert.fail(`npm start exited: ${output}`)
    login = await fetch(`${base}/login`).catch(() => undefined)
    if (!login) await new Promise((r) => setTimeout(r, 200))
  }
  assert.ok(login, `no answer from npm start: ${output}`)
  assert.equal(login.status, 200)
  const html = await login.text()
  assert.match(html, /<html lang="sv"/)
  // Read at run time from the project folder, not from beside the bundle: static files, locales.
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  assert.ok(csrf)
  const css = html.match(/href="(\/static\/[^"]+\.css)"/)?.[1]
  assert.ok(css)
  assert.equal((await fetch(`${base}${css}`)).status, 200)
  const anon = login.headers.getSetCookie().map((c) => c.split(';')[0])
  const signedIn = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anon.join('; ') },
    body: new URLSearchParams({ email: 'lansstyrelsen@demo.test', password: 'tillsammans-demo', _csrf: csrf }).toString(),
  })
  assert.equal(signedIn.status, 303, output)
  // The bundle names the source files in stack traces (a source map beside it).
  assert.ok(fs.existsSync(path.join(ROOT, 'node_modules/.cache/tillsammans/server.mjs.map')))
})
