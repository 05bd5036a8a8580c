import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'

/**
 * initdb inside PGlite takes ~5 s on these machines, longer than the whole cold-start goal. An
 * empty, freshly initialised cluster is identical every time, so `npm install` makes one once
 * (postinstall) and a new data folder starts from a copy of it (~0.6 s). Without the file, PGlite
 * simply runs initdb itself.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

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
