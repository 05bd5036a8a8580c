import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/** Helpers for the benchmarks: temp data folders, free ports, app processes started and stopped as a group. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const tempDirs: string[] = []
const running = new Set<AppProcess>()
const finalizers: (() => Promise<void>)[] = []

/** Work for cleanup() after the processes are stopped (dropping a bench database). */
export function onCleanup(fn: () => Promise<void>): void {
  finalizers.push(fn)
}

/** A new, empty data folder; removed by cleanup(). */
export function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-bench-'))
  tempDirs.push(dir)
  return dir
}

/** Asks the kernel for a free port (a small race with other programs is acceptable for a benchmark). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * The environment a newcomer has: embedded PGlite in the given folder, demo on by default, quiet logs.
 * Variables that would change what is measured (a PostgreSQL server, https cookies) are removed.
 */
export function appEnv(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TILLSAMMANS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }
  for (const key of ['DATABASE_URL', 'BASE_URL', 'TILLSAMMANS_DEMO', 'HOST', 'NODE_OPTIONS', 'RATE_LIMIT_MAX']) delete env[key]
  // What the caller asks for explicitly (a PostgreSQL server for its own rows) is kept.
  return { ...env, ...extra }
}

export interface AppProcess {
  child: ChildProcess
  /** Monotonic time (ms) just before spawn. */
  startedAt: number
  /** Last few kB of stdout+stderr, for error messages. */
  output(): string
  /** How the process ended ('code 1', 'signal SIGKILL'), undefined while it runs. */
  exitCode(): string | undefined
  stop(): Promise<void>
}

/**
 * Spawns a command in its own process group (detached), so `npm start` → sh → node can be stopped as a
 * whole: SIGTERM to the group, SIGKILL if it is still there after a grace period.
 */
export function spawnApp(command: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  let tail = ''
  let exit: string | undefined
  const startedAt = performance.now()
  const child = spawn(command, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  child.on('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `code ${code}`
  })
  const proc: AppProcess = {
    child,
    startedAt,
    output: () => tail,
    exitCode: () => exit,
    async stop() {
      running.delete(proc)
      await killGroup(child.pid!)
    },
  }
  running.add(proc)
  return proc
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

export async function killGroup(pgid: number, graceMs = 8000): Promise<void> {
  if (!groupAlive(pgid)) return
  try {
    process.kill(-pgid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = performance.now() + graceMs
  while (groupAlive(pgid) && performance.now() < deadline) await sleep(25)
  if (!groupAlive(pgid)) return
  try {
    process.kill(-pgid, 'SIGKILL')
  } catch {
    return
  }
  const hard = performance.now() + 2000
  while (groupAlive(pgid) && performance.now() < hard) await sleep(25)
}

/**
 * Polls `url` every `everyMs` until it answers 200; returns the monotonic time of that answer.
 * Fails if the process exits first or the timeout passes.
 */
export async function waitFor200(app: AppProcess, url: string, timeoutMs = 60000, everyMs = 25): Promise<number> {
  const deadline = app.startedAt + timeoutMs
  while (performance.now() < deadline) {
    if (app.exitCode() !== undefined) {
      // The first error line goes into the table cell; the whole tail goes to stderr.
      const cause =
        app
          .output()
          .split('\n')
          .find((l) => /error/i.test(l))
          ?.trim() ?? 'no error printed'
      throw new Error(`the process exited (${app.exitCode()}) before ${url} answered 200: ${cause}\n${app.output()}`)
    }
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status === 200) return performance.now()
    } catch {
      /* not listening yet */
    }
    await sleep(everyMs)
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${app.output()}`)
}

/** Stops every process still running and removes the temp folders; safe to call more than once. */
export async function cleanup(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()))
  for (const fn of finalizers.splice(0)) await fn().catch(() => {})
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}
