import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'

/**
 * A sort key that puts Å, Ä, Ö after Z (Swedish order) under the byte-order C collation that both
 * PGlite and Debian's PostgreSQL use — without ICU, so paged lists sort in the database the way
 * Intl.Collator('sv') sorts in the app. æ/ø sort as ä/ö and ü as y, as in Swedish dictionaries.
 */
export function svOrder(column: SQLWrapper): SQL {
  return sql`translate(lower(${column}), 'åäöæøüéèáà', '{|}|}yeeaa')`
}

/** A user's search text as a literal ILIKE pattern: % and _ typed by the user match themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
