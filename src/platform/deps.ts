import { sql } from 'drizzle-orm'
import type { Config } from '../config.ts'
import { installationSecrets } from '../features/accounts/accounts.tables.ts'
import { ChangeFeed } from './db/change-feed.ts'
import { type Database, openDatabase } from './db/connection.ts'
import type { Db } from './db/types.ts'
import { PolicyRegistry } from './http/policies.ts'
import { Signer, randomToken } from './http/signing.ts'
import type { Actor } from './http/actor.ts'
import { NavRegistry } from './nav/registry.ts'
import { TodoRegistry } from './todo/registry.ts'
import { AuditLabelRegistry } from './audit/labels.ts'
import { Jobs } from './jobs/jobs.ts'
import { ApiRegistry } from './api/openapi.ts'
import type { FastifyRequest } from 'fastify'
import type { ZodType } from 'zod'

/** How the platform finds the actor of a request; the accounts and api-tokens features fill these in. */
export interface Authenticators {
  session?: (token: string, req: FastifyRequest) => Promise<Actor | undefined>
  bearer?: (token: string, req: FastifyRequest) => Promise<Actor | undefined>
}

/** Everything a feature needs, created once per process (or per test app). */
export interface Deps {
  config: Config
  database: Database
  db: Db
  /** Committed changes the caches must forget (LISTEN/NOTIFY); started and stopped with the app. */
  changes: ChangeFeed
  signer: Signer
  policies: PolicyRegistry
  nav: NavRegistry
  /** What each signed-in user has to do, for the home page (features add providers). */
  todos: TodoRegistry
  /** Swedish and English names of audit action codes and entity types (each feature adds its own). */
  auditLabels: AuditLabelRegistry
  auth: Authenticators
  jobs: Jobs
  api: ApiRegistry
  /** Every route with its policy, as registered (for the policy matrix test and the admin overview). */
  routes: RegisteredRoute[]
}

/** A route as registered: its policy, and for the enumerating tests whether it takes files and which form it parses. */
export interface RegisteredRoute {
  method: string
  url: string
  policy: string
  uploads?: true
  /** The Zod schema of the form the route parses (`config.form`), for tests that walk every field. */
  form?: ZodType
}

export async function createDeps(config: Config, database?: Database): Promise<Deps> {
  const db = database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  const changes = new ChangeFeed(db)
  return {
    config,
    database: db,
    db: db.db,
    changes,
    signer: new Signer(config.sessionSecret ?? (await installationSecret(db.db, 'session_secret'))),
    policies: new PolicyRegistry(),
    nav: new NavRegistry(),
    todos: new TodoRegistry(changes),
    auditLabels: new AuditLabelRegistry(),
    auth: {},
    jobs: new Jobs(db, config),
    api: new ApiRegistry(),
    routes: [],
  }
}

/** A secret generated on first use and shared by every instance through the database. */
async function installationSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(installationSecrets)
    .values({ name, value: randomToken(48) })
    .onConflictDoNothing()
  const [row] = await db.select({ value: installationSecrets.value }).from(installationSecrets).where(sql`${installationSecrets.name} = ${name}`)
  return row.value
}
