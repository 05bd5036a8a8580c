import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase } from '../platform/db/connection.ts'
import { DEFINITION } from '../features/surveys/surveys-import.test-factories.ts'

/**
 * `npm run cli -- survey-import` as an operator runs it: its own process, on its own database (a PGlite
 * folder, or a scratch database on the server when TEST_DATABASE_URL is set).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-survey-cli-'))
const serverUrl = process.env.TEST_DATABASE_URL
const scratch = `cli_survey_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
const databaseUrl = () => {
  const u = new URL(serverUrl!)
  u.pathname = `/${scratch}`
  return u.toString()
}
const target: Record<string, string> = serverUrl ? { DATABASE_URL: databaseUrl() } : { TILLSAMMANS_DATA_DIR: path.join(tmp, 'data') }

interface Run {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[]): Promise<Run> {
  const env = { ...process.env }
  for (const key of ['DATABASE_URL', 'TILLSAMMANS_DATA_DIR', 'LC_ALL', 'LC_MESSAGES', 'NODE_TEST_CONTEXT', 'INIT_CWD']) delete env[key]
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: ROOT, env: { ...env, LANG: 'sv_SE.UTF-8', TILLSAMMANS_DEMO: 'false', LOG_LEVEL: 'silent', ...target }, timeout: 120000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}

async function query(text: string, params: unknown[] = []) {
  const database = await openDatabase({ databaseUrl: target.DATABASE_URL, dataDir: target.TILLSAMMANS_DATA_DIR ?? path.join(tmp, 'unused'), poolSize: 1 })
  try {
    return (await database.query(text, params)).rows as Record<string, unknown>[]
  } finally {
    await database.close()
  }
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const write = (name: string, text: string) => {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, text)
  return file
}

before(async () => {
  if (serverUrl) await admin(`create database "${scratch}"`)
  const seeded = await cli(['seed'])
  assert.equal(seeded.code, 0, seeded.stderr)
})
after(async () => {
  if (serverUrl) await admin(`drop database if exists "${scratch}" with (force)`)
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('npm run cli -- survey-import', () => {
  const definition = write('enkat.json', JSON.stringify(DEFINITION))
  const header = 'kommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall'

  test('a bad file: every problem with row and column on stderr, exit 1, nothing imported', async () => {
    const data = write('fel.csv', `${header}\n0580;2021;kvinna;16-29;1,5;1;3\n0580;2021;man;16-29;-1;1;3\n0580;2021;man;16-29;1;9;3\n`)
    const run = await cli(['survey-import', '--definition', definition, '--file', data])
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.match(run.stderr, /^Rad 3, kolumn vikt: vikten -1 måste vara större än 0\.$/m)
    assert.match(run.stderr, /^Rad 4, kolumn gator_torg_kvall: ”9” är ingen svarskod för frågan\. Tillåtna koder: 1, 2, 3, 4\.$/m)
    assert.match(run.stderr, /Filen importerades inte: 2 problem/)
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
    assert.deepEqual(await query('select count(*)::int as n from survey_imports'), [{ n: 0 }])
  })

  test('a good file imports into the survey of that name and prints its id last; the same file again is refused', async () => {
    const data = write('svar.csv', `\uFEFF${header}\r\n0580;2021;kvinna;16-29;1,5;1;3\r\n0580;2021;man;16-29;1;2;\r\n`)
    const run = await cli(['survey-import', '--definition', definition, '--file', data])
    assert.equal(run.code, 0, run.stderr)
    const lines = run.stdout.trim().split('\n')
    const id = lines.at(-1)!
    assert.match(id, /^[0-9a-f-]{36}$/)
    assert.match(run.stdout, /Enkäten ”Medborgarenkät Linköping” finns redan/, 'the refused run created it')
    assert.match(run.stdout, /Importerat: 2 svarande, 3 svar, år 2021/)
    const surveys = await query('select s.id, o.code from surveys s join organisations o on o.id = s.organisation_id')
    assert.deepEqual(surveys, [{ id, code: 'kommun-0580' }])
    const sums = await query('select sex, n, sum_w, sum_wy from survey_cell_sums where survey_id = $1 and question_key = $2 order by sex', [
      id,
      'gator_torg_kvall',
    ])
    assert.deepEqual(sums, [
      { sex: 'kvinna', n: 1, sum_w: 1.5, sum_wy: 1.5 },
      { sex: 'man', n: 1, sum_w: 1, sum_wy: 1 },
    ])
    const [event] = await query(`select actor_label, after from audit_events where action = 'survey.imported'`)
    assert.equal(event.actor_label, 'cli')
    const again = await cli(['survey-import', '--definition', definition, '--file', data])
    assert.equal(again.code, 1)
    assert.match(again.stderr, /Den här filen är redan importerad till enkäten/)
  })

  test('a wrong definition or missing options are explained on one line each', async () => {
    const bad = write('fel.json', JSON.stringify({ ...DEFINITION, questions: [{ ...DEFINITION.questions[0], reported: ['7'] }] }))
    const run = await cli(['survey-import', '--definition', bad, '--file', definition])
    assert.equal(run.code, 1)
    assert.match(run.stderr, /^questions\.0\.reported\.0: 7 är inte en av frågans svarskoder\.$/m)
    const missing = await cli(['survey-import', '--file', definition])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /Ange --definition till survey-import/)
  })
})
