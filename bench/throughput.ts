import autocannon from 'autocannon'
import Fastify from 'fastify'
import { type AppProcess, appEnv, freePort, newDataDir, spawnApp, waitFor200 } from './processes.ts'

/** Load figures for one target, from autocannon's measured run (the warm-up run is discarded). */
export interface Load {
  url: string
  reqPerSec: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

export const CONNECTIONS = 32
/** Seconds per measured run; short by default so a run of every row stays a couple of minutes (BENCH_SECONDS). */
export const DURATION_S = Number(process.env.BENCH_SECONDS) || 5
export const WARMUP_S = 1

/**
 * autocannon runs in a worker thread: in the calling thread it would share one event loop with the bare
 * Fastify reference server below and slow the reference down, flattering the app's ratio.
 */
async function cannon(url: string, headers: Record<string, string>, duration: number) {
  return autocannon({ url, headers, connections: CONNECTIONS, duration, workers: 1, timeout: 10 })
}

export async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  await cannon(url, headers, WARMUP_S)
  const r = await cannon(url, headers, DURATION_S)
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]))
  return {
    url,
    reqPerSec: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  }
}

/**
 * The real server, started the way `npm start` ends up running it, with demo data: on a fresh PGlite
 * folder, or on the given (empty) PostgreSQL database.
 */
export async function startApp(databaseUrl?: string): Promise<{ app: AppProcess; base: string }> {
  const port = await freePort()
  // The per-IP limit (600/min by default) would turn most benchmark requests into 429s.
  const server: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl, TILLSAMMANS_DEMO: 'true' } : {}
  const env = appEnv(newDataDir(), port, { RATE_LIMIT_MAX: '1000000000', ...server })
  const app = spawnApp(process.execPath, ['--import', 'tsx', 'src/server.ts'], env)
  const base = `http://127.0.0.1:${port}`
  await waitFor200(app, `${base}/login`)
  // The demo's example history is written after the server listens; measure the finished demo.
  await waitFor200(app, `${base}/readyz`, 300_000, 250)
  return { app, base }
}

export async function fetchHtml(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' })
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`)
  return res.text()
}

/** A bare Fastify route sending `html` as it is: the ceiling for a page of that size on this machine. */
export async function startBare(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false })
  bare.get('/login', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html))
  const address = await bare.listen({ port: 0, host: '127.0.0.1' })
  return { url: `${address}/login`, close: () => bare.close() }
}

function cookieFrom(res: Response, name: string): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';')
    const eq = pair.indexOf('=')
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1)
  }
  throw new Error(`${res.url} set no ${name} cookie (status ${res.status})`)
}

/**
 * Signs in through the login form as a browser would: GET /login for the anonymous cookie and the
 * form's CSRF token, then POST the form. Returns the Cookie header value of the session.
 */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`, { redirect: 'manual' })
  const anon = cookieFrom(page, 'tm_anon')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  if (!csrf) throw new Error('no _csrf field on /login')
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `tm_anon=${anon}` },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  })
  await res.arrayBuffer()
  if (res.status !== 303) throw new Error(`POST /login as ${email} answered ${res.status}, expected 303`)
  return `tm_session=${cookieFrom(res, 'tm_session')}`
}
