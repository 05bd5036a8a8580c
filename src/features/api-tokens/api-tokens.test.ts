import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { sha256 } from '../../platform/http/signing.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { expiryInstant, lastValidDay } from './api-tokens.service.ts'

let t: TestApp
let admin: BuiltUser
let b: TestBrowser
before(async () => {
  t = await buildTestApp()
  admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05', name: 'Ada Admin' })
  b = new TestBrowser(t.app)
  await b.login(admin.email, admin.password)
})
after(() => t.close())

const SECRET_BOX = /<p class="secret" id="token-value">([^<]+)<\/p>/

/** Creates a token through the admin pages, as an administrator would, and reads the secret off the page. */
async function createToken(fields: Record<string, string | string[]>) {
  await b.get('/admin/api-tokens/new')
  const res = await b.post('/admin/api-tokens', { scopes: 'read', ...fields })
  return { res, secret: SECRET_BOX.exec(res.body)?.[1] }
}

const api = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })

function assertProblem(res: Awaited<ReturnType<typeof api>>, status: number) {
  assert.equal(res.statusCode, status)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  assert.equal(body.status, status)
  assert.equal(typeof body.title, 'string')
  assert.ok(body.title.length > 0)
}

describe('API token lifecycle', () => {
  test('an admin creates a token, sees the secret once, the token acts as its user, and revoking it refuses it', async () => {
    const editor = await buildUser(t.deps, { role: 'editor', name: 'Elis Redaktör' })
    const { res, secret } = await createToken({ name: 'Statistiksystemet', userId: editor.id, expiresOn: '' })
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['cache-control'] as string, /no-store/)
    assert.ok(secret, 'the secret is shown in the .secret box')
    assert.match(secret!, /^tm_[A-Za-z0-9_-]{43}$/)
    assert.match(res.body, /Den visas inte igen/)
    assert.match(res.body, /<button type="button" class="button button--secondary" data-copy="token-value" data-copied="Kopierat" hidden>/)

    const list = await b.get('/admin/api-tokens')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Statistiksystemet/)
    assert.match(list.body, /Elis Redaktör/)
    assert.match(list.body, /Ada Admin/)
    assert.match(list.body, /tag--green">Aktiv</)
    assert.match(list.body, /Tills vidare/)
    assert.ok(!list.body.includes(secret!), 'the list never shows the secret again')

    const me = await api('/api/v1/me', secret)
    assert.equal(me.statusCode, 200)
    assert.deepEqual(me.json(), {
      id: editor.id,
      email: editor.email,
      name: 'Elis Redaktör',
      organisation: { id: editor.organisationId, name: 'Linköpings kommun' },
      roles: [{ organisationId: editor.organisationId, role: 'editor' }],
      authenticatedWith: 'token',
    })
    assert.doesNotMatch((await b.get('/admin/api-tokens')).body, />Aldrig</, 'last use is recorded')

    // The database and the audit trail hold neither the secret nor anything but its hash in api_tokens.
    const rows = await queryRows<Record<string, unknown>>(t.deps.db, sql`select * from api_tokens where user_id = ${editor.id}`)
    assert.equal(rows.length, 1)
    assert.ok(!JSON.stringify(rows).includes(secret!), 'no plaintext token in api_tokens')
    assert.equal(rows[0].token_hash, sha256(secret!))
    const id = rows[0].id as string

    await b.get('/admin/api-tokens')
    const revoke = await b.post(`/admin/api-tokens/${id}/revoke`)
    assert.equal(revoke.statusCode, 303)
    assert.equal(revoke.headers.location, '/admin/api-tokens')
    const after = await b.get('/admin/api-tokens')
    assert.match(after.body, /API-nyckeln Statistiksystemet är återkallad/)
    assert.match(after.body, /tag--red">Återkallad</)

    assertProblem(await api('/api/v1/me', secret), 401)

    const events = await queryRows<{ action: string; actor_user_id: string; payload: string; organisation_id: string }>(
      t.deps.db,
      sql`select action, actor_user_id, payload, organisation_id from audit_events where entity_type = 'api_token' and entity_id = ${id} order by seq`,
    )
    assert.deepEqual(
      events.map((e) => e.action),
      ['api_token.created', 'api_token.revoked'],
    )
    for (const e of events) {
      assert.equal(e.actor_user_id, admin.id)
      assert.equal(e.organisation_id, editor.organisationId)
      assert.ok(!e.payload.includes(secret!), 'the secret is never audited')
      assert.ok(!e.payload.includes(sha256(secret!)), 'nor its hash')
    }
  })

  test('revoking twice writes once and says it was already revoked', async () => {
    const viewer = await buildUser(t.deps)
    const { secret } = await createToken({ name: 'Dubbel', userId: viewer.id })
    const [{ id }] = await queryRows<{ id: string }>(t.deps.db, sql`select id from api_tokens where token_hash = ${sha256(secret!)}`)
    await b.get('/admin/api-tokens')
    await b.post(`/admin/api-tokens/${id}/revoke`)
    await b.get('/admin/api-tokens')
    assert.equal((await b.post(`/admin/api-tokens/${id}/revoke`)).statusCode, 303)
    assert.match((await b.get('/admin/api-tokens')).body, /API-nyckeln var redan återkallad/)
    const [{ n }] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_events where action = 'api_token.revoked' and entity_id = ${id}`,
    )
    assert.equal(n, 1)
    assert.equal((await b.post('/admin/api-tokens/00000000-0000-0000-0000-000000000000/revoke')).statusCode, 404)
    assert.equal((await b.post('/admin/api-tokens/not-a-uuid/revoke')).statusCode, 404)
  })

  test('a token past its expiry is refused with 401', async () => {
    const viewer = await buildUser(t.deps)
    const { res, secret } = await createToken({ name: 'Kortlivad', userId: viewer.id, expiresOn: '2099-12-31' })
    assert.match(res.body, /2099-12-31/)
    assert.equal((await api('/api/v1/me', secret)).statusCode, 200)
    await t.deps.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where token_hash = ${sha256(secret!)}`)
    assertProblem(await api('/api/v1/me', secret), 401)
    assert.match((await b.get('/admin/api-tokens')).body, /tag--grey">Har gått ut</)
  })

  test('a token stops working when its user is deactivated', async () => {
    const viewer = await buildUser(t.deps)
    const { secret } = await createToken({ name: 'Avslutad', userId: viewer.id })
    assert.equal((await api('/api/v1/me', secret)).statusCode, 200)
    await t.deps.db.execute(sql`update users set status = 'deactivated' where id = ${viewer.id}`)
    assertProblem(await api('/api/v1/me', secret), 401)
  })

  test('last use is written at most once a minute', async () => {
    const viewer = await buildUser(t.deps)
    const { secret } = await createToken({ name: 'Flitig', userId: viewer.id })
    const hash = sha256(secret!)
    const lastUsed = async () =>
      (await queryRows<{ at: string | null }>(t.deps.db, sql`select last_used_at::text as at from api_tokens where token_hash = ${hash}`))[0].at
    assert.equal(await lastUsed(), null)
    await api('/api/v1/me', secret)
    assert.ok(await lastUsed())
    await t.deps.db.execute(sql`update api_tokens set last_used_at = now() - interval '30 seconds' where token_hash = ${hash}`)
    const recent = await lastUsed()
    await api('/api/v1/me', secret)
    assert.equal(await lastUsed(), recent, 'used 30 s ago: no write')
    await t.deps.db.execute(sql`update api_tokens set last_used_at = now() - interval '2 minutes' where token_hash = ${hash}`)
    const old = await lastUsed()
    await api('/api/v1/me', secret)
    assert.notEqual(await lastUsed(), old, 'used 2 min ago: written again')
  })
})

describe('API token authentication', () => {
  test('a wrong token is refused with 401 and is not treated as anonymous', async () => {
    assert.equal((await api('/api/v1/openapi.json')).statusCode, 200, 'the document is public without a token')
    for (const garbage of ['garbage', `tm_${'A'.repeat(43)}`, 'tm_', 'x'.repeat(5000)]) {
      assertProblem(await api('/api/v1/openapi.json', garbage), 401)
      assertProblem(await api('/api/v1/organisations', garbage), 401)
    }
  })

  test('a token does not authenticate HTML pages, even one acting as an admin', async () => {
    const { secret } = await createToken({ name: 'Admin-nyckel', userId: admin.id })
    assert.equal((await api('/api/v1/me', secret)).statusCode, 200)
    for (const url of ['/admin/api-tokens', '/admin/users', '/organisations']) {
      if (!t.app.hasRoute({ method: 'GET', url })) continue
      const res = await api(url, secret)
      assert.equal(res.statusCode, 303, url)
      assert.match(String(res.headers.location), /^\/login\?return=/, url)
    }
    const before = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from api_tokens`)
    const post = await t.app.inject({
      method: 'POST',
      url: '/admin/api-tokens',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: 'Smuggel', userId: admin.id }).toString(),
    })
    assert.equal(post.statusCode, 401)
    assert.deepEqual(await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from api_tokens`), before)
  })
})

describe('API token pages', () => {
  test('coordinators and editors get 403 on every admin page and cannot create or revoke', async () => {
    const viewer = await buildUser(t.deps)
    const { secret } = await createToken({ name: 'Skyddad', userId: viewer.id })
    const [{ id }] = await queryRows<{ id: string }>(t.deps.db, sql`select id from api_tokens where token_hash = ${sha256(secret!)}`)
    for (const role of ['coordinator', 'editor'] as const) {
      const u = await buildUser(t.deps, { role, organisationCode: role === 'coordinator' ? 'lansstyrelsen-05' : 'kommun-0580' })
      const other = new TestBrowser(t.app)
      await other.login(u.email, u.password)
      assert.doesNotMatch((await other.get('/')).body, /href="\/admin\/api-tokens"/, `${role} sees no menu item`)
      assert.equal((await other.get('/admin/api-tokens')).statusCode, 403, role)
      assert.equal((await other.get('/admin/api-tokens/new')).statusCode, 403, role)
      assert.equal((await other.post('/admin/api-tokens', { name: 'Otillåten', userId: u.id })).statusCode, 403, role)
      assert.equal((await other.post(`/admin/api-tokens/${id}/revoke`)).statusCode, 403, role)
    }
    assert.equal((await api('/api/v1/me', secret)).statusCode, 200, 'the token still works')
    assert.match((await b.get('/')).body, /href="\/admin\/api-tokens"/, 'the admin sees the menu item')
  })

  test('an invalid form is shown again with the error summary and the values kept', async () => {
    await b.get('/admin/api-tokens/new')
    const empty = await b.post('/admin/api-tokens', { name: '  ', userId: '', expiresOn: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /<title>Fel: Ny API-nyckel/)
    assert.match(empty.body, /href="#f-name">Skriv ett namn på nyckeln/)
    assert.match(empty.body, /href="#f-userId">Välj vilken användare nyckeln ska agera som/)

    const viewer = await buildUser(t.deps)
    const badDate = await b.post('/admin/api-tokens', { name: 'Datumtest', userId: viewer.id, expiresOn: '2027-02-30', scopes: 'read' })
    assert.equal(badDate.statusCode, 400)
    assert.match(badDate.body, /href="#f-expiresOn">Skriv ett datum som finns/)
    assert.match(badDate.body, /value="Datumtest"/)
    assert.match(badDate.body, new RegExp(`<option value="${viewer.id}" selected`))

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date())
    for (const expiresOn of [today, '2020-01-01']) {
      const past = await b.post('/admin/api-tokens', { name: 'Datumtest', userId: viewer.id, expiresOn, scopes: 'read' })
      assert.equal(past.statusCode, 400, expiresOn)
      assert.match(past.body, /href="#f-expiresOn">Datumet måste vara senare än i dag/)
      assert.match(past.body, new RegExp(`value="${expiresOn}"`))
    }

    await t.deps.db.execute(sql`update users set status = 'deactivated' where id = ${viewer.id}`)
    const inactive = await b.post('/admin/api-tokens', { name: 'Datumtest', userId: viewer.id, scopes: 'read' })
    assert.equal(inactive.statusCode, 400)
    assert.match(inactive.body, /href="#f-userId">/)
    assert.doesNotMatch((await b.get('/admin/api-tokens/new')).body, new RegExp(viewer.id), 'deactivated users are not offered')
    const [{ n }] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from api_tokens where name = 'Datumtest'`)
    assert.equal(n, 0)
  })

  test('an expiry date means valid through that day in Swedish time', () => {
    assert.equal(expiryInstant('2026-07-01').toISOString(), '2026-07-01T22:00:00.000Z')
    assert.equal(expiryInstant('2026-01-15').toISOString(), '2026-01-15T23:00:00.000Z')
    assert.equal(expiryInstant('2026-03-28').toISOString(), '2026-03-28T23:00:00.000Z', 'the night before summer time starts')
    assert.equal(expiryInstant('2026-10-25').toISOString(), '2026-10-25T23:00:00.000Z', 'the day winter time starts')
    assert.equal(expiryInstant('2026-12-31').toISOString(), '2026-12-31T23:00:00.000Z')
    for (const d of ['2026-07-01', '2026-03-29', '2026-10-25', '2026-12-31']) assert.equal(lastValidDay(expiryInstant(d)), d)
  })
})
