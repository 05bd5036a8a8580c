import { createHash, timingSafeEqual } from 'node:crypto'
import { demoStoryLoading } from '../db/demo-story-state.ts'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Deps } from '../deps.ts'

/** /healthz (the process answers), /readyz (the database answers) and /metrics in Prometheus format (with METRICS_TOKEN). */
async function observabilityPlugin(app: FastifyInstance, { deps }: { deps: Deps }) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })

  app.addHook('onResponse', (req, reply, done) => {
    // The route pattern, never the raw URL, so label cardinality stays bounded.
    const route = req.routeOptions.url ?? 'unmatched'
    requests.inc({ method: req.method, route, status: String(reply.statusCode) })
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000)
    done()
  })

  app.get('/healthz', { config: { policy: 'public' }, logLevel: 'warn' }, async (_req, reply) => reply.send({ status: 'ok' }))

  app.get('/readyz', { config: { policy: 'public' }, logLevel: 'warn' }, async (_req, reply) => {
    try {
      await deps.database.query('select 1')
      // A new demo answers at once but is not what it promises until its example history is written.
      if (demoStoryLoading()) return reply.code(503).send({ status: 'loading-demo-data', database: deps.database.kind })
      return reply.send({ status: 'ready', database: deps.database.kind })
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.database.kind })
    }
  })

  // Route names, error rates and process details are not for everyone: /metrics exists only with a
  // configured token, and answers only a request that bears it (compared in constant time).
  const token = deps.config.metricsToken
  if (token) {
    const expected = createHash('sha256').update(`Bearer ${token}`).digest()
    app.get('/metrics', { config: { policy: 'public' }, logLevel: 'warn' }, async (req, reply) => {
      const given = createHash('sha256')
        .update(req.headers.authorization ?? '')
        .digest()
      if (!timingSafeEqual(given, expected)) return reply.code(401).header('www-authenticate', 'Bearer').send({ status: 401 })
      return reply
        .type(registry.contentType)
        .header('cache-control', 'no-store')
        .send(await registry.metrics())
    })
  }
}

export const observability = fp(observabilityPlugin, { name: 'tillsammans-observability' })
