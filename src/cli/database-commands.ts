import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.ts'
import { verifyAuditChain } from '../platform/audit/verify.ts'
import { writeBackup } from '../platform/backup/backup.ts'
import { restoreBackup } from '../platform/backup/restore.ts'
import type { BackupManifest } from '../platform/backup/backup-format.ts'
import { migrate as runMigrations } from '../platform/db/migrator.ts'
import { prepareDatabase } from '../platform/db/prepare.ts'
import { createDeps } from '../platform/deps.ts'
import { requireMigrated, withDatabase } from './database.ts'
import { CliError, message } from './messages.ts'

const say = (line: string) => console.log(line)
// `npm run` moves to the project folder; INIT_CWD is where the operator typed the command.
const fromWhereTyped = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
const totalRows = (m: BackupManifest) => m.tables.reduce((n, t) => n + t.rows, 0)

export async function migrate(config: Config): Promise<number> {
  const applied = await withDatabase(config, (database) => runMigrations(database))
  say(applied.length ? message('migrated', { tags: applied.join(', ') }) : message('upToDate'))
  return 0
}

/** What `npm start` does before serving: migrations, reference data, demo accounts in demo mode. */
export async function seed(config: Config): Promise<number> {
  const result = await withDatabase(config, async (database) => {
    // The installation secret that createDeps reads lives in a table: migrate before making the deps.
    const migrations = await runMigrations(database)
    const prepared = await prepareDatabase(await createDeps(config, database))
    return { migrations: migrations.length + prepared.migrations.length, demo: prepared.demoAccounts }
  })
  say(message('seeded', result))
  return 0
}

export async function verifyAudit(config: Config): Promise<number> {
  const result = await withDatabase(config, async (database) => {
    await requireMigrated(database)
    return verifyAuditChain(database.db)
  })
  if (result.ok) {
    say(message('auditOk', { count: result.count }))
    return 0
  }
  // The same words in both languages, so monitoring can look for them.
  say(`BROKEN at seq ${result.seq}: ${result.reason}`)
  return 1
}

export async function backup(config: Config, file: string): Promise<number> {
  const target = fromWhereTyped(file)
  const manifest = await withDatabase(config, (database) => writeBackup(database, target))
  say(message('backupWritten', { file: target, tables: manifest.tables.length, rows: totalRows(manifest) }))
  return 0
}

export async function restore(config: Config, file: string): Promise<number> {
  const source = fromWhereTyped(file)
  if (!fs.existsSync(source)) throw new CliError(message('fileMissing', { file: source }))
  const manifest = await withDatabase(config, (database) => restoreBackup(database, source))
  say(message('restored', { file: source, tables: manifest.tables.length, rows: totalRows(manifest) }))
  return 0
}
