import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './platform/db/connection.ts'

/**
 * Process entry: configuration, database, app, listen; stops cleanly on SIGTERM/SIGINT.
 * The database opens while the application modules load (dynamic imports), which shortens the
 * cold start a newcomer waits through.
 */
async function main() {
  const config = loadConfig()
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fromBase: true })
  const [{ buildApp }, { migrate }, { createDeps }, { prepareDatabase, loadDemoStoryInBackground }] = await Promise.all([
    import('./app.ts'),
    import('./platform/db/migrator.ts'),
    import('./platform/deps.ts'),
    import('./platform/db/prepare.ts'),
  ])
  const database = await opening
  // The installation secret lives in a table, so the schema must exist before the deps are made.
  await migrate(database)
  const deps = await createDeps(config, database)
  await prepareDatabase(deps, { deferStory: true })
  const app = await buildApp(config, deps)
  // The first page someone opens is answered before the start-up work that holds PGlite's single
  // connection for seconds (the demo's example history, the job queue's tables): that work begins once
  // a first response has gone out, or after a second.
  const firstResponse = new Promise<void>((resolve) => {
    app.addHook('onResponse', async () => resolve())
    setTimeout(resolve, 1000).unref()
  })
  await app.listen({ port: config.port, host: config.host })
  const story = loadDemoStoryInBackground(deps, app.log, firstResponse)
  await deps.jobs.start({ work: config.runWorkers, logger: app.log, after: firstResponse })
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`
  app.log.info({ url: config.baseUrl, database: where, demo: config.demo, workers: config.runWorkers }, 'Tillsammans is running')
  console.log(`\n  Tillsammans körs på ${config.baseUrl}  (databas: ${where}${config.demo ? ', demoläge' : ''})\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10000)
    timer.unref()
    await app.close()
    // A half-written example history is finished by the next start, but a transaction cut by
    // closing the database under it is not worth the log noise: let it end first.
    await story
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
