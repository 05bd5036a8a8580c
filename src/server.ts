import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './platform/db/connection.ts'
import { migrate } from './platform/db/migrator.ts'
import { createDeps } from './platform/deps.ts'
import { prepareDatabase } from './platform/db/prepare.ts'

/** Process entry: configuration, database, app, listen; stops cleanly on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  // The installation secret lives in a table, so the schema must exist before the deps are made.
  await migrate(database)
  const deps = await createDeps(config, database)
  await prepareDatabase(deps)
  const app = await buildApp(config, deps)
  await deps.jobs.start({ work: config.runWorkers })
  await app.listen({ port: config.port, host: config.host })
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`
  app.log.info({ url: config.baseUrl, database: where, demo: config.demo }, 'Tillsammans is running')
  console.log(`\n  Tillsammans körs på ${config.baseUrl}  (databas: ${where}${config.demo ? ', demoläge' : ''})\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10000)
    timer.unref()
    await app.close()
    await deps.jobs.stop().catch(() => {})
    await database.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
})
