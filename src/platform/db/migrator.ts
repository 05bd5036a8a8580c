import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Database } from './connection.ts'
import { queryRows } from './query-rows.ts'
import { ROOT } from '../root.ts'

export const MIGRATIONS_DIR = path.join(ROOT, 'db/migrations')

interface Migration {
  tag: string
  hash: string
  statements: string[]
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] }
  return journal.entries.map(({ tag }) => {
    const text = fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8')
    return {
      tag,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }
  })
}

/**
 * Applies the pending migrations of drizzle-kit's journal in one transaction. The transaction first
 * takes an advisory lock, so when several instances start together one migrates and the others wait,
 * then find nothing left to do. A migration that changed after it was applied stops the start.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir)
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tillsammans_migrations'))`)
    // Only when missing: the application role (cli db-roles) may read the table but not create tables,
    // and CREATE … IF NOT EXISTS checks that privilege even when the table exists.
    const [{ present }] = await queryRows<{ present: boolean }>(tx, sql`select to_regclass('schema_migrations') is not null as present`)
    if (!present) {
      await tx.execute(sql`create table schema_migrations (tag text primary key, hash text not null, applied_at timestamptz not null default now())`)
    }
    const rows = await queryRows<{ tag: string; hash: string }>(tx, sql`select tag, hash from schema_migrations`)
    const applied = new Map(rows.map((r) => [r.tag, r.hash]))
    const done: string[] = []
    for (const m of migrations) {
      const previous = applied.get(m.tag)
      if (previous) {
        if (previous !== m.hash) throw new Error(`Migration ${m.tag} was changed after it was applied; add a new migration instead.`)
        continue
      }
      for (const statement of m.statements) await tx.execute(sql.raw(statement))
      await tx.execute(sql`insert into schema_migrations (tag, hash) values (${m.tag}, ${m.hash})`)
      done.push(m.tag)
    }
    return done
  })
}
