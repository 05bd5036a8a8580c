import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './platform/db/connection.ts'

/**
 * `npm run worker`: works the background jobs in a process of its own, so web instances can run with
 * TILLSAMMANS_WORKERS=false. It builds the same app as the web process (without listening), so every
 * feature defines its jobs and schedules exactly as it does there.
 */
async function main() {
  const config = loadConfig()
  if (!config.databaseUrl) {
    // PGlite is one process's database (the data folder lock refuses a second one), so the embedded
    // installation always works its jobs inside `npm start`.
    console.error(
      [
        'npm run worker kräver en PostgreSQL-server (DATABASE_URL).',
        'Den inbäddade databasen (PGlite) kan bara användas av en process: jobben körs då i `npm start`.',
        '',
        'npm run worker needs a PostgreSQL server (DATABASE_URL).',
        'The embedded database (PGlite) can only be used by one process: its jobs run inside `npm start`.',
      ].join('\n'),
    )
    process.exit(1)
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const [{ buildApp }, { migrate }, { createDeps }] = await Promise.all([import('./app.ts'), import('./platform/db/migrator.ts'), import('./platform/deps.ts')])
  // Migrations take an advisory lock, so a worker and web instances starting together do not race.
  await migrate(database)
  const deps = await createDeps(config, database)
  const app = await buildApp(config, deps)
  await app.ready()
  await deps.jobs.start({ work: true, logger: app.log })
  app.log.info({ jobs: deps.jobs.names }, 'Tillsammans worker is running')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'worker shutting down')
    const timer = setTimeout(() => process.exit(1), 15000)
    timer.unref()
    // Jobs first: running handlers finish (or fail and are retried later) while the database is still open.
    await deps.jobs.stop().catch((err) => app.log.error({ err }, 'stopping the job queue failed'))
    await app.close()
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
