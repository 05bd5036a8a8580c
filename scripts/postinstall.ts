import fs from 'node:fs'
import path from 'node:path'
import { ensureServerBundle } from './server-bundle.mjs'
import { buildBase, unpackBase } from '../src/platform/db/pglite-base.ts'
import { baseClusterPath, basePath, buildTemplate } from '../src/platform/db/pglite-template.ts'

// Runs after `npm install` / `npm ci`: prepares the empty PGlite cluster new data folders start from.
// A failure here only makes the first start slower, so it never fails the install.
try {
  const file = await buildTemplate()
  console.log(`tillsammans: PGlite template ready (${file})`)
  // The same cluster migrated, with the reference data: a new data folder starts from it.
  const base = await buildBase()
  console.log(`tillsammans: migrated PGlite base ready (${base.file})`)
  // Unpacked once here, so that each new data folder is a folder copy.
  console.log(`tillsammans: migrated PGlite cluster ready (${await unpackBase()})`)
  // Bases of earlier schemas are never read again (each is ~85 MB with its unpacked copy).
  for (const stale of staleBases()) fs.rmSync(stale, { recursive: true, force: true })
} catch (err) {
  console.warn(`tillsammans: could not prepare the PGlite template (${String(err)}); the first start will take a few seconds longer`)
}
try {
  // `npm start` runs the server bundled; made now so that the first start need not.
  console.log(`tillsammans: server bundle ready (${await ensureServerBundle()})`)
} catch (err) {
  console.warn(`tillsammans: could not bundle the server (${String(err)}); npm start will try again, or run the sources`)
}

function staleBases(): string[] {
  const dir = path.dirname(basePath())
  const keep = new Set([path.basename(basePath()), path.basename(baseClusterPath())])
  return fs
    .readdirSync(dir)
    .filter((f) => /^pglite-.*-base-/.test(f) && !keep.has(f))
    .map((f) => path.join(dir, f))
}
