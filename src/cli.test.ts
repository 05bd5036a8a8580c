import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { verifyPassword } from './features/accounts/passwords.ts'
import { openDatabase } from './platform/db/connection.ts'

/**
 * The CLI as an operator runs it: a separate process on its own database. PGlite data folders in a
 * temporary directory by default; scratch databases on the server when TEST_DATABASE_URL is set.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-cli-'))
const serverUrl = process.env.TEST_DATABASE_URL
const scratch = `cli_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

function databaseUrl(name: string) {
  const u = new URL(serverUrl!)
  u.pathname = `/${scratch}_${name}`
  return u.toString()
}

/** Where the named test database lives, as the CLI's environment. */
const target = (name: string): Record<string, string> => (serverUrl ? { DATABASE_URL: databaseUrl(name) } : { TILLSAMMANS_DATA_DIR: path.join(tmp, name) })

interface Run {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const inherited = { ...process.env }
  for (const key of ['DATABASE_URL', 'TILLSAMMANS_DATA_DIR', 'LC_ALL', 'LC_MESSAGES', 'NODE_TEST_CONTEXT', 'INIT_CWD']) delete inherited[key]
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: ROOT, env: { ...inherited, LANG: 'sv_SE.UTF-8', TILLSAMMANS_DEMO: 'false', LOG_LEVEL: 'silent', ...env }, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}

/** Opens a test database in this process (after the CLI has exited and released it). */
async function inspect<T>(name: string, work: (query: (text: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const env = target(name)
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TILLSAMMANS_DATA_DIR ?? path.join(tmp, 'unused'), poolSize: 1 })
  try {
    return await work(async (text, params) => (await database.query(text, params)).rows)
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

const noStack = (run: Run) => assert.doesNotMatch(run.stderr + run.stdout, /\n\s+at /, 'no stack trace for a user error')

before(async () => {
  if (serverUrl) for (const name of ['source', 'restored']) await admin(`create database "${scratch}_${name}"`)
})
after(async () => {
  if (serverUrl) for (const name of ['source', 'restored']) await admin(`drop database if exists "${scratch}_${name}" with (force)`)
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('npm run cli', () => {
  let events = 0
  const backupFile = path.join(tmp, 'backup.tsb')

  test('migrate creates the schema and seed loads the reference data', async () => {
    const migrated = await cli(['migrate'], target('source'))
    assert.equal(migrated.code, 0, migrated.stderr)
    assert.match(migrated.stdout, /^Migreringar körda: 0000_foundation, 0001_audit_append_only/m)
    const seeded = await cli(['seed'], target('source'))
    assert.equal(seeded.code, 0, seeded.stderr)
    assert.match(seeded.stdout, /^Klart: 0 nya migreringar, referensdata inläst, 0 demokonton skapade\.$/m)
  })

  test('create-user prints a one-time password once; the account has it, must change it, and the CLI is the audited actor', async () => {
    const run = await cli(
      ['create-user', '--email', 'Anna.Admin@Example.org', '--org', 'lansstyrelsen-05', '--role', 'coordinator', '--name', 'Anna Admin'],
      target('source'),
    )
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /^Kontot är skapat: anna\.admin@example\.org – Samordnare, Länsstyrelsen Östergötland\.$/m)
    const password = /^Engångslösenord \(visas bara nu\): (\S+)$/m.exec(run.stdout)?.[1]
    assert.ok(password, run.stdout)
    await inspect('source', async (query) => {
      const [user] = await query(`select id, name, password_hash, must_change_password from users where email = 'anna.admin@example.org'`)
      assert.equal(user.name, 'Anna Admin')
      assert.equal(user.must_change_password, true)
      assert.ok(await verifyPassword(user.password_hash, password))
      const grants = await query(`select g.role, o.code from role_grants g join organisations o on o.id = g.organisation_id where g.user_id = $1`, [user.id])
      assert.deepEqual(
        grants.map((g) => [g.role, g.code]),
        [['coordinator', 'lansstyrelsen-05']],
      )
      const [event] = await query(`select action, actor_label from audit_events where entity_id = $1`, [user.id])
      assert.deepEqual({ ...event }, { action: 'user.created', actor_label: 'cli' })
    })
  })

  test('wrong input gets one clear line and a non-zero exit, never a stack trace', async () => {
    const lockedDir = path.join(tmp, 'locked')
    fs.mkdirSync(lockedDir, { recursive: true })
    fs.writeFileSync(path.join(lockedDir, 'pg.lock'), String(process.pid)) // as if a server held the folder
    const [unknownOrg, badRole, missing, unknownCommand, locked] = await Promise.all([
      cli(['create-user', '--email', 'x@example.org', '--org', 'kommun-9999', '--role', 'editor'], target('source')),
      cli(['create-user', '--email', 'x@example.org', '--org', 'kommun-0580', '--role', 'boss'], target('source')),
      cli(['create-user', '--org', 'kommun-0580', '--role', 'editor'], target('source')),
      cli(['frobnicate']),
      cli(['migrate'], { TILLSAMMANS_DATA_DIR: lockedDir }),
    ])
    assert.equal(unknownOrg.code, 1)
    assert.match(unknownOrg.stderr, /^Okänd organisation: kommun-9999\. Ange en organisationskod/)
    assert.equal(badRole.code, 2)
    assert.match(badRole.stderr, /^Okänd roll: boss\. Välj en av: admin, coordinator, editor, reporter, viewer\./)
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /^Ange --email till create-user/)
    assert.equal(unknownCommand.code, 2)
    assert.match(unknownCommand.stderr, /^Okänt kommando: frobnicate/)
    assert.notEqual(locked.code, 0)
    assert.match(locked.stderr, /^Kunde inte öppna databasen: The data folder is in use by another Tillsammans process/)
    for (const run of [unknownOrg, badRole, missing, unknownCommand, locked]) noStack(run)
  })

  test('observations-import stores a Brå table and prints what it stored; a file with errors prints each with row and column, stores nothing and exits 1', async () => {
    const good = path.join(tmp, 'bra-2024.csv')
    fs.writeFileSync(good, '\ufeffKommun;Antal;Per 100 000 inv.\r\nHela landet;1\u00a0452\u00a0001;13 802\r\nLinköpings kommun;16 803;10 000\r\nYdre;..;..\r\n')
    const bad = path.join(tmp, 'bra-fel.csv')
    fs.writeFileSync(bad, 'Kommun;Antal;Per 100 000 inv.\r\nMotala;4 100;9 400\r\nAtlantis;12;1\r\nYdre;tolv;3\r\n')
    const stored = await cli(
      ['observations-import', '--indicator', 'bra_anmalda_brott_totalt', '--period', '2024', '--format', 'bra', '--file', good],
      target('source'),
    )
    assert.equal(stored.code, 0, stored.stderr)
    assert.match(stored.stdout, /^Sparat: 3 värden för bra_anmalda_brott_totalt \(3 nya, 0 ändrade, 1 undertryckta\)\. Import-id: [0-9a-f-]{36}$/m)
    const refused = await cli(
      ['observations-import', '--indicator', 'bra_anmalda_brott_totalt', '--period', '2024', '--format', 'bra', '--file', bad],
      target('source'),
    )
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /^Filen bra-fel\.csv importerades inte: den har 2 fel\. Ingenting har sparats\.$/m)
    assert.match(refused.stderr, /^Rad 3, kolumn Kommun: Okänt område: ”Atlantis”/m)
    assert.match(refused.stderr, /^Rad 4, kolumn Antal: ”tolv” är inte ett tal\.$/m)
    noStack(refused)
    const noPeriod = await cli(['observations-import', '--indicator', 'bra_anmalda_brott_totalt', '--format', 'bra', '--file', good], target('source'))
    assert.equal(noPeriod.code, 2)
    assert.match(noPeriod.stderr, /^--period: Ange perioden/)
    await inspect('source', async (query) => {
      const rows = await query(
        `select o.area_code, o.value, o.suppressed from observations o join indicators i on i.id = o.indicator_id where i.key = 'bra_anmalda_brott_totalt' order by o.area_code`,
      )
      assert.deepEqual(
        rows.map((r) => [r.area_code, r.value, r.suppressed]),
        [
          ['00', 1452001, false],
          ['0512', null, true],
          ['0580', 16803, false],
        ],
      )
      const [event] = await query(`select actor_label from audit_events where action = 'observations.imported'`)
      assert.equal(event.actor_label, 'cli')
    })
  })

  test('verify-audit prints OK with the number of events', async () => {
    const run = await cli(['verify-audit'], target('source'))
    assert.equal(run.code, 0, run.stderr)
    events = Number(/^OK: (\d+) händelser$/m.exec(run.stdout)?.[1])
    assert.ok(events >= 1, run.stdout)
  })

  test('backup, then restore into an empty database: the audit chain verifies there with the same events', async () => {
    const written = await cli(['backup', backupFile], target('source'))
    assert.equal(written.code, 0, written.stderr)
    assert.match(written.stdout, /^Säkerhetskopian är skriven: .*backup\.tsb \(\d+ tabeller, \d+ rader\)$/m)
    const restored = await cli(['restore', backupFile], target('restored'))
    assert.equal(restored.code, 0, restored.stderr)
    assert.match(restored.stdout, /^Återställt från .*backup\.tsb/m)
    const verified = await cli(['verify-audit'], { ...target('restored'), LANG: 'en_GB.UTF-8' })
    assert.equal(verified.code, 0, verified.stderr)
    assert.equal(verified.stdout.split('\n')[0], `OK: ${events} events`)
  })

  test('restore into a database that is not empty is refused and changes nothing', async () => {
    const run = await cli(['restore', backupFile], target('source'))
    assert.equal(run.code, 1)
    assert.match(run.stderr, /^Fel: The target database is not empty/)
    noStack(run)
    const missing = await cli(['restore', path.join(tmp, 'no-such-file.tsb')], target('source'))
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /^Filen finns inte: /)
    await inspect('source', async (query) => {
      const [{ n }] = await query(`select count(*)::int as n from audit_events`)
      assert.equal(n, events)
      assert.equal((await query(`select 1 from users where email = 'x@example.org'`)).length, 0, 'the refused create-user left nothing')
    })
  })
})
