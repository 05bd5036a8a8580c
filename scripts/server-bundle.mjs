import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * `npm start` runs the server from one file bundled by esbuild (decision 015): loading ~800 modules
 * through tsx took ~2.7 s of a cold start, the bundle ~1 s. The bundle is made by `npm install` and
 * made again by `npm start` whenever a source file is newer, so an edited checkout never runs old
 * code. Tests and the CLI keep running the sources through tsx.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BUNDLE = path.join(ROOT, 'node_modules/.cache/tillsammans/server.mjs')
const SOURCES = ['src', 'db/seed']
const INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/server-bundle.mjs']

function newestInput() {
  let newest = 0
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (/\.(tsx?|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs)
    }
  }
  for (const dir of SOURCES) visit(path.join(ROOT, dir))
  for (const file of INPUTS) if (fs.existsSync(path.join(ROOT, file))) newest = Math.max(newest, fs.statSync(path.join(ROOT, file)).mtimeMs)
  return newest
}

/** The bundle's path, rebuilt first if missing or older than a source. */
export async function ensureServerBundle() {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0
  if (built > newestInput()) return BUNDLE
  const { build } = await import('esbuild')
  const partial = `${BUNDLE}.${process.pid}.partial.mjs`
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true })
  await build({
    entryPoints: [path.join(ROOT, 'src/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules stay where they are (native addons, WASM, their own files).
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    logLevel: 'warning',
    outfile: partial,
  })
  // The map names the file it belongs to; keep that name right after the rename.
  const code = fs.readFileSync(partial, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${path.basename(BUNDLE)}.map`)
  fs.writeFileSync(partial, code)
  fs.renameSync(`${partial}.map`, `${BUNDLE}.map`)
  fs.renameSync(partial, BUNDLE)
  return BUNDLE
}
