import { sql } from 'drizzle-orm'
import type { Config } from '../config.ts'
import { type Database, openDatabase } from '../platform/db/connection.ts'
import { queryRows } from '../platform/db/query-rows.ts'
import { CliError, message } from './messages.ts'

/**
 * Opens the configured database the way the server does (PGlite takes the data-folder lock), and
 * touches it once so that a wrong URL, a refused connection or a folder in use is reported here, as
 * one line, rather than as a stack trace from the first real query.
 */
export async function openCliDatabase(config: Config): Promise<Database> {
  let database: Database | undefined
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
    await database.query('select 1')
    return database
  } catch (err) {
    await database?.close().catch(() => {})
    throw new CliError(message('openFailed', { reason: (err as Error).message || String(err) }))
  }
}

/** Runs `work` with the database open and always closes it, so the process can end and PGlite's lock is released. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCliDatabase(config)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/** Commands that read the application's tables refuse, with advice, on a database never migrated. */
export async function requireMigrated(database: Database): Promise<void> {
  const [row] = await queryRows<{ migrated: boolean }>(database.db, sql`select to_regclass('public.users') is not null as migrated`)
  if (!row.migrated) throw new CliError(message('notMigrated'))
}
