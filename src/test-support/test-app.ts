import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { type Config, loadConfig } from '../config.ts'
import { prepareDatabase } from '../platform/db/prepare.ts'
import { type Deps, createDeps } from '../platform/deps.ts'
import { openTestDatabase } from './test-database.ts'

export interface TestApp {
  app: FastifyInstance
  deps: Deps
  close(): Promise<void>
}

/** The real application on a private test database: the same plugins, policies and SQL users get. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config: Config = loadConfig({
    LOG_LEVEL: 'silent',
    TILLSAMMANS_DEMO: 'false',
    TILLSAMMANS_WORKERS: 'false',
    TILLSAMMANS_DATA_DIR: '/nonexistent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ...env,
  })
  const { database, drop } = await openTestDatabase()
  const deps = await createDeps(config, database)
  await prepareDatabase(deps)
  const app = await buildApp(config, deps)
  await app.ready()
  return {
    app,
    deps,
    async close() {
      await app.close()
      await deps.jobs.stop()
      await drop()
    },
  }
}
