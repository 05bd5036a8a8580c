import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Starts the REAL server (`node --import tsx src/server.ts`) as a child process on a free port with a
 * fresh embedded database in demo mode, exactly as a newcomer's `npm start` would, so the journeys
 * exercise the production boot path (migrations, reference data, demo accounts, workers) and not a
 * test double.
 */
export interface RunningServer {
  baseUrl: string
  /** Everything the server printed so far, for failure messages. */
  output(): string
  stop(): Promise<void>
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// Generous: a loaded CI machine has taken over a minute to migrate and seed a fresh data folder.
const READY_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 15_000

/** Asks the OS for a port nobody listens on. A tiny race remains; a collision shows up as a boot error. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * `story: false` (the default): the demo accounts on the bare reference data, so a journey starts
 * from a known state and builds what it checks. `story: true`: the whole demo story, as `npm start`.
 */
export interface ServerOptions {
  story?: boolean
  /** A data folder prepared beforehand (for instance with the CLI); removed when the server stops. */
  dataDir?: string
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-e2e-'))
  // 127.0.0.1 everywhere: "localhost" may resolve to ::1 first in Node or Chromium, while we listen on IPv4.
  const baseUrl = `http://127.0.0.1:${port}`
  let log = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      TILLSAMMANS_DATA_DIR: dataDir,
      TILLSAMMANS_DEMO: 'true',
      TILLSAMMANS_DEMO_STORY: opts.story ? 'true' : 'false',
      LOG_LEVEL: 'warn',
      // The e2e run must never reach a real database, whatever the developer's shell says.
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const append = (chunk: Buffer) => {
    log += chunk.toString()
    if (log.length > 200_000) log = log.slice(-100_000)
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)

  // If the test process dies without running its hooks, take the server (and its data) with it.
  const killOnExit = () => {
    if (!exited(child)) child.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  process.once('exit', killOnExit)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    process.off('exit', killOnExit)
    if (!exited(child)) {
      child.kill('SIGTERM')
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL')
        await waitForExit(child, 5_000)
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  try {
    for (;;) {
      if (exited(child)) throw new Error(`the server exited with code ${child.exitCode ?? child.signalCode} before it was ready`)
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s`)
      try {
        const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })
        if (res.status === 200) break
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  } catch (err) {
    await stop()
    throw new Error(`${(err as Error).message}\n--- server output ---\n${log}`)
  }
  return { baseUrl, output: () => log, stop }
}

/**
 * Starts the server and the browser together. If either fails, the other is shut down before the
 * error is thrown: a Chromium left running keeps the test process alive forever (seen under load,
 * when the server missed its ready deadline and the run hung for half an hour).
 */
export async function startServerAndBrowser<B extends { close(): Promise<void> }>(
  launch: () => Promise<B>,
  opts: ServerOptions = {},
): Promise<[RunningServer, B]> {
  const [server, browser] = await Promise.allSettled([startServer(opts), launch()])
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') return [server.value, browser.value]
  if (server.status === 'fulfilled') await server.value.stop()
  if (browser.status === 'fulfilled') await browser.value.close()
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason
}
