import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { AboutPage } from './views/about-page.tsx'
import { AccessibilityPage } from './views/accessibility-page.tsx'
import { CookiesPage } from './views/cookies-page.tsx'
import { HomePage } from './views/home-page.tsx'

/**
 * Search engines may index the pages anyone can read; everything behind a login answers 401 or
 * redirects anyway, and saying so keeps crawlers off the API and the login form.
 */
const ROBOTS = [
  'User-agent: *',
  'Allow: /$',
  'Allow: /about',
  'Allow: /accessibility',
  'Allow: /cookies',
  'Allow: /open-data',
  'Allow: /public/',
  'Allow: /static/',
  'Disallow: /',
  '',
].join('\n')

/** Start page, about page, the accessibility statement, cookies and personal data, robots.txt. */
export function pagesRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/', { config: { policy: 'public' } }, async (req, reply) => {
    // API tokens have no home page; a signed-in person gets their to-do list.
    const todos =
      req.actor?.via === 'session' ? await deps.todos.for(req.actor, (name, err) => req.log.error({ err, provider: name }, 'to-do provider failed')) : undefined
    return reply.page(<HomePage todos={todos} />)
  })
  app.get('/about', { config: { policy: 'public' } }, async (_req, reply) => reply.page(<AboutPage />))
  app.get('/accessibility', { config: { policy: 'public' } }, async (_req, reply) =>
    reply.page(<AccessibilityPage contactEmail={deps.config.accessibilityContact} />),
  )
  app.get('/cookies', { config: { policy: 'public' } }, async (_req, reply) => reply.page(<CookiesPage contactEmail={deps.config.accessibilityContact} />))
  app.get('/robots.txt', { config: { policy: 'public' }, logLevel: 'warn' }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(ROBOTS),
  )
}
