import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { onCleanup } from './processes.ts'

/**
 * The PostgreSQL rows run the app on a database of their own, created for the run and dropped after it
 * (also on Ctrl-C). BENCH_POSTGRES_URL names the server (any existing database on it, used to connect);
 * `off` leaves the PostgreSQL rows out.
 */
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const postgresWanted = POSTGRES_ADMIN_URL !== 'off'

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** Creates an empty database for one app process; returns its URL. */
export async function createBenchDatabase(): Promise<string> {
  const name = `tillsammans_bench_${randomBytes(4).toString('hex')}`
  await admin(`create database "${name}"`)
  onCleanup(() => admin(`drop database if exists "${name}" with (force)`))
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}
