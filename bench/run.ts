import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measureStarts, median, type StartTimes } from './cold-start.ts'
import { followUpDashboardRows } from './follow-up-dashboard.ts'
import { surveyDashboardRows } from './survey-dashboard.ts'
import { createBenchDatabase, postgresWanted } from './postgres.ts'
import { cleanup } from './processes.ts'
import { clean, errorRow, log, ms, perSec, type Row, secs, table, withProblems } from './rows.ts'
import { type DbKind, signedInRows } from './signed-in.ts'
import { CONNECTIONS, DURATION_S, fetchHtml, type Load, load, startApp, startBare } from './throughput.ts'

/**
 * `npm run bench`: every figure an issue names, next to a reference measured in the same run, as one
 * markdown table. Progress goes to stderr so stdout is the table alone; the raw figures go to a JSON file
 * in the temp folder (not the repository).
 *
 * `npm run bench -- --no-starts` leaves out the cold and warm starts (for a quick look at throughput).
 * `npm run bench -- --only=<scenario>` runs one scenario alone (`follow-up-dashboard`, `survey-dashboard`).
 */
const COLD_START_GOAL_MS = 5000
const LOGIN_RATIO_GOAL = 0.5

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
    {
      benchmark: "Cold start: until /readyz — the demo's example history written in the background",
      result: `median ${secs(median(t.demoReady))}, max ${secs(Math.max(...t.demoReady))}`,
      reference: `first 200 on /login: median ${secs(median(t.cold))}`,
      goal: '—',
      verdict: 'info',
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

const conn = `${CONNECTIONS} connections, ${DURATION_S} s`

/** Issue 2's login page rows: the app's login page against a bare Fastify route sending the same HTML. */
async function loginVersusBare(base: string, login: Load, loads: Record<string, Load>): Promise<Row[]> {
  const html = await fetchHtml(`${base}/login`)
  const bare = await startBare(html)
  try {
    log('bare Fastify with the same login HTML')
    const ref = (loads.bareLogin = await load(bare.url))
    const ratio = login.reqPerSec / ref.reqPerSec
    log('PGlite: GET /healthz')
    const health = (loads.healthz = await load(`${base}/healthz`))
    return [
      {
        benchmark: `Login page GET /login, requests/s (${conn})`,
        result: withProblems(`${perSec(login)} (${(ratio * 100).toFixed(0)} % of reference)`, login),
        reference: withProblems(`bare Fastify, same HTML: ${perSec(ref)}`, ref),
        goal: `≥ ${LOGIN_RATIO_GOAL * 100} % of reference, no non-2xx`,
        verdict: ratio >= LOGIN_RATIO_GOAL && clean(login) && clean(ref) ? 'PASS' : 'FAIL',
      },
      {
        benchmark: `Login page GET /login, latency p99 (${conn})`,
        result: `p99 ${ms(login.p99)} (p50 ${ms(login.p50)})`,
        reference: `bare Fastify: p99 ${ms(ref.p99)} (p50 ${ms(ref.p50)})`,
        goal: '—',
        verdict: clean(login) ? 'info' : 'FAIL',
      },
      {
        benchmark: `Floor: GET /healthz, requests/s (${conn})`,
        result: withProblems(`${perSec(health)}, p99 ${ms(health.p99)}`, health),
        reference: `bare Fastify login HTML: ${perSec(ref)}`,
        goal: '— (the platform hooks alone)',
        verdict: clean(health) ? 'info' : 'FAIL',
      },
    ]
  } finally {
    await bare.close()
  }
}

/** One app process on one database: its login page first, then the signed-in pages beside it. */
async function databaseRows(kind: DbKind, loads: Record<string, Load>): Promise<Row[]> {
  const rows: Row[] = []
  const { app, base } = await startApp(kind === 'PostgreSQL' ? await createBenchDatabase() : undefined)
  try {
    log(`${kind}: GET /login`)
    const login = (loads[`${kind}:/login`] = await load(`${base}/login`))
    if (kind === 'PGlite') rows.push(...(await loginVersusBare(base, login, loads)))
    else {
      rows.push({
        benchmark: `PostgreSQL: login page GET /login, requests/s and p99 (${conn})`,
        result: withProblems(`${perSec(login)}, p99 ${ms(login.p99)}`, login),
        reference: '— (the reference for the PostgreSQL rows below)',
        goal: '—',
        verdict: clean(login) ? 'info' : 'FAIL',
      })
    }
    try {
      rows.push(...(await signedInRows(kind, base, login, loads)))
    } catch (err) {
      rows.push(errorRow(`${kind}: signed-in pages`, err))
    }
  } finally {
    await app.stop()
  }
  return rows
}

/** Scenarios that can also run alone (`--only=<name>`); each catches its own failure as an ERROR row. */
const SCENARIOS: Record<string, (raw: Record<string, unknown>) => Promise<Row[]>> = {
  'follow-up-dashboard': async (raw) => {
    try {
      return await followUpDashboardRows(raw)
    } catch (err) {
      return [errorRow('PostgreSQL: county follow-up dashboard (issue 8)', err)]
    }
  },
  'survey-dashboard': async (raw) => {
    try {
      return await surveyDashboardRows(raw, postgresWanted ? ['PostgreSQL', 'PGlite'] : ['PGlite'])
    } catch (err) {
      return [errorRow('Survey dashboard at national scale (issue 9)', err)]
    }
  },
}

async function main() {
  const cpus = os.cpus()
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${os.platform()}`
  const loadAtStart = os.loadavg()[0]
  log(`machine: ${machine}, load average ${loadAtStart.toFixed(1)} (load generator and server share these cores)`)
  const rows: Row[] = []
  let starts: StartTimes | undefined
  const loads: Record<string, Load> = {}
  const scenarios: Record<string, unknown> = {}

  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
  if (only && !(only in SCENARIOS)) throw new Error(`--only=${only}: no such scenario (${Object.keys(SCENARIOS).join(', ')})`)
  if (only) rows.push(...(await SCENARIOS[only](scenarios)))
  if (!only && !process.argv.includes('--no-starts')) {
    log('cold and warm starts of `npm start`')
    try {
      starts = await measureStarts(3, log)
      rows.push(...startRows(starts))
    } catch (err) {
      rows.push(errorRow('Cold start: `npm start` → first 200 on GET /login', err))
    }
  }
  const kinds: DbKind[] = only ? [] : postgresWanted ? ['PGlite', 'PostgreSQL'] : ['PGlite']
  for (const kind of kinds) {
    try {
      rows.push(...(await databaseRows(kind, loads)))
    } catch (err) {
      rows.push(errorRow(`${kind}: login page and signed-in pages`, err))
    }
  }
  if (!only && postgresWanted) rows.push(...(await SCENARIOS['follow-up-dashboard'](scenarios)))
  if (!only) rows.push(...(await SCENARIOS['survey-dashboard'](scenarios)))
  if (starts) rows.push(warmRow(starts))

  const loadAtEnd = os.loadavg()[0]
  console.log(`\n${table(rows)}\n`)
  const file = path.join(os.tmpdir(), `tillsammans-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), machine, loadAverage: { start: loadAtStart, end: loadAtEnd }, rows, starts, loads, scenarios }, null, 2),
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
