import { pathToFileURL } from 'node:url'
import { ensureServerBundle } from './server-bundle.mjs'

// `npm start`: the server from its bundle (scripts/server-bundle.mjs), with stack traces that name
// the source files. If the bundle cannot be made, the sources run through tsx as before.
process.setSourceMapsEnabled(true)
let entry
try {
  entry = pathToFileURL(await ensureServerBundle()).href
} catch (err) {
  console.warn(`tillsammans: could not bundle the server (${String(err)}); starting from the sources`)
  const { register } = await import('tsx/esm/api')
  register()
  entry = new URL('../src/server.ts', import.meta.url).href
}
await import(entry)
