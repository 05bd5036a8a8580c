import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { ROOT } from '../root.ts'

/**
 * initdb inside PGlite takes ~5 s on these machines, longer than the whole cold-start goal. An
 * empty, freshly initialised cluster is identical every time, so `npm install` makes one once
 * (postinstall) and a new data folder starts from a copy of it (~0.6 s). Without the file, PGlite
 * simply runs initdb itself.
 */

function pgliteVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  return pkg.version
}

export function templatePath(): string {
  return path.join(ROOT, 'node_modules/.cache/tillsammans', `pglite-${pgliteVersion()}-initdb.tar`)
}

export async function readTemplate(): Promise<Blob | undefined> {
  try {
    return new Blob([await fs.promises.readFile(templatePath())])
  } catch {
    return undefined
  }
}

export async function buildTemplate(): Promise<string> {
  const file = templatePath()
  if (fs.existsSync(file)) return file
  const pg = await PGlite.create()
  const dump = await pg.dumpDataDir('none')
  await pg.close()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  await fs.promises.writeFile(partial, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(partial, file)
  return file
}

const MIGRATIONS = path.join(ROOT, 'db/migrations')

/** Changes whenever the schema or the reference data change, so a stale base is never used. */
export function schemaFingerprint(): string {
  const h = createHash('sha256')
  const files = [
    ...fs
      .readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => path.join(MIGRATIONS, f)),
    path.join(MIGRATIONS, 'meta/_journal.json'),
    path.join(ROOT, 'db/seed/reference.ts'),
    ...fs.readdirSync(path.join(ROOT, 'db/seed/data')).map((f) => path.join(ROOT, 'db/seed/data', f)),
  ].sort()
  for (const f of files) h.update(path.relative(ROOT, f)).update(fs.readFileSync(f))
  return h.digest('hex').slice(0, 16)
}

/**
 * The initdb template with every migration applied and the reference data loaded (built by
 * `buildBase` at install and by the first test run): a new data folder that starts from it skips the
 * migrations (~2 s of a cold start). It belongs to one state of the schema: after a `git pull` that
 * adds a migration it is simply not found, and the next install makes the new one.
 */
export function basePath(): string {
  return path.join(ROOT, 'node_modules/.cache/tillsammans', `pglite-${pgliteVersion()}-base-${schemaFingerprint()}.tar`)
}

/**
 * The migrated base unpacked into a cluster folder (by `npm install`, beside the tar): a new data
 * folder copies it (~0.3 s) instead of unpacking the tar into itself (~1.4 s more), the longest step
 * of a cold start (issue 2's ≤ 5 s).
 */
export function baseClusterPath(): string {
  return basePath().replace(/\.tar$/, '.cluster')
}

/**
 * Copies the unpacked base into `pgDir` (through a partial folder, renamed at the end, so an
 * interrupted copy never looks like a cluster). False when there is no unpacked base to copy.
 */
export function copyBaseCluster(pgDir: string): boolean {
  const from = baseClusterPath()
  if (!fs.existsSync(path.join(from, 'PG_VERSION'))) return false
  const partial = `${pgDir}.partial`
  // Synchronous on purpose: Node 20's fs.promises.cp takes twice as long, and nothing else waits.
  fs.rmSync(partial, { recursive: true, force: true })
  fs.cpSync(from, partial, { recursive: true })
  fs.rmSync(pgDir, { recursive: true, force: true })
  fs.renameSync(partial, pgDir)
  return true
}

/** The migrated base if it matches the schema, else the bare initdb template, else nothing (PGlite runs initdb). */
export async function readNewClusterTemplate(): Promise<Blob | undefined> {
  try {
    return new Blob([await fs.promises.readFile(basePath())])
  } catch {
    return readTemplate()
  }
}
