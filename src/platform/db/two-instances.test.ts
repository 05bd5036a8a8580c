import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../features/accounts/index.ts'

/**
 * Several instances behind a load balancer on one PostgreSQL: two real server processes start
 * together on an empty database, migrate exactly once, and share sessions (the cookie secret is
 * generated once and kept in the database).
 */
const url = process.env.TEST_DATABASE_URL
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dbName = `t_two_${randomBytes(4).toString('hex')}`
const children: ChildProcess[] = []

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1')
  await once(srv, 'listening')
  const port = (srv.address() as net.AddressInfo).port
  srv.close()
  return port
}

async function admin(query: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(query)
  } finally {
    await c.end()
  }
}

function databaseUrl() {
  const u = new URL(url!)
  u.pathname = `/${dbName}`
  return u.toString()
}

async function startInstance(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      PORT: String(port),
      TILLSAMMANS_DEMO: 'true',
      LOG_LEVEL: 'warn',
      TILLSAMMANS_WORKERS: 'false',
      SESSION_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${output}`)
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`instance on ${port} did not become ready: ${output}`)
}

after(async () => {
  for (const c of children) c.kill('SIGTERM')
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)))
  if (url) await admin(`drop database if exists "${dbName}" with (force)`)
})

test('two instances start together on one empty PostgreSQL, migrate once and share sessions', { skip: !url && 'needs TEST_DATABASE_URL' }, async () => {
  await admin(`create database "${dbName}"`)
  const [a, b] = [await freePort(), await freePort()]
  await Promise.all([startInstance(a), startInstance(b)])

  const c = new pg.Client({ connectionString: databaseUrl() })
  await c.connect()
  const migrations = await c.query('select tag, count(*)::int as n from schema_migrations group by tag')
  const users = await c.query(`select count(*)::int as n from users where email like '%@demo.test'`)
  await c.end()
  assert.ok(migrations.rows.length >= 2)
  assert.ok(
    migrations.rows.every((r) => r.n === 1),
    'each migration recorded once',
  )
  assert.equal(users.rows[0].n, DEMO_ACCOUNTS.length, 'demo accounts created once')

  const loginPage = await fetch(`http://127.0.0.1:${a}/login`)
  const anon = loginPage.headers
    .getSetCookie()
    .map((s) => s.split(';')[0])
    .join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]
  const login = await fetch(`http://127.0.0.1:${a}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anon },
    body: new URLSearchParams({ _csrf: csrf, email: 'lansstyrelsen@demo.test', password: 'tillsammans-demo' }),
  })
  assert.equal(login.status, 303)
  const session = login.headers
    .getSetCookie()
    .find((s) => s.startsWith('tm_session='))!
    .split(';')[0]
  const onB = await fetch(`http://127.0.0.1:${b}/account/password`, { redirect: 'manual', headers: { cookie: session } })
  assert.equal(onB.status, 200, 'the session made on instance A is valid on instance B')
  assert.match(await onB.text(), /Lena Samordnare/)
})
