import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { pagesRoutes } from './pages.routes.tsx'

/** The parts everyone can read: start page, about page and the accessibility statement. */
export async function pages(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.nav.add({ href: '/', labelKey: 'platform.nav.home', order: 0, visible: () => true })
  pagesRoutes(app, deps)
}
