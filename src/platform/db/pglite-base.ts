import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { loadReferenceData } from '../../../db/seed/reference.ts'
import { PGLITE_CONF, fromPglite } from './connection.ts'
import { migrate } from './migrator.ts'
import { baseClusterPath, basePath, readTemplate } from './pglite-template.ts'

/**
 * Builds the migrated base (see `basePath`): the initdb template, every migration, the reference
 * data. Shared by `npm install` (postinstall), so a new data folder starts migrated, and by the test
 * databases, which start from the same file. Written to a partial file and renamed, so parallel
 * builders never read half a file.
 */
export async function buildBase(): Promise<{ file: string; dump: Blob }> {
  const file = basePath()
  if (fs.existsSync(file)) return { file, dump: new Blob([fs.readFileSync(file)]) }
  const base = fromPglite(await PGlite.create({ loadDataDir: await readTemplate() } as any))
  await migrate(base)
  await loadReferenceData(base.db)
  const dump = await base.pglite!.dumpDataDir('none')
  await base.close()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(partial, file)
  return { file, dump }
}

/**
 * Unpacks the migrated base into a cluster folder that new data folders copy (`copyBaseCluster`).
 * Built in a partial folder and renamed, like the tar; an existing one is kept.
 */
export async function unpackBase(): Promise<string> {
  const dir = baseClusterPath()
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir
  const { dump } = await buildBase()
  const partial = `${dir}.${process.pid}.partial`
  fs.rmSync(partial, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(partial), { recursive: true })
  const cluster = await PGlite.create(partial, { postgresqlconf: PGLITE_CONF, loadDataDir: dump } as any)
  await cluster.close()
  fs.rmSync(dir, { recursive: true, force: true })
  fs.renameSync(partial, dir)
  return dir
}
