import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../app.ts'
import { CHANGE_FEED_APPLICATION, type ChangeFeed } from '../../platform/db/change-feed.ts'
import { fromPool } from '../../platform/db/connection.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { createDeps, type Deps } from '../../platform/deps.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { fakeFeed } from '../../test-support/fake-change-feed.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.ts'

/**
 * Two instances of the app on one database, each with its own session cache: a change made through
 * instance A — or straight in the database — applies on instance B at its very next request. On
 * PostgreSQL B has its own pool and its own listening connection, as a second server would; on PGlite
 * (one process per data folder) both apps share the one embedded database.
 */
let a: TestApp
let b: { app: FastifyInstance; deps: Deps; close(): Promise<void> }
let admin: TestBrowser
const onPostgres = !!process.env.TEST_DATABASE_URL

before(async () => {
  a = await buildTestApp()
  const pool = a.deps.database.pool
  const database = pool ? fromPool(new pg.Pool({ ...(pool as unknown as { options: pg.PoolConfig }).options, max: 3 })) : a.deps.database
  const deps = await createDeps(a.deps.config, database)
  const app = await buildApp(a.deps.config, deps)
  await app.ready()
  b = {
    app,
    deps,
    async close() {
      await app.close()
      if (pool) await database.close()
    },
  }
  const adminUser = await buildUser(a.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(a.app)
  await admin.login(adminUser.email, adminUser.password)
})
after(async () => {
  await b?.close()
  await a?.close()
})

/** Signs in on A and returns the session cookie; the first page on B puts the session in B's cache. */
async function signedInOnBoth(user: BuiltUser): Promise<{ browser: TestBrowser; cookie: string }> {
  const browser = new TestBrowser(a.app)
  await browser.login(user.email, user.password)
  const cookie = `tm_session=${browser.cookie('tm_session')}`
  for (let i = 0; i < 2; i++) assert.equal((await onB('/account', cookie)).statusCode, 200, 'signed in on B')
  return { browser, cookie }
}

const onB = (url: string, cookie: string) => b.app.inject({ method: 'GET', url, headers: { cookie } })
const userVersion = async (id: string) => (await queryRows<{ version: number }>(a.deps.db, sql`select version from users where id = ${id}`))[0].version
/** Changes a row with triggers off (as a replica would): the caches hear nothing of it. */
const silently = (db: Deps['db'], query: ReturnType<typeof sql>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`)
    await tx.execute(query)
  })

describe('sessions held in memory, on two instances', () => {
  test('a signed-in request is answered from memory until the database says the session changed', async () => {
    const user = await buildUser(a.deps)
    const { cookie } = await signedInOnBoth(user)
    await silently(a.deps.db, sql`delete from sessions where user_id = ${user.id}`)
    assert.equal((await onB('/account', cookie)).statusCode, 200, 'B did not ask the database')
    await a.deps.db.execute(sql`select pg_notify('tillsammans_changes', ${`user:${user.id}`})`)
    assert.equal((await onB('/account', cookie)).statusCode, 303, 'the notification made B forget the session')
  })

  test('logging out on A ends the session on B at its next request', async () => {
    const user = await buildUser(a.deps)
    const { browser, cookie } = await signedInOnBoth(user)
    assert.equal((await browser.post('/logout')).statusCode, 303)
    const res = await onB('/account', cookie)
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/login/)
  })

  test('deactivating a user on A ends their session on B at its next request', async () => {
    const user = await buildUser(a.deps, { role: 'editor' })
    const { cookie } = await signedInOnBoth(user)
    await admin.get(`/admin/users/${user.id}`)
    const res = await admin.post(`/admin/users/${user.id}/status`, { status: 'deactivated', version: String(await userVersion(user.id)) })
    assert.equal(res.statusCode, 303)
    assert.equal((await onB('/account', cookie)).statusCode, 303)
  })

  test('a role granted and then revoked on A applies on B at its next request', async () => {
    const user = await buildUser(a.deps, { role: 'viewer', organisationCode: 'lansstyrelsen-05' })
    const { cookie } = await signedInOnBoth(user)
    assert.equal((await onB('/admin/users', cookie)).statusCode, 403)
    await admin.get(`/admin/users/${user.id}`)
    const granted = await admin.post(`/admin/users/${user.id}/roles`, { organisationId: user.organisationId, role: 'coordinator' })
    assert.equal(granted.statusCode, 303)
    assert.equal((await onB('/admin/users', cookie)).statusCode, 200, 'the new role counts on B at once')

    const [grant] = await queryRows<{ id: string }>(a.deps.db, sql`select id from role_grants where user_id = ${user.id} and role = 'coordinator'`)
    await admin.get(`/admin/users/${user.id}`)
    assert.equal((await admin.post(`/admin/users/${user.id}/roles/${grant.id}/delete`)).statusCode, 303)
    assert.equal((await onB('/admin/users', cookie)).statusCode, 403, 'the revoked role is gone on B at once')
  })

  test('changing the password on A ends the other sessions of the user on B', async () => {
    const user = await buildUser(a.deps)
    const other = await signedInOnBoth(user)
    const current = await signedInOnBoth(user)
    await current.browser.get('/account/password')
    const res = await current.browser.post('/account/password', {
      currentPassword: user.password,
      newPassword: 'ett-nytt-långt-lösenord-2026',
      confirmPassword: 'ett-nytt-långt-lösenord-2026',
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    assert.equal((await onB('/account', other.cookie)).statusCode, 303, 'the other session ended')
    assert.equal((await onB('/account', current.cookie)).statusCode, 200, 'the session that changed it goes on')
  })

  test('a change made straight in the database (not through the app) applies at the next request', async () => {
    const user = await buildUser(a.deps)
    const { cookie } = await signedInOnBoth(user)
    await a.deps.db.execute(sql`update users set status = 'deactivated' where id = ${user.id}`)
    assert.equal((await onB('/account', cookie)).statusCode, 303)
  })

  test('the account page and the collaboration list on B show a change made on A at its next request', async () => {
    const user = await buildUser(a.deps, { role: 'viewer', organisationCode: 'lansstyrelsen-05' })
    const { cookie } = await signedInOnBoth(user)
    assert.doesNotMatch((await onB('/account', cookie)).body, /Samordnare/)
    await admin.get(`/admin/users/${user.id}`)
    assert.equal((await admin.post(`/admin/users/${user.id}/roles`, { organisationId: user.organisationId, role: 'coordinator' })).statusCode, 303)
    assert.match((await onB('/account', cookie)).body, /Samordnare/, 'the new role is listed on B at once')

    const adminCookie = `tm_session=${admin.cookie('tm_session')}`
    const [otmb] = await queryRows<{ name: string }>(a.deps.db, sql`select name from collaborations where code = 'otmb'`)
    assert.match((await onB('/collaborations', adminCookie)).body, new RegExp(otmb.name))
    try {
      await a.deps.db.execute(sql`update collaborations set name = 'Omdöpt samverkan' where code = 'otmb'`)
      assert.match((await onB('/collaborations', adminCookie)).body, /Omdöpt samverkan/, 'the renamed collaboration on B at once')
    } finally {
      await a.deps.db.execute(sql`update collaborations set name = ${otmb.name} where code = 'otmb'`)
    }
  })

  test('"last seen" is not written on every request', async () => {
    const user = await buildUser(a.deps)
    const { cookie } = await signedInOnBoth(user)
    const lastSeen = async () =>
      (await queryRows<{ at: string }>(a.deps.db, sql`select last_seen_at::text as at from sessions where user_id = ${user.id}`))[0].at
    const first = await lastSeen()
    for (let i = 0; i < 5; i++) await onB('/account', cookie)
    assert.equal(await lastSeen(), first)
  })

  test('while B does not listen, it answers nothing from memory; then it listens again', { skip: !onPostgres && 'PostgreSQL only' }, async () => {
    const user = await buildUser(a.deps)
    const { cookie } = await signedInOnBoth(user)
    await a.deps.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${CHANGE_FEED_APPLICATION} and datname = current_database()`,
    )
    for (let i = 0; b.deps.changes.live && i < 100; i++) await sleep(10)
    await silently(a.deps.db, sql`delete from sessions where user_id = ${user.id}`)
    assert.equal((await onB('/account', cookie)).statusCode, 303, 'B asked the database')
    for (let i = 0; !b.deps.changes.live && i < 300; i++) await sleep(10)
    assert.ok(b.deps.changes.live, 'B listens again')
    assert.equal((await signedInOnBoth(await buildUser(a.deps))).cookie.length > 0, true)
  })
})

describe('the session cache on its own', () => {
  const actor = (userId: string) => ({
    userId,
    email: 'x@test.invalid',
    name: 'X',
    organisationId: 'o',
    organisationName: 'O',
    roles: [],
    via: 'session' as const,
    mustChangePassword: false,
  })
  const entry = (userId: string) => ({ actor: actor(userId), lastSeenAt: Date.now(), expiresAt: Date.now() + 60_000, cachedAt: Date.now() })

  test('what was read before a change is not kept, what was read after it is', async () => {
    const feed = fakeFeed()
    const cache = new SessionCache(feed as unknown as ChangeFeed)
    const before = cache.generation
    feed.change({ kind: 'user', userId: 'u1' })
    cache.put('s1', entry('u1'), before)
    assert.equal(await cache.get('s1'), undefined)
    cache.put('s1', entry('u1'), cache.generation)
    assert.ok(await cache.get('s1'))
    feed.change({ kind: 'user', userId: 'u2' })
    assert.ok(await cache.get('s1'), 'another user’s change leaves it')
    feed.change({ kind: 'user', userId: 'u1' })
    assert.equal(await cache.get('s1'), undefined, 'its user’s change removes it')
  })

  test('nothing is answered or kept while the feed does not listen', async () => {
    const feed = fakeFeed()
    const cache = new SessionCache(feed as unknown as ChangeFeed)
    cache.put('s1', entry('u1'), cache.generation)
    feed.live = false
    assert.equal(await cache.get('s1'), undefined)
    cache.put('s2', entry('u2'), cache.generation)
    feed.live = true
    assert.equal(await cache.get('s2'), undefined)
  })

  test('an entry is kept no longer than its time to live, nor past the session’s expiry', async () => {
    const cache = new SessionCache(fakeFeed() as unknown as ChangeFeed)
    cache.put('s1', entry('u1'), cache.generation)
    assert.ok(await cache.get('s1', Date.now() + SESSION_CACHE_TTL_MS - 1000))
    assert.equal(await cache.get('s1', Date.now() + SESSION_CACHE_TTL_MS + 1), undefined)
    cache.put('s2', { ...entry('u2'), expiresAt: Date.now() + 10 }, cache.generation)
    assert.equal(await cache.get('s2', Date.now() + 20), undefined)
  })

  test('requests arriving together share one load; one arriving after a change starts its own', async () => {
    const feed = fakeFeed()
    const cache = new SessionCache(feed as unknown as ChangeFeed)
    let loads = 0
    const loader = async () => {
      loads++
      await sleep(5)
      return actor('u1')
    }
    const first = cache.load('s1', loader)
    const second = cache.load('s1', loader)
    feed.change({ kind: 'user', userId: 'u1' })
    const third = cache.load('s1', loader)
    await Promise.all([first, second, third])
    assert.equal(loads, 2)
  })
})
