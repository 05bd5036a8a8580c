import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/connection.ts'
import { MIGRATIONS_DIR, migrate, readMigrations } from '../db/migrator.ts'
import type { Db } from '../db/types.ts'
import { ident, readCatalog, rows, table } from './backup.ts'
import { BackupError, readBackup, type BackupManifest } from './backup-format.ts'

/**
 * Loads FILE into an empty database (PGlite or PostgreSQL). The file is checked from end to end before
 * anything is written; the rows then go in within one transaction, so a failure leaves no data behind.
 * The schema is first brought to the backup's migration level and later migrations run afterwards,
 * so an older backup meets the data migrations it was never through.
 */
export async function restoreBackup(database: Database, file: string, options: { batchRows?: number } = {}): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined
  for await (const event of readBackup(file)) if (event.kind === 'end') manifest = event.manifest
  const wanted = manifest!.header.migrations
  const known = readMigrations().map((m) => m.tag)
  const unknown = wanted.find((tag) => !known.includes(tag))
  if (unknown) throw new BackupError(`The backup comes from a newer version of Tillsammans (migration ${unknown} is unknown here). Upgrade first.`)
  if (wanted.some((tag, i) => known[i] !== tag)) throw new BackupError('The backup was migrated in a different order than this version defines.')

  await refuseUnlessEmpty(database.db, wanted)
  await migrateTo(database, wanted.length, known.length)
  await database.db.transaction((tx) => load(tx, file, manifest!, options.batchRows ?? 1000))
  if (wanted.length < known.length) await migrate(database)
  return manifest!
}

async function refuseUnlessEmpty(db: Db, wanted: string[]): Promise<void> {
  const filled: string[] = []
  for (const name of (await readCatalog(db)).order) {
    const [{ found }] = await rows<{ found: boolean }>(db, sql.raw(`select exists (select 1 from ${table(name)}) as found`))
    if (found) filled.push(name)
  }
  if (filled.length) throw new BackupError(`The target database is not empty (rows in ${filled.join(', ')}). Restore only into a new, empty database.`)
  const [{ migrated }] = await rows<{ migrated: boolean }>(db, sql`select to_regclass('public.schema_migrations') is not null as migrated`)
  if (!migrated) return
  // Migrations the backup never went through may have changed the tables its rows were read from.
  const ahead = (await rows<{ tag: string }>(db, sql`select tag from schema_migrations`)).map((r) => r.tag).filter((t) => !wanted.includes(t))
  if (ahead.length) throw new BackupError(`The target database already has migration ${ahead[0]}, which is newer than the backup. Restore into a new database.`)
}

/** Applies the first `count` migrations only, through a copy of the journal cut after them. */
async function migrateTo(database: Database, count: number, total: number): Promise<void> {
  if (count === total) return void (await migrate(database))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-migrations-'))
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, count)
    fs.mkdirSync(path.join(dir, 'meta'))
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal))
    for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), path.join(dir, `${tag}.sql`))
    await migrate(database, dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function load(tx: Db, file: string, manifest: BackupManifest, batchRows: number): Promise<void> {
  const catalog = await readCatalog(tx)
  const position = new Map(manifest.tables.map((t, i) => [t.name, i]))
  for (const { name } of manifest.tables) {
    const info = catalog.tables.get(name)
    if (!info) throw new BackupError(`Table "${name}" from the backup does not exist in this database.`)
    const late = info.parents.find((p) => p !== name && (position.get(p) ?? -1) > position.get(name)!)
    if (late) throw new BackupError(`The backup holds table "${name}" before "${late}", which it references.`)
  }
  // Nobody may read a half-restored database or write into it meanwhile.
  await tx.execute(sql.raw(`lock table ${catalog.order.map(table).join(', ')} in access exclusive mode`))
  // The target was empty before migrating, so rows found now were seeded by a migration; the backup
  // holds the source's copy of them (possibly edited since), which replaces them.
  for (const name of [...catalog.order].reverse()) {
    const [{ found }] = await rows<{ found: boolean }>(tx, sql.raw(`select exists (select 1 from ${table(name)}) as found`))
    if (found) await tx.execute(sql.raw(`delete from ${table(name)}`))
  }
  // A table referencing itself (organisations.parent_id) is staged and inserted in one statement:
  // PostgreSQL checks non-deferrable foreign keys at the end of the statement, so row order is moot.
  if ([...catalog.tables.values()].some((t) => t.parents.includes(t.name))) {
    await tx.execute(sql.raw('create temp table bk_stage (j jsonb) on commit drop'))
  }
  let current: { name: string; columns: string; staged: boolean } | undefined
  const finishTable = async () => {
    if (!current?.staged) return
    const cols = current.columns
    await tx.execute(
      sql.raw(`insert into ${table(current.name)} (${cols}) overriding system value
      select ${cols} from bk_stage s cross join lateral jsonb_populate_record(null::${table(current.name)}, s.j) r`),
    )
    await tx.execute(sql.raw('delete from bk_stage'))
  }
  try {
    for await (const event of readBackup(file, batchRows)) {
      if (event.kind === 'table') {
        await finishTable()
        const info = catalog.tables.get(event.name)!
        const strange = event.columns.find((c) => !info.columns.includes(c))
        if (strange) throw new BackupError(`Column "${strange}" of table "${event.name}" does not exist in this database.`)
        const columns = event.columns
          .filter((c) => !info.generated.has(c))
          .map(ident)
          .join(', ')
        current = { name: event.name, columns, staged: info.parents.includes(event.name) }
      } else if (event.kind === 'rows' && current) {
        const json = `[${event.lines.join(',')}]`
        await tx.execute(
          current.staged
            ? sql`insert into bk_stage (j) select value from jsonb_array_elements(${json}::jsonb)`
            : sql`insert into ${sql.raw(table(current.name))} (${sql.raw(current.columns)}) overriding system value
                  select ${sql.raw(current.columns)} from jsonb_populate_recordset(null::${sql.raw(table(current.name))}, ${json}::jsonb)`,
        )
      } else if (event.kind === 'end') {
        await finishTable()
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err
    // The driver's message would repeat the whole batch of rows; the database's own reason is enough.
    const reason = ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message
    throw new BackupError(`Restoring table "${current?.name}" failed, so nothing was restored: ${reason}`)
  }
  for (const t of manifest.tables) {
    const [{ n }] = await rows<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${table(t.name)}`))
    if (Number(n) !== t.rows) throw new BackupError(`Table "${t.name}" got ${n} rows instead of ${t.rows}; nothing was restored.`)
  }
  // The next id continues after the source's last one (or the highest restored id, if higher).
  for (const s of catalog.sequences) {
    const saved = manifest.sequences.find((f) => f.table === s.table && f.column === s.column)?.value ?? '0'
    await tx.execute(sql`select setval(${s.sequence}::regclass, v) from (
      select greatest(coalesce(max(${sql.raw(ident(s.column))})::bigint, 0), ${saved}::bigint) as v from ${sql.raw(table(s.table))}) m
      where v > 0`)
  }
}
