import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DuckDBInstance } from '@duckdb/node-api'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { refreshAreaSums, type SumsRow } from '../src/features/surveys/surveys.repo.ts'
import { importSurveyFile } from '../src/features/surveys/import.service.ts'
import { municipalityEstimates, cellViews } from '../src/features/surveys/surveys.service.ts'
import { surveyImports, surveyQuestions, surveys } from '../src/features/surveys/surveys.tables.ts'
import { prepareDatabase } from '../src/platform/db/prepare.ts'
import { type Deps, createDeps } from '../src/platform/deps.ts'
import { openDatabase } from '../src/platform/db/connection.ts'
import { createBenchDatabase } from './postgres.ts'
import { log, ms, num, type Row } from './rows.ts'

/**
 * Issue 9: one municipality's survey dashboard at national scale — 290 municipalities × 7 years ×
 * 5 000 respondents × 8 questions (10 M respondents, ≈ 80 M answers) — p95 of the page and of its
 * data, on PostgreSQL and PGlite, beside the same estimates computed from the microdata by DuckDB in
 * the same run. The microdata is generated inside DuckDB (hash-based, deterministic); the five sums
 * per cell are computed there and loaded into `survey_cell_sums`, as an import would have written them.
 */
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025]
const RESPONDENTS = Number(process.env.BENCH_SURVEY_RESPONDENTS) || 5000
const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']
const REQUESTS = Number(process.env.BENCH_SURVEY_REQUESTS) || 60
const WARMUP = 5
const GOAL = { PostgreSQL: 50, PGlite: 150 } as const
const SPEEDUP_GOAL = 5
/** Linköping: the first user; the county (13 municipalities) is summed on every request. */
const MUNICIPALITY = '0580'

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] as number
}

async function timed(n: number, f: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await f()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await f()
    out.push(performance.now() - t0)
  }
  return out
}

type Duck = Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>

/** The microdata in DuckDB, and the per-cell sums as a CSV file for the databases. */
async function generate(): Promise<{ duck: Duck; sumsFile: string; respondents: number; cells: number }> {
  const municipalities = JSON.parse(fs.readFileSync(path.resolve('db/seed/data/municipalities.json'), 'utf8')) as { code: string; countyCode: string }[]
  const instance = await DuckDBInstance.create(':memory:')
  const duck = await instance.connect()
  await duck.run(`create table kommuner (kommun varchar, lan varchar)`)
  await duck.run(`insert into kommuner values ${municipalities.map((m) => `('${m.code}', '${m.countyCode}')`).join(',')}`)
  const h = (salt: number) => `hash(k.kommun, y.ar, r.i, ${salt})`
  const answer = (j: number) => `case when ${h(10 + j)} % 100 < 4 then null else (${h(10 + j)} % 4 + 1)::tinyint end as q${j}`
  log(`survey bench: generating ${num(municipalities.length * YEARS.length * RESPONDENTS)} respondents in DuckDB`)
  await duck.run(
    `create table svar as
     select k.kommun, k.lan, y.ar::int as ar,
       case when ${h(1)} % 1000 < 510 then 'kvinna' when ${h(1)} % 1000 < 985 then 'man' when ${h(1)} % 1000 < 992 then 'annat' else 'uppgift_saknas' end as kon,
       ['16-24','25-44','45-64','65-84'][(${h(2)} % 4 + 1)::int] as alder,
       0.5 + (${h(3)} % 1500) / 1000.0 as vikt,
       ${QUESTIONS.map((_, j) => answer(j + 1)).join(', ')}
     from kommuner k, range(${YEARS[0]}, ${(YEARS.at(-1) as number) + 1}) y(ar), range(${RESPONDENTS}) r(i)`,
  )
  const sumsFile = path.join(os.tmpdir(), `tillsammans-bench-sums-${process.pid}.csv`)
  await duck.run(
    `copy (select kommun, ar, fraga, kon, alder, count(*)::int as n, sum(vikt) as sw, sum(vikt * y) as swy, sum(vikt * vikt) as sw2, sum(vikt * vikt * y) as sw2y
           from (select kommun, ar, kon, alder, vikt, fraga, (svar <= 2)::int as y from svar unpivot (svar for fraga in (${QUESTIONS.join(', ')})))
           group by all) to '${sumsFile}' (header false)`,
  )
  const cells = fs.readFileSync(sumsFile, 'utf8').split('\n').filter(Boolean).length
  return { duck, sumsFile, respondents: municipalities.length * YEARS.length * RESPONDENTS, cells }
}

/** The reference: the dashboard's data from the microdata itself, municipality and county, then the same estimates. */
async function duckDashboard(duck: Duck, lan: string): Promise<number> {
  const reader = await duck.runAndReadAll(
    `select case when kommun = '${MUNICIPALITY}' then kommun else lan end as area, ar as year, fraga as "questionKey", kon as sex,
            count(*)::int as n, sum(vikt) as "sumW", sum(vikt * y) as "sumWy", sum(vikt * vikt) as "sumW2", sum(vikt * vikt * y) as "sumW2y"
     from (select kommun, lan, ar, kon, vikt, fraga, (svar <= 2)::int as y from (select * from svar where lan = '${lan}') unpivot (svar for fraga in (${QUESTIONS.join(', ')})))
     group by grouping sets ((kommun, lan, ar, fraga, kon), (lan, ar, fraga, kon))
     having kommun = '${MUNICIPALITY}' or kommun is null`,
  )
  const rows = reader.getRowObjectsJS() as unknown as SumsRow[]
  return cellViews(rows, 10).size
}

/** A database with the reference data, one survey and its sums; the app built on it, in process. */
async function openBenchApp(
  kind: 'PostgreSQL' | 'PGlite',
  sumsFile: string,
): Promise<{ app: FastifyInstance; deps: Deps; surveyId: string; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-bench-survey-'))
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    TILLSAMMANS_DEMO: 'false',
    TILLSAMMANS_WORKERS: 'false',
    TILLSAMMANS_DATA_DIR: dataDir,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  }
  if (kind === 'PostgreSQL') env.DATABASE_URL = await createBenchDatabase()
  const config = loadConfig(env)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const deps = await createDeps(config, database)
  await prepareDatabase(deps)
  const owner = (await deps.db.execute(sql`select id from organisations where code = 'lansstyrelsen-05'`)) as unknown as { rows: { id: string }[] }
  const ownerId = owner.rows[0]?.id as string
  const [s] = await deps.db
    .insert(surveys)
    .values({ name: 'Bench', organisationId: ownerId, countyCode: '05', attribution: 'bench', visibility: 'public', isSynthetic: true })
    .returning({ id: surveys.id })
  const surveyId = s?.id as string
  await deps.db.insert(surveyQuestions).values(
    QUESTIONS.map((key, i) => ({
      surveyId,
      key,
      position: i + 1,
      text: `Fråga ${i + 1}`,
      answers: ['1', '2', '3', '4'].map((code) => ({ code, label: code })),
      reported: ['1', '2'],
    })),
  )
  const [imp] = await deps.db
    .insert(surveyImports)
    .values({ surveyId, fileName: 'bench', sha256: 'bench', respondents: 0, answers: 0, years: YEARS })
    .returning({ id: surveyImports.id })
  const lines = fs.readFileSync(sumsFile, 'utf8').split('\n').filter(Boolean)
  log(`survey bench: ${kind}: loading ${num(lines.length)} cell sums`)
  // The rows travel as one JSON parameter per batch (drizzle would spread a JS array into a tuple).
  for (let i = 0; i < lines.length; i += 20000) {
    const batch = lines.slice(i, i + 20000).map((line) => {
      const [k, a, f, s, g, n, w, wy, w2, w2y] = line.split(',')
      return { k, a: Number(a), f, s, g, n: Number(n), w: Number(w), wy: Number(wy), w2: Number(w2), w2y: Number(w2y) }
    })
    await deps.db.execute(
      sql`insert into survey_cell_sums (import_id, survey_id, area_code, municipality_code, year, question_key, sex, age_group, n, sum_w, sum_wy, sum_w2, sum_w2y)
          select ${imp?.id}::uuid, ${surveyId}::uuid, r.k, r.k, r.a, r.f, r.s, r.g, r.n, r.w, r.wy, r.w2, r.w2y
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(k text, a int, f text, s text, g text, n int, w float8, wy float8, w2 float8, w2y float8)`,
    )
  }
  await refreshAreaSums(deps.db, surveyId)
  await deps.db.execute(sql`analyze survey_area_sums`)
  const app = await buildApp(config, deps)
  await app.ready()
  return {
    app,
    deps,
    surveyId,
    close: async () => {
      await app.close()
      await deps.jobs.stop()
      await database.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const IMPORT_RESPONDENTS = 125_000
const IMPORT_GOAL_S = 10

/**
 * Issue 9: an import of 1 M answers (125 000 respondents × 8 questions) through the product's own path —
 * the streaming parser, the checks, the five sums, one transaction with the roll-up — beside a bare
 * `COPY` of the same CSV into a table on the same server, in the same run.
 */
async function importRows(duck: Duck, bench: { deps: Deps; surveyId: string }, database: string): Promise<Row[]> {
  const file = path.join(os.tmpdir(), `tillsammans-bench-import-${process.pid}.csv`)
  await duck.run(
    `copy (select kommun, ar, case when kon = 'uppgift_saknas' then '' else kon end as kon, alder as aldersgrupp, replace(vikt::varchar, '.', ',') as vikt, ${QUESTIONS.join(', ')}
           from svar where lan = '05' and ar >= 2024 limit ${IMPORT_RESPONDENTS}) to '${file}' (header true, delimiter ';')`,
  )
  fs.chmodSync(file, 0o644)
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length - 1
    const answers = lines * QUESTIONS.length
    log(`survey bench: PostgreSQL: importing ${num(lines)} respondents (${num(answers)} answers) through the product, then COPY`)
    const t0 = performance.now()
    const outcome = await importSurveyFile(bench.deps, { system: 'bench' }, bench.surveyId, { fileName: 'bench.csv', data: fs.createReadStream(file) })
    const ours = performance.now() - t0
    if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`)
    await bench.deps.db.execute(
      sql.raw(`create table bench_copy (kommun text, ar int, kon text, aldersgrupp text, vikt text, ${QUESTIONS.map((q) => `${q} text`).join(', ')})`),
    )
    const t1 = performance.now()
    await bench.deps.db.execute(sql.raw(`copy bench_copy from '${file}' with (format csv, header true, delimiter ';')`))
    const copy = performance.now() - t1
    return [
      {
        benchmark: `PostgreSQL: import of ${num(answers)} answers (${num(lines)} respondents × ${QUESTIONS.length} questions) — parse, check, sums, roll-up, one transaction`,
        result: `${(ours / 1000).toFixed(2)} s`,
        reference: `COPY of the same CSV into a bare table (${database}): ${(copy / 1000).toFixed(2)} s`,
        goal: `≤ ${IMPORT_GOAL_S} s`,
        verdict: ours / 1000 <= IMPORT_GOAL_S ? 'PASS' : 'FAIL',
      },
    ]
  } finally {
    fs.rmSync(file, { force: true })
  }
}

export async function surveyDashboardRows(raw: Record<string, unknown>, kinds: ('PostgreSQL' | 'PGlite')[] = ['PostgreSQL', 'PGlite']): Promise<Row[]> {
  const { duck, sumsFile, respondents, cells } = await generate()
  const rows: Row[] = []
  try {
    log('survey bench: DuckDB reference')
    const reference = await timed(REQUESTS, () => duckDashboard(duck, '05'))
    const refP95 = p95(reference)
    const scale = `${num(respondents)} respondents × ${QUESTIONS.length} questions, ${num(cells)} cells`
    for (const kind of kinds) {
      const bench = await openBenchApp(kind, sumsFile)
      try {
        log(`survey bench: ${kind}: page and data`)
        const url = `/surveys/${bench.surveyId}/areas/${MUNICIPALITY}`
        const page = await timed(REQUESTS, async () => {
          const res = await bench.app.inject({ method: 'GET', url })
          if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`)
        })
        const data = await timed(REQUESTS, () => municipalityEstimates(bench.deps, undefined, bench.surveyId, MUNICIPALITY))
        const pageP95 = p95(page)
        const dataP95 = p95(data)
        raw[`survey-${kind}`] = { page, data, reference }
        rows.push(
          {
            benchmark: `${kind}: one municipality's survey dashboard, p95 of the page (${scale}; ${REQUESTS} requests, in process)`,
            result: `p95 ${ms(pageP95)}`,
            reference: `DuckDB on the microdata, data only: p95 ${ms(refP95)}`,
            goal: `≤ ${GOAL[kind]} ms`,
            verdict: pageP95 <= GOAL[kind] ? 'PASS' : 'FAIL',
          },
          {
            benchmark: `${kind}: the same dashboard's data (sums → estimates, municipality and county, every year and question)`,
            result: `p95 ${ms(dataP95)} (${(refP95 / dataP95).toFixed(1)}× faster than the reference)`,
            reference: `DuckDB, same estimates from the microdata: p95 ${ms(refP95)}`,
            goal: `≥ ${SPEEDUP_GOAL}× faster`,
            verdict: refP95 / dataP95 >= SPEEDUP_GOAL ? 'PASS' : 'FAIL',
          },
        )
        if (kind === 'PostgreSQL') rows.push(...(await importRows(duck, bench, 'same server')))
      } finally {
        await bench.close()
      }
    }
  } finally {
    duck.closeSync?.()
    fs.rmSync(sumsFile, { force: true })
  }
  return rows
}
