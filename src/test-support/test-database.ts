import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { loadReferenceData } from '../../db/seed/reference.ts'
import { type Database, fromPglite, fromPool } from '../platform/db/connection.ts'
import { migrate } from '../platform/db/migrator.ts'
import { buildBase } from '../platform/db/pglite-base.ts'
import { schemaFingerprint } from '../platform/db/pglite-template.ts'

/**
 * A real, migrated database with the reference data, private to the caller: PGlite by default, the
 * PostgreSQL server when TEST_DATABASE_URL is set. Building the schema once and copying it keeps a
 * fresh database per test file cheap (a tar load on PGlite, CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export interface TestDatabase {
  database: Database
  drop(): Promise<void>
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  return url ? openPostgresCopy(url) : openPgliteCopy()
}

async function openPgliteCopy(): Promise<TestDatabase> {
  const { dump } = await buildBase()
  const database = fromPglite(await PGlite.create({ loadDataDir: dump } as any))
  return { database, drop: () => database.close() }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function openPostgresCopy(url: string): Promise<TestDatabase> {
  const template = `tillsammans_test_tpl_${schemaFingerprint()}`
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    // Test files run in parallel processes: one builds the template, the others wait for it.
    await admin.query(`select pg_advisory_lock(hashtext('tillsammans_test_template'))`)
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template])
    if (exists.rowCount === 0) {
      await admin.query(`create database "${template}_building"`)
      const building = fromPool(new pg.Pool({ connectionString: withDatabase(url, `${template}_building`), max: 2 }))
      await migrate(building)
      await loadReferenceData(building.db)
      await building.close()
      await admin.query(`alter database "${template}_building" rename to "${template}"`)
    }
    await admin.query(`create database "${name}" template "${template}"`)
    await admin.query(`select pg_advisory_unlock(hashtext('tillsammans_test_template'))`)
  } finally {
    await admin.end()
  }
  const database = fromPool(new pg.Pool({ connectionString: withDatabase(url, name), max: 5 }))
  return {
    database,
    async drop() {
      await database.close()
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`drop database if exists "${name}" with (force)`)
      await c.end()
    },
  }
}
