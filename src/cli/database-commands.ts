import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.ts'
import { type Anchor, AnchorFileError, readAnchors, verifyAnchors } from '../platform/audit/anchor.ts'
import { verifyAuditChain } from '../platform/audit/verify.ts'
import { writeBackup } from '../platform/backup/backup.ts'
import { restoreBackup } from '../platform/backup/restore.ts'
import type { BackupManifest } from '../platform/backup/backup-format.ts'
import type { Database } from '../platform/db/connection.ts'
import { migrate as runMigrations } from '../platform/db/migrator.ts'
import { prepareDatabase } from '../platform/db/prepare.ts'
import { createDeps } from '../platform/deps.ts'
import { requireMigrated, withDatabase } from './database.ts'
import { checkRoleName, DEFAULT_ROLES, grantsSql, type RoleNames, rolesSql } from './db-roles.ts'
import { CliError, message } from './messages.ts'

const say = (line: string) => console.log(line)
// `npm run` moves to the project folder; INIT_CWD is where the operator typed the command.
const fromWhereTyped = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
const totalRows = (m: BackupManifest) => m.tables.reduce((n, t) => n + t.rows, 0)

export async function migrate(config: Config): Promise<number> {
  const { applied, granted } = await withDatabase(config, async (database) => {
    const applied = await runMigrations(database)
    return { applied, granted: await refreshAppGrants(database) }
  })
  say(applied.length ? message('migrated', { tags: applied.join(', ') }) : message('upToDate'))
  if (granted) say(message('grantsApplied', { app: DEFAULT_ROLES.app }))
  return 0
}

/**
 * After migrations on a server set up with `db-roles`: the application role gets its rights on
 * what the migrations made (and never more than SELECT, INSERT on the audit trail). Only the owner of
 * the tables (or a superuser) can grant, so another user's migrate leaves this alone.
 */
async function refreshAppGrants(database: Database): Promise<boolean> {
  if (database.kind !== 'postgres') return false
  const { rows } = await database.query<{ ready: boolean }>(
    `select exists (select from pg_roles where rolname = $1)
       and (select pg_has_role(current_user, tableowner, 'USAGE') from pg_tables where schemaname = 'public' and tablename = 'audit_events') as ready`,
    [DEFAULT_ROLES.app],
  )
  if (!rows[0]?.ready) return false
  await database.query(grantsSql(DEFAULT_ROLES))
  return true
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

/**
 * The chain, then the anchors: a chain can verify after its newest rows were deleted or after every
 * hash was recomputed; the anchors (written outside the database) catch both. Exit 1 on any mismatch.
 */
export async function verifyAudit(config: Config, anchorsOption?: string): Promise<number> {
  const file = anchorsOption ? fromWhereTyped(anchorsOption) : config.auditAnchorFile
  let anchors: Anchor[] | undefined
  try {
    anchors = file && fs.existsSync(file) ? readAnchors(file) : undefined
  } catch (err) {
    if (err instanceof AnchorFileError) throw new CliError(`BROKEN anchor file: ${err.message}`)
    throw err
  }
  if (anchorsOption && !anchors) throw new CliError(message('fileMissing', { file: file! }))
  const { chain, anchored } = await withDatabase(config, async (database) => {
    await requireMigrated(database)
    const chain = await verifyAuditChain(database.db)
    return { chain, anchored: chain.ok && anchors ? await verifyAnchors(database.db, anchors) : undefined }
  })
  // The same words in both languages, so monitoring can look for them.
  if (!chain.ok) {
    say(`BROKEN at seq ${chain.seq}: ${chain.reason}`)
    return 1
  }
  say(message('auditOk', { count: chain.count }))
  if (anchored && !anchored.ok) {
    say(`BROKEN at anchor seq ${anchored.anchor.seq} (${anchored.anchor.time}): ${anchored.reason}`)
    return 1
  }
  if (anchored) say(message('anchorsOk', { count: anchored.checked, file: file! }))
  else say(file ? message('anchorsMissing', { file }) : message('anchorsNone'))
  return 0
}

/** Prints the SQL for the two roles, or runs it (as a superuser) with --execute. */
export async function dbRoles(config: Config, options: { execute?: boolean; owner?: string; app?: string }): Promise<number> {
  let roles: RoleNames
  try {
    roles = { owner: checkRoleName(options.owner ?? DEFAULT_ROLES.owner), app: checkRoleName(options.app ?? DEFAULT_ROLES.app) }
  } catch (err) {
    throw new CliError((err as Error).message, 2)
  }
  const passwords = { owner: process.env.TILLSAMMANS_OWNER_PASSWORD || undefined, app: process.env.TILLSAMMANS_APP_PASSWORD || undefined }
  if (!config.databaseUrl) throw new CliError(message('rolesNeedServer'))
  if (!options.execute) {
    const name = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)) || 'postgres'
    say(rolesSql(name, roles, passwords))
    return 0
  }
  await withDatabase(config, async (database) => {
    await requireMigrated(database)
    const [{ name }] = (await database.query<{ name: string }>('select current_database() as name')).rows
    await database.query(rolesSql(name, roles, passwords))
  })
  say(message('rolesDone', roles as unknown as Record<string, string>))
  return 0
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
