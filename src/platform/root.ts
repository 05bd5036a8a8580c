import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project folder, where `static/`, `db/` and `src/` are read at run time. Found by walking up from
 * this file to our package.json rather than by a fixed number of `..`, because `npm start` runs one
 * bundled file that lives elsewhere (decision 015) and every module in it has the bundle's URL.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json')
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'tillsammans') return dir
    if (path.dirname(dir) === dir) throw new Error(`no tillsammans package.json above ${from}`)
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)))
