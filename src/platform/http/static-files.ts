import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

export const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../static')

/**
 * CSS, the enhancement script and map data; public, cached for an hour. The plugin's own routes
 * cannot carry a policy, so it only lends reply.sendFile and our route declares `public`.
 */
export async function staticFiles(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: STATIC_DIR, serve: false, maxAge: 3600 * 1000 })
  app.get('/static/*', { config: { policy: 'public' }, logLevel: 'warn' }, async (req, reply) => {
    const file = (req.params as { '*': string })['*']
    return reply.sendFile(file)
  })
}
