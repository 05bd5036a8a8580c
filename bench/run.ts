import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measureStarts, median, type StartTimes } from './cold-start.ts'
import { cleanup } from './processes.ts'
import { CONNECTIONS, DURATION_S, fetchHtml, type Load, load, signIn, startApp, startBare } from './throughput.ts'

/**
 * `npm run bench`: every figure an issue names, next to a reference measured in the same run, as one
 * markdown table. Progress goes to stderr so stdout is the table alone; the raw figures go to a JSON file
 * in the temp folder (not the repository).
 */
type Verdict = 'PASS' | 'FAIL' | 'info' | 'ERROR'
interface Row {
  benchmark: string
  result: string
  reference: string
  goal: string
  verdict: Verdict
}

const COLD_START_GOAL_MS = 5000
const LOGIN_RATIO_GOAL = 0.5
const DEMO_USER = 'lansstyrelsen@demo.test'
const DEMO_PASSWORD = 'tillsammans-demo'

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`)
const num = (n: number) => Math.round(n).toLocaleString('en-US')
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const ms = (n: number) => `${n.toFixed(1)} ms`
const perSec = (l: Load) => `${num(l.reqPerSec)} req/s`

/** Non-2xx answers and socket errors, spelled out; any of them makes a load row fail. */
function problems(l: Load): string {
  const codes = Object.entries(l.statusCodes).filter(([c]) => !c.startsWith('2'))
  const parts = codes.map(([c, n]) => `${num(n)}×${c}`)
  if (l.errors) parts.push(`${num(l.errors)} errors`)
  if (l.timeouts) parts.push(`${num(l.timeouts)} timeouts`)
  return parts.length ? parts.join(', ') : ''
}
const clean = (l: Load) => l.non2xx === 0 && l.errors === 0 && l.timeouts === 0
const withProblems = (text: string, l: Load) => (clean(l) ? `${text}, 0 non-2xx` : `${text} — ${problems(l)}`)

function startRows(t: StartTimes): Row[] {
  const coldMax = Math.max(...t.cold)
  return [
    {
      benchmark: `Cold start: \`npm start\` → first 200 on GET /login (new data dir, ${t.cold.length} runs)`,
      result: `median ${secs(median(t.cold))}, max ${secs(coldMax)}`,
      reference: '—',
      goal: `≤ ${secs(COLD_START_GOAL_MS)} (judged on max)`,
      verdict: coldMax <= COLD_START_GOAL_MS ? 'PASS' : 'FAIL',
    },
  ]
}

function warmRow(t: StartTimes): Row {
  return {
    benchmark: `Warm restart: \`npm start\` again on the same data dir (${t.warm.length} runs)`,
    result: `median ${secs(median(t.warm))}, max ${secs(Math.max(...t.warm))}`,
    reference: `cold start median ${secs(median(t.cold))}`,
    goal: '—',
    verdict: 'info',
  }
}

async function loadRows(): Promise<{ rows: Row[]; loads: Record<string, Load> }> {
  const rows: Row[] = []
  const loads: Record<string, Load> = {}
  const { app, base } = await startApp()
  try {
    const html = await fetchHtml(`${base}/login`)
    const bare = await startBare(html)
    try {
      log(`GET /login (${num(Buffer.byteLength(html))} bytes): app, then bare Fastify`)
      const login = (loads.login = await load(`${base}/login`))
      const ref = (loads.bareLogin = await load(bare.url))
      const ratio = login.reqPerSec / ref.reqPerSec
      const conn = `${CONNECTIONS} connections, ${DURATION_S} s`
      rows.push({
        benchmark: `Login page GET /login, requests/s (${conn})`,
        result: withProblems(`${perSec(login)} (${(ratio * 100).toFixed(0)} % of reference)`, login),
        reference: withProblems(`bare Fastify, same HTML: ${perSec(ref)}`, ref),
        goal: `≥ ${LOGIN_RATIO_GOAL * 100} % of reference, no non-2xx`,
        verdict: ratio >= LOGIN_RATIO_GOAL && clean(login) && clean(ref) ? 'PASS' : 'FAIL',
      })
      rows.push({
        benchmark: `Login page GET /login, latency p99 (${conn})`,
        result: `p99 ${ms(login.p99)} (p50 ${ms(login.p50)})`,
        reference: `bare Fastify: p99 ${ms(ref.p99)} (p50 ${ms(ref.p50)})`,
        goal: '—',
        verdict: clean(login) ? 'info' : 'FAIL',
      })

      log('GET /healthz')
      const health = (loads.healthz = await load(`${base}/healthz`))
      rows.push({
        benchmark: `Floor: GET /healthz, requests/s (${conn})`,
        result: withProblems(`${perSec(health)}, p99 ${ms(health.p99)}`, health),
        reference: `bare Fastify login HTML: ${perSec(ref)}`,
        goal: '— (the platform hooks alone)',
        verdict: clean(health) ? 'info' : 'FAIL',
      })
    } finally {
      await bare.close()
    }

    try {
      log(`GET /organisations signed in as ${DEMO_USER}`)
      const cookie = await signIn(base, DEMO_USER, DEMO_PASSWORD)
      const orgs = (loads.organisations = await load(`${base}/organisations`, { cookie }))
      rows.push({
        benchmark: `Signed-in page GET /organisations (${DEMO_USER}), requests/s and p99 (${CONNECTIONS} connections, ${DURATION_S} s)`,
        result: withProblems(`${perSec(orgs)}, p99 ${ms(orgs.p99)}`, orgs),
        reference: `login page: ${perSec(loads.login)}, p99 ${ms(loads.login.p99)}`,
        goal: '— (regression watch)',
        verdict: clean(orgs) ? 'info' : 'FAIL',
      })
    } catch (err) {
      rows.push(errorRow('Signed-in page GET /organisations', err))
    }
  } finally {
    await app.stop()
  }
  return { rows, loads }
}

function errorRow(benchmark: string, err: unknown): Row {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]
  log(`${benchmark} failed: ${err instanceof Error ? err.message : String(err)}`)
  return { benchmark, result: `error: ${message}`, reference: '—', goal: '—', verdict: 'ERROR' }
}

function table(rows: Row[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|')
  const lines = ['| Benchmark | Result | Reference (same run) | Goal | Verdict |', '|---|---|---|---|---|']
  for (const r of rows) lines.push(`| ${[r.benchmark, r.result, r.reference, r.goal, `**${r.verdict}**`].map(cell).join(' | ')} |`)
  return lines.join('\n')
}

async function main() {
  const cpus = os.cpus()
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${os.platform()}`
  const loadAtStart = os.loadavg()[0]
  log(`machine: ${machine}, load average ${loadAtStart.toFixed(1)} (load generator and server share these cores)`)
  const rows: Row[] = []
  let starts: StartTimes | undefined
  let loads: Record<string, Load> = {}

  log('cold and warm starts of `npm start`')
  try {
    starts = await measureStarts(3, log)
    rows.push(...startRows(starts))
  } catch (err) {
    rows.push(errorRow('Cold start: `npm start` → first 200 on GET /login', err))
  }
  try {
    const measured = await loadRows()
    rows.push(...measured.rows)
    loads = measured.loads
  } catch (err) {
    rows.push(errorRow('Login page GET /login vs bare Fastify', err))
  }
  if (starts) rows.push(warmRow(starts))

  const loadAtEnd = os.loadavg()[0]
  console.log(`\n${table(rows)}\n`)
  const file = path.join(os.tmpdir(), `tillsammans-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), machine, loadAverage: { start: loadAtStart, end: loadAtEnd }, rows, starts, loads }, null, 2),
  )
  // Other work on a small machine moves every figure; say so next to the table rather than hide it.
  const busy = Math.max(loadAtStart, loadAtEnd) > cpus.length
  console.log(`Machine: ${machine}; 1-min load average ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end.`)
  if (busy) console.log('Warning: the machine was busy with other work (load average above the core count); compare rows within this run only.')
  console.log(`Raw figures: ${file}`)
  if (rows.some((r) => r.verdict === 'ERROR')) process.exitCode = 1
}

const interrupt = () => void cleanup().finally(() => process.exit(130))
process.once('SIGINT', interrupt)
process.once('SIGTERM', interrupt)
try {
  await main()
} finally {
  await cleanup()
}
