import { buildTemplate } from '../src/platform/db/pglite-template.ts'

// Runs after `npm install` / `npm ci`: prepares the empty PGlite cluster new data folders start from.
// A failure here only makes the first start slower, so it never fails the install.
try {
  const file = await buildTemplate()
  console.log(`tillsammans: PGlite template ready (${file})`)
} catch (err) {
  console.warn(`tillsammans: could not prepare the PGlite template (${String(err)}); the first start will take a few seconds longer`)
}
