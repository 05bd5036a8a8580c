import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { gunzipSync, gzipSync } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { audit } from '../audit/audit.ts'
import { verifyAuditChain } from '../audit/verify.ts'
import { fromPglite, fromPool, type Database } from '../db/connection.ts'
import { MIGRATIONS_DIR, migrate, readMigrations } from '../db/migrator.ts'
import { BackupError, readCatalog, rows, table, writeBackup } from './backup.ts'
import { restoreBackup } from './restore.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-test-'))
const file = path.join(dir, 'source.tsb')
const open: Database[] = []
// Starting PGlite costs ~2 s; cloning a started one is much cheaper.
let blank: PGlite
let migratedBase: PGlite
const fresh = async (migrated = true) => {
  const database = fromPglite((await (migrated ? migratedBase : blank).clone()) as PGlite)
  open.push(database)
  return database
}

/** Every table's rows as text, in a fixed order and time zone, so two engines compare equal. */
const dump = (database: Database) =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`)
    const out: Record<string, string[]> = {}
    for (const name of (await readCatalog(tx)).order) {
      out[name] = (await rows<{ j: string }>(tx, sql.raw(`select to_jsonb(t)::text as j from ${table(name)} t order by 1`))).map((r) => r.j)
    }
    return out
  })

/** Row counts of every public table, schema_migrations included, to show a refusal changed nothing. */
const counts = async (database: Database) => {
  const tables = await database.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)
  const out: Record<string, number> = {}
  for (const { name } of tables.rows) out[name] = Number((await database.query<{ n: string }>(`select count(*)::text as n from public."${name}"`)).rows[0].n)
  return out
}

const P = 'bbbbbbbb-0000-4000-8000-000000000001' // parent sorts after its child, so pk order is not parent order
const C = 'aaaaaaaa-0000-4000-8000-000000000002'
const POLICE = 'cccccccc-0000-4000-8000-000000000003'
const U1 = '11111111-0000-4000-8000-000000000001'
const U2 = '22222222-0000-4000-8000-000000000002'

async function seed(database: Database) {
  await database.db.transaction(async (tx) => {
    const script = `
      insert into counties values ('05', 'Östergötlands län');
      insert into municipalities values ('0561', '05', 'Åtvidaberg', 11562, null);
      insert into organisations (id, code, kind, name, short_name, parent_id, county_code, municipality_code, valid_from, created_at)
      values ('${P}', 'lst-05', 'county_board', 'Länsstyrelsen Östergötland', 'LST', null, '05', null, '2020-01-01', '2024-05-06 07:08:09.123456+02'),
             ('${C}', 'k-0561', 'municipality', 'Åtvidabergs kommun', null, '${P}', '05', '0561', '2021-02-03', now()),
             ('${POLICE}', 'pol-os', 'police', 'Polisområde Östergötland', null, null, '05', null, null, now());
      insert into users (id, email, name, organisation_id, last_login_at)
      values ('${U1}', 'asa@atvidaberg.se', 'Åsa Öberg', '${C}', '2025-03-01 12:34:56.123456+01'),
             ('${U2}', 'admin@lst.se', 'Admin', '${P}', null);
      insert into role_grants (user_id, organisation_id, role, granted_by) values ('${U1}', '${C}', 'editor', '${U2}'), ('${U2}', '${P}', 'admin', null);
      insert into sessions (id, user_id, expires_at, ip, user_agent) values ('s1', '${U1}', '2025-03-02 00:00:00.000001+00', null, 'Mozilla/5.0 (Å)');
      insert into api_tokens (name, token_hash, user_id, created_by) values ('rapport', 'h1', '${U1}', '${U2}');
      insert into municipality_police_areas (municipality_code, police_area_id, valid_from, valid_to) values ('0561', '${POLICE}', '2024-01-01', null);
      insert into installation_secrets (name, value) values ('session', 'hemligt');
      insert into login_failures (key) values ('a'), ('b'), ('c');
      delete from login_failures where id = 3`
    for (const statement of script.split(';\n')) await tx.execute(sql.raw(statement))
  })
  for (const name of ['Åtvidaberg', 'Linköping', null]) {
    await database.db.transaction((tx) =>
      audit(
        tx,
        { actor: { label: 'test' } },
        { action: 'organisation.updated', entityType: 'organisation', entityId: C, organisationId: C, after: { name, n: null } },
      ),
    )
  }
}

/** Rewrites the decompressed lines of a backup; with `resign` the manifest's whole-file sha256 is recomputed. */
function rewrite(to: string, edit: (lines: string[]) => string[], resign = false) {
  const lines = edit(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n'))
  if (resign) {
    const i = lines.findIndex((l) => l.startsWith('["manifest"'))
    const [, body] = JSON.parse(lines[i])
    body.sha256 = createHash('sha256')
      .update(
        lines
          .slice(0, i)
          .map((l) => l + '\n')
          .join(''),
      )
      .digest('hex')
    lines[i] = JSON.stringify(['manifest', body])
  }
  fs.writeFileSync(to, gzipSync(lines.join('\n')))
  return to
}

let source: Database
before(async () => {
  blank = await PGlite.create()
  migratedBase = (await blank.clone()) as PGlite
  await migrate(fromPglite(migratedBase))
  source = await fresh()
  await seed(source)
})
after(async () => {
  for (const d of open) await d.close()
  await Promise.all([blank.close(), migratedBase.close()])
  fs.rmSync(dir, { recursive: true, force: true })
})

test('backup writes a header, every table and a manifest with row counts', async () => {
  const manifest = await writeBackup(source, file)
  assert.equal(manifest.header.source, 'pglite')
  assert.deepEqual(
    manifest.header.migrations,
    readMigrations().map((m) => m.tag),
  )
  const byName = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))
  assert.deepEqual(byName, { ...Object.fromEntries(Object.entries(await counts(source)).filter(([n]) => n !== 'schema_migrations')) })
  assert.equal(byName.audit_events, 3)
  assert.ok(!fs.existsSync(`${file}.partial`))
})

for (const batchRows of [1000, 1]) {
  test(`PGlite → PGlite restores every row identically (batches of ${batchRows})`, async () => {
    const from = path.join(dir, `batch-${batchRows}.tsb`)
    await writeBackup(source, from, { batchRows })
    const target = await fresh(false) // restore migrates by itself
    await restoreBackup(target, from, { batchRows })
    assert.deepEqual(await dump(target), await dump(source))
    assert.deepEqual(await verifyAuditChain(target.db), { ok: true, count: 3 })
    // Sequences continue after the source's last value, not after the highest remaining row.
    const { rows: ids } = await target.query<{ id: string }>(`insert into login_failures (key) values ('d') returning id::text`)
    assert.equal(ids[0].id, '4')
    await target.db.transaction((tx) => audit(tx, { actor: { label: 'test' } }, { action: 'after.restore', entityType: 'x' }))
    assert.deepEqual(await verifyAuditChain(target.db), { ok: true, count: 4 })
  })
}

test('a backup from an older version is loaded at its level, then migrated', async () => {
  // A backup made when only the first migration existed holds only that migration's tables.
  const firstTables = new Set(
    [...fs.readFileSync(path.join(MIGRATIONS_DIR, `${readMigrations()[0].tag}.sql`), 'utf8').matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]),
  )
  const older = rewrite(
    path.join(dir, 'older.tsb'),
    (lines) => {
      const header = JSON.parse(lines[0])
      header.migrations = header.migrations.slice(0, 1)
      const kept: string[] = [JSON.stringify(header)]
      let keep = true
      // Columns later migrations added are not in a backup from then (api_tokens.scopes came with token scopes).
      const later: Record<string, string[]> = { api_tokens: ['scopes'] }
      let current = ''
      const rowsOf = new Map<string, string[]>()
      for (let line of lines.slice(1)) {
        if (line.startsWith('["table"')) {
          const [, t] = JSON.parse(line)
          current = t.name
          keep = firstTables.has(current)
          if (later[current]) line = JSON.stringify(['table', { ...t, columns: t.columns.filter((c: string) => !later[current].includes(c)) }])
        } else if (keep && later[current] && line.startsWith('{')) {
          const row = JSON.parse(line)
          for (const c of later[current]) delete row[c]
          line = JSON.stringify(row)
          rowsOf.set(current, [...(rowsOf.get(current) ?? []), line])
        }
        if (line.startsWith('["manifest"')) {
          const [, body] = JSON.parse(line)
          for (const t of body.tables) {
            const rows = rowsOf.get(t.name)
            if (rows)
              t.sha256 = createHash('sha256')
                .update(rows.join('\n') + '\n')
                .digest('hex')
          }
          body.tables = body.tables.filter((t: { name: string }) => firstTables.has(t.name))
          body.sequences = (body.sequences ?? []).filter((q: { table: string }) => firstTables.has(q.table))
          kept.push(JSON.stringify(['manifest', body]))
          keep = true
          continue
        }
        if (keep) kept.push(line)
      }
      return kept
    },
    true,
  )
  const target = await fresh(false)
  await restoreBackup(target, older)
  assert.deepEqual(await dump(target), await dump(source))
  assert.equal((await counts(target)).schema_migrations, readMigrations().length)
})

test('PGlite backup restores into PostgreSQL and back', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
  const server = new URL(process.env.TEST_DATABASE_URL!)
  const name = `bk_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: server.href })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const target = fromPool(new pg.Pool({ connectionString: Object.assign(new URL(server.href), { pathname: `/${name}` }).href }))
  try {
    const manifest = await restoreBackup(target, file)
    assert.equal(manifest.header.source, 'pglite')
    assert.deepEqual(await dump(target), await dump(source))
    assert.deepEqual(await verifyAuditChain(target.db), { ok: true, count: 3 })
    const back = path.join(dir, 'from-postgres.tsb')
    assert.equal((await writeBackup(target, back)).header.source, 'postgres')
    const again = await fresh(false)
    await restoreBackup(again, back)
    assert.deepEqual(await dump(again), await dump(source))
  } finally {
    await target.close()
    await admin.query(`drop database if exists ${name}`)
    await admin.end()
  }
})

describe('restore refuses and changes nothing', () => {
  // One target serves every case: each refusal must leave it exactly as it was.
  let target: Database
  before(async () => {
    target = await fresh()
  })
  const refuses = async (from: string, message: RegExp, into = target) => {
    const before = await counts(into)
    await assert.rejects(restoreBackup(into, from), (err: Error) => err instanceof BackupError && message.test(err.message))
    assert.deepEqual(await counts(into), before)
  }
  test('a file cut short (last bytes missing), before even migrating', async () => {
    const cut = path.join(dir, 'cut.tsb')
    const bytes = fs.readFileSync(file)
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 12))
    const blankTarget = await fresh(false)
    await refuses(cut, /damaged or incomplete/, blankTarget)
    assert.deepEqual(await counts(blankTarget), {})
    await refuses(cut, /damaged or incomplete/)
  })
  test('a file cut at a line boundary (no manifest)', async () => {
    await refuses(
      rewrite(path.join(dir, 'nomanifest.tsb'), (l) => l.slice(0, -2).concat('')),
      /manifest .*missing/,
    )
  })
  test('one byte changed inside a row', async () => {
    const changed = rewrite(path.join(dir, 'changed.tsb'), (l) => l.map((x) => (x.includes('"population": 11562') ? x.replace('Åtvidaberg', 'Åtvidaberh') : x)))
    await refuses(changed, /Table "municipalities" \(from line \d+\) is damaged/)
  })
  test('one byte flipped in the compressed file', async () => {
    const bytes = Buffer.from(fs.readFileSync(file))
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    fs.writeFileSync(path.join(dir, 'flip.tsb'), bytes)
    await refuses(path.join(dir, 'flip.tsb'), /damaged/)
  })
  test('a target that already holds data', async () => {
    await refuses(file, /not empty \(rows in .*organisations/, source)
  })
  test('a backup from a newer version', async () => {
    const newer = rewrite(
      path.join(dir, 'newer.tsb'),
      (lines) => {
        const header = JSON.parse(lines[0])
        header.migrations.push('9999_future')
        return [JSON.stringify(header), ...lines.slice(1)]
      },
      true,
    )
    await refuses(newer, /newer version .*9999_future/)
  })
  test('the target still takes a good backup afterwards', async () => {
    await restoreBackup(target, file)
    assert.deepEqual(await dump(target), await dump(source))
  })
})
