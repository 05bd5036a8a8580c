import { buildBase } from '../src/platform/db/pglite-base.ts'
import { buildTemplate } from '../src/platform/db/pglite-template.ts'

// Runs after `npm install` / `npm ci`: prepares the empty PGlite cluster new data folders start from.
// A failure here only makes the first start slower, so it never fails the install.
try {
  const file = await buildTemplate()
  console.log(`tillsammans: PGlite template ready (${file})`)
  // The same cluster migrated, with the reference data: a new data folder starts from it.
  const base = await buildBase()
  console.log(`tillsammans: migrated PGlite base ready (${base.file})`)
} catch (err) {
  console.warn(`tillsammans: could not prepare the PGlite template (${String(err)}); the first start will take a few seconds longer`)
}
