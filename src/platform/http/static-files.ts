import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { ROOT } from '../root.ts'

export const STATIC_DIR = path.join(ROOT, 'static')

/** Files the pages link to by a fingerprinted URL; everything else under static/ is served as it is. */
const FINGERPRINTED = ['css/app.css', 'css/print.css', 'js/app.js', 'favicon.svg']
const ONE_YEAR = 365 * 24 * 3600
const ONE_HOUR = 3600
const ONE_DAY = 24 * 3600

interface Manifest {
  /** css/app.css → css/app.3f9a1c2b7d.css */
  urls: Map<string, string>
  /** css/app.3f9a1c2b7d.css → css/app.css */
  files: Map<string, string>
}

let manifest: Manifest | undefined

/**
 * Content hashes of the linked files, computed once at start: a deploy that changes a file changes
 * its URL, so browsers may keep every version for a year without ever asking again.
 */
export function staticManifest(dir = STATIC_DIR): Manifest {
  if (manifest && dir === STATIC_DIR) return manifest
  const built: Manifest = { urls: new Map(), files: new Map() }
  for (const file of FINGERPRINTED) {
    const full = path.join(dir, file)
    if (!fs.existsSync(full)) continue
    const hash = createHash('sha256').update(fs.readFileSync(full)).digest('hex').slice(0, 10)
    const ext = path.extname(file)
    const hashed = `${file.slice(0, -ext.length)}.${hash}${ext}`
    built.urls.set(file, hashed)
    built.files.set(hashed, file)
  }
  if (dir === STATIC_DIR) manifest = built
  return built
}

/** The URL a page links to: `/static/css/app.<hash>.css`, or the plain path for files not fingerprinted. */
export function staticUrl(file: string): string {
  return `/static/${staticManifest().urls.get(file) ?? file}`
}

const HASHED = /^(.+)\.[0-9a-f]{10}(\.\w+)$/

/**
 * CSS, the enhancement script, the favicon and map data; public. Fingerprinted URLs are cached for a
 * year and marked immutable; the plain paths (and a fingerprint from an earlier deploy, still named
 * in a page someone has open) get the current file, cached for an hour. The plugin's own routes
 * cannot carry a policy, so it only lends reply.sendFile and our route declares `public`.
 */
export async function staticFiles(app: FastifyInstance) {
  const { files } = staticManifest()
  await app.register(fastifyStatic, { root: STATIC_DIR, serve: false })
  app.get('/static/*', { config: { policy: 'public' }, logLevel: 'warn' }, async (req, reply) => {
    const requested = (req.params as { '*': string })['*']
    const current = files.get(requested)
    if (current) {
      return reply.header('cache-control', `public, max-age=${ONE_YEAR}, immutable`).sendFile(current, { cacheControl: false })
    }
    const stale = HASHED.exec(requested)
    const file = stale && FINGERPRINTED.includes(`${stale[1]}${stale[2]}`) ? `${stale[1]}${stale[2]}` : requested
    return reply.header('cache-control', `public, max-age=${ONE_HOUR}`).sendFile(file, { cacheControl: false })
  })
  // Browsers ask for /favicon.ico on their own, whatever the page links to.
  app.get('/favicon.ico', { config: { policy: 'public' }, logLevel: 'warn' }, async (_req, reply) =>
    reply.header('cache-control', `public, max-age=${ONE_DAY}`).sendFile('favicon.ico', { cacheControl: false }),
  )
}
