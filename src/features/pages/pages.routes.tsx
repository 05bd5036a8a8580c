import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { AboutPage } from './views/about-page.tsx'
import { AccessibilityPage } from './views/accessibility-page.tsx'
import { HomePage } from './views/home-page.tsx'

/** Start page, about page and the accessibility statement. */
export function pagesRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/', { config: { policy: 'public' } }, async (_req, reply) => reply.page(<HomePage />))
  app.get('/about', { config: { policy: 'public' } }, async (_req, reply) => reply.page(<AboutPage />))
  app.get('/accessibility', { config: { policy: 'public' } }, async (_req, reply) =>
    reply.page(<AccessibilityPage contactEmail={deps.config.accessibilityContact} />),
  )
}
