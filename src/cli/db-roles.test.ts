import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { buildApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { audit } from '../platform/audit/audit.ts'
import { verifyAuditChain } from '../platform/audit/verify.ts'
import { type Database, fromPool } from '../platform/db/connection.ts'
import { prepareDatabase } from '../platform/db/prepare.ts'
import { queryRows } from '../platform/db/query-rows.ts'
import { createDeps } from '../platform/deps.ts'
import { TestBrowser } from '../test-support/browser.ts'
import { buildUser } from '../test-support/factories.ts'
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.ts'
import { grantsSql, rolesSql } from './db-roles.ts'

/**
 * Issue 7 A7: the application runs under a role that does not own the audit table, so it cannot
 * switch off the append-only trigger, rewrite, delete or truncate events — only read and append.
 */
const serverUrl = process.env.TEST_DATABASE_URL
const suffix = randomBytes(3).toString('hex')
// Roles are global to the server: names of this run's own, removed afterwards.
const roles = { owner: `t_owner_${suffix}`, app: `t_app_${suffix}` }
const passwords = { owner: `ägare-${randomBytes(12).toString('hex')}`, app: `app-${randomBytes(12).toString('hex')}` }

describe('database roles', { skip: serverUrl ? false : 'PGlite has one user and no roles: this runs on the PostgreSQL server (TEST_DATABASE_URL)' }, () => {
  let t: TestDatabase
  let databaseName: string
  let app: Database
  const urlAs = (role: keyof typeof roles) => {
    const u = new URL(serverUrl!)
    u.username = roles[role]
    u.password = passwords[role]
    u.pathname = `/${databaseName}`
    return u.toString()
  }

  before(async () => {
    t = await openTestDatabase()
    ;[{ name: databaseName }] = await queryRows<{ name: string }>(t.database.db, sql`select current_database() as name`)
    // As the superuser, the way an operator runs `npm run cli -- db-roles --execute`; twice, as it is idempotent.
    await t.database.query(rolesSql(databaseName, roles, passwords))
    await t.database.query(rolesSql(databaseName, roles, passwords))
    app = fromPool(new pg.Pool({ connectionString: urlAs('app'), max: 3 }))
  })
  after(async () => {
    await app?.close()
    await t?.drop()
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    for (const r of [roles.app, roles.owner]) await admin.query(`drop role if exists ${r}`)
    await admin.end()
  })

  const refused = async (statement: string, code = '42501') =>
    assert.rejects(app.query(statement), (err: { code?: string; message?: string }) => {
      assert.equal(err.code, code, `${statement} → ${err.code} ${err.message}`)
      return true
    })

  test('the owner role owns every table; the application role owns none of them', async () => {
    const owners = await queryRows<{ owner: string; n: number }>(
      t.database.db,
      sql`select tableowner as owner, count(*)::int as n from pg_tables where schemaname = 'public' group by tableowner`,
    )
    assert.deepEqual(
      owners.map((o) => o.owner),
      [roles.owner],
    )
  })

  test('the application role reads and appends to the audit trail, and nothing more', async () => {
    await app.db.transaction((tx) => audit(tx, { actor: { label: 'test' } }, { action: 'thing.created', entityType: 'thing', after: { name: 'som app' } }))
    const [{ n }] = (await app.query<{ n: number }>('select count(*)::int as n from audit_events')).rows
    assert.ok(n >= 1)
    await refused(`update audit_events set action = 'forged'`)
    await refused('delete from audit_events')
    await refused('truncate audit_events')
    await refused('alter table audit_events disable trigger audit_events_no_update_delete')
    await refused('drop table audit_events')
    await refused('create table smuggled (id int)')
    assert.deepEqual(await verifyAuditChain(app.db), { ok: true, count: n })
  })

  test('the application starts, signs people in and writes under the application role', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      TILLSAMMANS_DEMO: 'false',
      TILLSAMMANS_WORKERS: 'false',
      TILLSAMMANS_DATA_DIR: '/nonexistent',
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    })
    const deps = await createDeps(config, app)
    await prepareDatabase(deps) // migrations already applied: reads them, changes nothing
    const server = await buildApp(config, deps)
    await server.ready()
    try {
      const u = await buildUser(deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
      const b = new TestBrowser(server)
      await b.login(u.email, u.password)
      assert.equal((await b.get('/admin/audit')).statusCode, 200)
    } finally {
      await server.close()
    }
  })

  test('a later migration’s table gets the ordinary rights; re-running the grants keeps the audit trail append-only', async () => {
    const owner = fromPool(new pg.Pool({ connectionString: urlAs('owner'), max: 1 }))
    try {
      await owner.query('create table later_feature (id int primary key)')
      await owner.query(grantsSql(roles))
    } finally {
      await owner.close()
    }
    await app.query('insert into later_feature values (1)')
    await app.query('delete from later_feature')
    await refused('delete from audit_events')
    await refused('truncate later_feature')
  })
})
