import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { acquireDataDirLock } from './data-dir-lock.ts'
import { copyBaseCluster, readNewClusterTemplate, readTemplate } from './pglite-template.ts'
import * as schema from './schema.ts'
import type { Db } from './types.ts'

export interface Database {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Runs raw SQL with parameters on either driver; used by the job queue adapter and backup. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>
  pglite?: PGlite
  /**
   * A new PGlite folder made in this process from the migrated base, which holds this version's
   * reference data already (its fingerprint covers that data and its loader), so the start skips
   * loading it again.
   */
  referenceDataFromBase?: boolean
  pool?: pg.Pool
  close(): Promise<void>
}

export const PGLITE_CONF = ['max_wal_size = 64MB', 'min_wal_size = 32MB']

/**
 * `fromBase`: a new PGlite folder starts from the migrated base with the reference data (the server's
 * start, decision 004); otherwise from the empty initdb cluster (the CLI: `migrate` reports what it
 * applies, and `restore` needs an empty target).
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number; fromBase?: boolean }): Promise<Database> {
  if (opts.databaseUrl) return fromPool(new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 }))
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const release = acquireDataDirLock(path.join(opts.dataDir, 'pg.lock'))
  try {
    const pgDir = path.join(opts.dataDir, 'pg')
    const isNew = !fs.existsSync(path.join(pgDir, 'PG_VERSION'))
    const copied = isNew && opts.fromBase ? copyBaseCluster(pgDir) : false
    const loadDataDir = isNew && !copied ? await (opts.fromBase ? readNewClusterTemplate() : readTemplate()) : undefined
    const client = await PGlite.create(pgDir, { postgresqlconf: PGLITE_CONF, loadDataDir } as any)
    return { ...fromPglite(client, release), referenceDataFromBase: copied }
  } catch (err) {
    release()
    throw err
  }
}

export function fromPglite(client: PGlite, onClose: () => void = () => {}): Database {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    query: async (text, params) => client.query(text, params as any[]) as any,
    async close() {
      await client.close()
      onClose()
    },
  }
}

export function fromPool(pool: pg.Pool): Database {
  // A dropped connection must not crash the process; the pool replaces it on the next query.
  pool.on('error', () => {})
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    kind: 'postgres',
    pool,
    query: async (text, params) => pool.query(text, params as any[]) as any,
    close: () => pool.end(),
  }
}
