/**
 * The backup archive: a gzip'd stream of JSON lines, read and written without holding a table in memory.
 *
 *   line 1        {"format":"tillsammans-backup","formatVersion":1,"createdAt":…,"source":…,"migrations":[…]}
 *   per table     ["table",{"name":"users","columns":["id",…]}]   then one row per line: to_jsonb(row)
 *   last line     ["manifest",{"tables":[{"name","rows","sha256"}],"sequences":[…],"sha256":…}]
 *
 * Rows are always JSON objects and markers always JSON arrays, so a column name can never be mistaken
 * for a marker. A table's sha256 covers its row lines (each with its "\n"); the manifest's sha256 covers
 * every line before it, so the header and markers are protected too. A file without its manifest line
 * was cut short.
 */
import { createHash, type Hash } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

export const FORMAT = 'tillsammans-backup'
export const FORMAT_VERSION = 1

export class BackupError extends Error {
  override name = 'BackupError'
}

export interface BackupHeader {
  format: typeof FORMAT
  formatVersion: number
  createdAt: string
  source: 'pglite' | 'postgres'
  migrations: string[]
}
export interface TableEntry {
  name: string
  rows: number
  sha256: string
}
/** Value a serial/identity sequence had in the source (text: bigint may exceed 2^53). */
export interface SequenceEntry {
  table: string
  column: string
  value: string
}
export interface BackupManifest {
  header: BackupHeader
  tables: TableEntry[]
  sequences: SequenceEntry[]
  sha256: string
}

/** Writes to FILE.partial and renames at the end, so an interrupted backup never looks complete. */
export class BackupWriter {
  private readonly tmp: string
  private readonly gzip = zlib.createGzip()
  private readonly done: Promise<void>
  private readonly whole = createHash('sha256')
  private readonly tables: TableEntry[] = []
  private current?: { entry: TableEntry; hash: Hash }
  private header?: BackupHeader

  constructor(private readonly file: string) {
    this.tmp = `${file}.partial`
    this.done = pipeline(this.gzip, fs.createWriteStream(this.tmp, { flush: true }))
    this.done.catch(() => {}) // surfaced by the next write or by finish()
  }

  private async write(text: string): Promise<void> {
    this.whole.update(text)
    if (!this.gzip.write(text)) await Promise.race([once(this.gzip, 'drain'), this.done])
  }

  async writeHeader(header: BackupHeader): Promise<void> {
    this.header = header
    await this.write(JSON.stringify(header) + '\n')
  }

  async beginTable(name: string, columns: string[]): Promise<void> {
    this.endTable()
    this.current = { entry: { name, rows: 0, sha256: '' }, hash: createHash('sha256') }
    this.tables.push(this.current.entry)
    await this.write(JSON.stringify(['table', { name, columns }]) + '\n')
  }

  /** Each line is the text of one row object, without a newline. */
  async writeRows(lines: string[]): Promise<void> {
    if (!this.current || lines.length === 0) return
    const text = lines.join('\n') + '\n'
    this.current.hash.update(text)
    this.current.entry.rows += lines.length
    await this.write(text)
  }

  private endTable(): void {
    if (this.current) this.current.entry.sha256 = this.current.hash.digest('hex')
    this.current = undefined
  }

  async finish(sequences: SequenceEntry[]): Promise<BackupManifest> {
    this.endTable()
    const sha256 = this.whole.digest('hex')
    const body = { tables: this.tables, sequences, sha256 }
    this.gzip.end(JSON.stringify(['manifest', body]) + '\n')
    await this.done
    await fs.promises.rename(this.tmp, this.file)
    return { header: this.header!, ...body }
  }

  async abort(): Promise<void> {
    this.gzip.destroy()
    await this.done.catch(() => {})
    await fs.promises.rm(this.tmp, { force: true })
  }
}

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; columns: string[]; line: number }
  | { kind: 'rows'; table: string; lines: string[] }
  | { kind: 'end'; manifest: BackupManifest }

/** Lines of the decompressed file; a damaged or cut gzip stream becomes a BackupError. */
async function* readLines(file: string): AsyncGenerator<[number, string]> {
  const source = fs.createReadStream(file)
  const gunzip = zlib.createGunzip()
  source.on('error', (err) => gunzip.destroy(err))
  source.pipe(gunzip).setEncoding('utf8')
  let rest = ''
  let n = 0
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n')
      rest = parts.pop()!
      for (const p of parts) yield [++n, p]
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`Backup file not found: ${file}`)
    if (n === 0) throw new BackupError(`This file is not a Tillsammans backup, or it is damaged (${(err as Error).message}).`)
    throw new BackupError(`The backup file is damaged or incomplete after line ${n} (${(err as Error).message}).`)
  } finally {
    source.destroy()
    gunzip.destroy()
  }
  if (rest) throw new BackupError(`The backup file is incomplete: line ${n + 1} has no end.`)
}

const isString = (v: unknown) => typeof v === 'string'
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new BackupError(`The backup file is damaged: ${what} is not valid JSON.`)
  }
}

/**
 * Streams the archive in batches and checks it as it goes. The 'end' event comes only after every
 * checksum and row count matched the manifest, so a consumer that loads rows inside a transaction
 * must wait for it before committing.
 */
export async function* readBackup(file: string, batchRows = 1000, batchBytes = 4 << 20): AsyncGenerator<BackupEvent> {
  const whole = createHash('sha256')
  const seen: (TableEntry & { from: number })[] = []
  let header: BackupHeader | undefined
  let table: { entry: TableEntry & { from: number }; hash: Hash } | undefined
  let batch: string[] = []
  let bytes = 0
  let done: BackupManifest | undefined
  const flush = function* (): Generator<BackupEvent> {
    if (table && batch.length) yield { kind: 'rows', table: table.entry.name, lines: batch }
    batch = []
    bytes = 0
  }
  const endTable = () => table && (table.entry.sha256 = table.hash.digest('hex'))

  for await (const [n, line] of readLines(file)) {
    if (done) throw new BackupError(`The backup file is damaged: line ${n} follows the manifest.`)
    if (!header) {
      const h = parseJson(line, 'the header (line 1)') as BackupHeader
      if (h?.format !== FORMAT) throw new BackupError('This file is not a Tillsammans backup.')
      if (h.formatVersion !== FORMAT_VERSION) throw new BackupError(`Backup format version ${h.formatVersion} is not supported by this version.`)
      if (!Array.isArray(h.migrations) || !h.migrations.every(isString)) throw new BackupError('The backup header has no migration list.')
      header = h
      whole.update(line + '\n')
      yield { kind: 'header', header }
    } else if (line.startsWith('{')) {
      if (!table) throw new BackupError(`The backup file is damaged: line ${n} is a row outside any table.`)
      table.hash.update(line + '\n')
      whole.update(line + '\n')
      table.entry.rows++
      batch.push(line)
      bytes += line.length
      if (batch.length >= batchRows || bytes >= batchBytes) yield* flush()
    } else {
      const marker = parseJson(line, `line ${n}`) as [string, any]
      if (!Array.isArray(marker)) throw new BackupError(`The backup file is damaged at line ${n}.`)
      yield* flush()
      endTable()
      if (marker[0] === 'table') {
        const { name, columns } = marker[1] ?? {}
        if (!isString(name) || !Array.isArray(columns) || !columns.every(isString)) throw new BackupError(`Bad table marker at line ${n}.`)
        if (seen.some((t) => t.name === name)) throw new BackupError(`Table "${name}" appears twice (line ${n}).`)
        table = { entry: { name, rows: 0, sha256: '', from: n }, hash: createHash('sha256') }
        seen.push(table.entry)
        whole.update(line + '\n')
        yield { kind: 'table', name, columns, line: n }
      } else if (marker[0] === 'manifest') {
        const manifest = { header, ...marker[1] } as BackupManifest
        checkManifest(manifest, seen, whole.digest('hex'))
        done = manifest
      } else {
        throw new BackupError(`Unknown marker "${marker[0]}" at line ${n}.`)
      }
    }
  }
  // Only now has gunzip also checked its CRC and length, so the whole file is known to be intact.
  if (!done) throw new BackupError('The backup file is incomplete: the manifest at its end is missing (the file was cut short).')
  yield { kind: 'end', manifest: done }
}

function checkManifest(m: BackupManifest, seen: (TableEntry & { from: number })[], sha256: string): void {
  if (!Array.isArray(m.tables) || !Array.isArray(m.sequences)) throw new BackupError('The manifest is damaged.')
  if (m.tables.length !== seen.length) throw new BackupError(`The manifest lists ${m.tables.length} tables but the file holds ${seen.length}.`)
  seen.forEach((t, i) => {
    const listed = m.tables[i]
    if (listed?.name !== t.name) throw new BackupError(`The manifest does not list table "${t.name}" (line ${t.from}) in its place.`)
    if (listed.rows !== t.rows)
      throw new BackupError(`Table "${t.name}" (from line ${t.from}): the manifest says ${listed.rows} rows, the file holds ${t.rows}.`)
    if (listed.sha256 !== t.sha256) throw new BackupError(`Table "${t.name}" (from line ${t.from}) is damaged: its checksum does not match the manifest.`)
  })
  if (m.sha256 !== sha256) throw new BackupError('The backup file is damaged: the header or a table marker does not match the manifest checksum.')
}

/**
 * Orders tables so every table comes after the tables it references (self-references aside); ties go
 * by name so the same database always gives the same file. A cycle between tables cannot be loaded
 * with non-deferrable foreign keys, so it is refused.
 */
export function dependencyOrder(names: string[], parentsOf: (name: string) => string[]): string[] {
  const order: string[] = []
  const pending = new Set([...names].sort())
  while (pending.size) {
    const ready = [...pending].find((n) => parentsOf(n).every((p) => p === n || !pending.has(p)))
    if (!ready) throw new BackupError(`Tables reference each other in a cycle: ${[...pending].join(', ')}.`)
    order.push(ready)
    pending.delete(ready)
  }
  return order
}
