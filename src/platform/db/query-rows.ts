import type { SQL } from 'drizzle-orm'
import type { Db } from './types.ts'

/** Raw SQL with typed rows on either driver (both answer `{ rows }`; drizzle's shared type does not say so). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
