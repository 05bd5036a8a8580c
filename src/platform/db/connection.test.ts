import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { acquireDataDirLock } from './data-dir-lock.ts'
import { openDatabase } from './connection.ts'
import { buildBase } from './pglite-base.ts'
import { migrate, readMigrations } from './migrator.ts'

test('the embedded database refuses a second process on the same data folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-lock-'))
  const lockFile = path.join(dir, 'pg.lock')
  // Another live process (our parent) holds the lock.
  fs.writeFileSync(lockFile, String(process.ppid))
  await assert.rejects(openDatabase({ dataDir: dir }), /in use by another Tillsammans process \(PID \d+\)/)
  // A lock left by a process that no longer exists is taken over.
  fs.writeFileSync(lockFile, '999999')
  const release = acquireDataDirLock(lockFile)
  assert.equal(fs.readFileSync(lockFile, 'utf8'), String(process.pid))
  release()
  assert.equal(fs.existsSync(lockFile), false)
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a new data folder starts from the migrated base: nothing left to migrate, and reopened with its data', async () => {
  await buildBase() // what `npm install` makes
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-db-'))
  const first = await openDatabase({ dataDir: dir, fromBase: true })
  assert.deepEqual(await migrate(first), [], 'every migration is in the base')
  assert.ok((await first.query<{ n: number }>('select count(*)::int as n from municipalities')).rows[0].n >= 290, 'with the reference data')
  await first.query(`insert into counties (code, name) values ('99', 'Testlän')`)
  await first.close()
  const again = await openDatabase({ dataDir: dir })
  assert.deepEqual(await migrate(again), [])
  assert.deepEqual((await again.query<{ name: string }>(`select name from counties where code = '99'`)).rows, [{ name: 'Testlän' }])
  await again.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a new folder without the base (the CLI, a restore target) starts empty and is migrated once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-db-'))
  const database = await openDatabase({ dataDir: dir })
  assert.deepEqual((await database.query<{ n: number }>('select count(*)::int as n from pg_tables where schemaname = $1', ['public'])).rows[0].n, 0)
  assert.deepEqual(
    await migrate(database),
    readMigrations().map((m) => m.tag),
  )
  assert.deepEqual(await migrate(database), [])
  await database.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a migration file changed after it was applied stops the start', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-mig-'))
  const migrations = path.join(dir, 'migrations')
  fs.cpSync(path.resolve('db/migrations'), migrations, { recursive: true })
  const db = await openDatabase({ dataDir: path.join(dir, 'data') })
  await migrate(db, migrations)
  fs.appendFileSync(path.join(migrations, '0000_foundation.sql'), '\n-- edited\n')
  await assert.rejects(migrate(db, migrations), /0000_foundation was changed after it was applied/)
  await db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
