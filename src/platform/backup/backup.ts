import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../db/connection.ts'
import type { Db } from '../db/types.ts'
import { BackupError, BackupWriter, FORMAT, FORMAT_VERSION, dependencyOrder, type BackupManifest, type SequenceEntry } from './backup-format.ts'

export { BackupError, type BackupManifest } from './backup-format.ts'

export interface TableInfo {
  name: string
  columns: string[]
  generated: Set<string>
  primaryKey: string[]
  /** Tables this one has foreign keys to, itself included when it references itself. */
  parents: string[]
}
export interface Catalog {
  tables: Map<string, TableInfo>
  /** Parents before children. */
  order: string[]
  sequences: { table: string; column: string; sequence: string; lastValue: string | null }[]
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
/** Schema-qualified, so a server's search_path ("$user", public) cannot pick another table. */
export const table = (name: string) => `public.${ident(name)}`

/** Raw query on a Db or a transaction; both drivers answer with `{ rows }`. */
export const rows = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows

/**
 * Every base table of schema public except the migrator's own, read from the catalog so a table a
 * new migration adds is backed up without anyone remembering to list it. Partitions are left out:
 * reading and writing their parent covers them.
 */
export async function readCatalog(db: Db): Promise<Catalog> {
  const columns = await rows<{ table: string; column: string; generated: boolean }>(
    db,
    sql`select c.relname as table, a.attname as column, a.attgenerated <> '' as generated
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
        order by c.relname, a.attnum`,
  )
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select c.relname as table, a.attname as column
        from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = 'public' order by c.relname, k.ord`,
  )
  const fks = await rows<{ child: string; parent: string }>(
    db,
    sql`select distinct ch.relname as child, pa.relname as parent
        from pg_constraint co join pg_class ch on ch.oid = co.conrelid join pg_class pa on pa.oid = co.confrelid
        join pg_namespace n on n.oid = ch.relnamespace join pg_namespace pn on pn.oid = pa.relnamespace
        where co.contype = 'f' and n.nspname = 'public' and pn.nspname = 'public'`,
  )
  // Sequences behind serial ('a') and identity ('i') columns; the text cast keeps bigints exact.
  const sequences = await rows<Catalog['sequences'][number]>(
    db,
    sql`select t.relname as table, a.attname as column, s.oid::regclass::text as sequence,
               pg_sequence_last_value(s.oid)::text as "lastValue"
        from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class t on t.oid = d.refobjid join pg_namespace n on n.oid = t.relnamespace
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.deptype in ('a', 'i') and n.nspname = 'public'`,
  )
  const tables = new Map<string, TableInfo>()
  for (const c of columns) {
    if (!tables.has(c.table)) tables.set(c.table, { name: c.table, columns: [], generated: new Set(), primaryKey: [], parents: [] })
    const t = tables.get(c.table)!
    t.columns.push(c.column)
    if (c.generated) t.generated.add(c.column)
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column)
  for (const f of fks) if (tables.has(f.child) && tables.has(f.parent)) tables.get(f.child)!.parents.push(f.parent)
  const order = dependencyOrder([...tables.keys()], (name) => tables.get(name)!.parents)
  return { tables, order, sequences: sequences.filter((s) => tables.has(s.table)) }
}

/** Rows per fetch adapt to row size so tables of 20 MB documents do not fill memory. */
const TARGET_BATCH_BYTES = 8 << 20

/**
 * Writes the whole database to FILE. All tables are read in one repeatable-read transaction, so the
 * archive is one consistent snapshot even while a server keeps writing; rows stream through a cursor
 * in primary-key order (so the same data gives the same file) and are never held a table at a time.
 */
export async function writeBackup(database: Database, file: string, options: { batchRows?: number } = {}): Promise<BackupManifest> {
  const maxRows = options.batchRows ?? 1000
  const writer = new BackupWriter(file)
  try {
    return await database.db.transaction(
      async (tx) => {
        const [{ migrated }] = await rows<{ migrated: boolean }>(tx, sql`select to_regclass('public.schema_migrations') is not null as migrated`)
        if (!migrated) throw new BackupError('This database has no schema_migrations table; it is not a Tillsammans database.')
        const applied = await rows<{ tag: string }>(tx, sql`select tag from schema_migrations order by applied_at, tag`)
        await writer.writeHeader({
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: applied.map((m) => m.tag),
        })
        const catalog = await readCatalog(tx)
        for (const name of catalog.order) {
          const t = catalog.tables.get(name)!
          await writer.beginTable(name, t.columns)
          const orderBy = t.primaryKey.length ? `order by ${t.primaryKey.map((c) => `t.${ident(c)}`).join(', ')}` : ''
          await tx.execute(sql.raw(`declare bk_rows no scroll cursor for select to_jsonb(t)::text as j from ${table(name)} t ${orderBy}`))
          for (let n = maxRows; ; ) {
            const batch = await rows<{ j: string }>(tx, sql.raw(`fetch forward ${n} from bk_rows`))
            if (batch.length === 0) break
            const lines = batch.map((r) => r.j)
            await writer.writeRows(lines)
            const bytes = lines.reduce((s, l) => s + l.length, 0)
            n = Math.max(1, Math.min(maxRows, Math.floor((n * TARGET_BATCH_BYTES) / Math.max(bytes, 1))))
          }
          await tx.execute(sql.raw('close bk_rows'))
        }
        const sequences: SequenceEntry[] = catalog.sequences
          .filter((s) => s.lastValue !== null)
          .map((s) => ({ table: s.table, column: s.column, value: s.lastValue! }))
        return await writer.finish(sequences)
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  } catch (err) {
    await writer.abort()
    throw err
  }
}
