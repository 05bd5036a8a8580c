import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Role } from '../../platform/http/actor.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { verifyPassword } from './passwords.ts'

let t: TestApp
/** One signed-in coordinator for the tests that need no other: signing in (argon2) is the slow part. */
let coordinator: Awaited<ReturnType<typeof signIn>>
before(async () => {
  t = await buildTestApp()
  coordinator = await signIn('coordinator', 'lansstyrelsen-05', 'Cora Samordnare')
})
after(() => t.close())

async function signIn(role: Role, organisationCode = role === 'coordinator' || role === 'admin' ? 'lansstyrelsen-05' : 'kommun-0580', name?: string) {
  const user = await buildUser(t.deps, { role, organisationCode, name })
  const browser = new TestBrowser(t.app)
  await browser.login(user.email, user.password)
  return { user, browser }
}

const orgId = async (code: string) => (await findOrganisationByCode(t.deps.db, code))!.id
const auditActions = async (entityId: string) =>
  (await queryRows<{ action: string }>(t.deps.db, sql`select action from audit_events where entity_id = ${entityId} order by seq`)).map((r) => r.action)
const grantsOf = (userId: string) =>
  queryRows<{ id: string; role: string; organisation_id: string }>(t.deps.db, sql`select id, role, organisation_id from role_grants where user_id = ${userId}`)
const userCount = async () => Number((await queryRows<{ n: string }>(t.deps.db, sql`select count(*)::text as n from users`))[0].n)
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1]
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')

describe('user list', () => {
  test('a coordinator sees every party’s users, can filter by text and organisation, sort, and follow a link to each', async () => {
    const { browser } = coordinator
    const other = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581', name: 'Åsa Ödmark' })
    const list = await browser.get('/admin/users')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /<a href="\/admin\/users\/new" class="button">Bjud in användare<\/a>/)
    assert.match(list.body, new RegExp(`<a href="/admin/users/${other.id}">Åsa Ödmark</a>`))
    assert.match(list.body, /<strong class="tag tag--grey">Redaktör<\/strong>/)

    const byText = await browser.get(`/admin/users?q=${encodeURIComponent('ödmark')}`)
    assert.match(byText.body, /Åsa Ödmark/)
    assert.doesNotMatch(byText.body, /Cora Samordnare<\/a>/)
    const byOrg = await browser.get(`/admin/users?organisationId=${await orgId('kommun-0581')}`)
    assert.match(byOrg.body, /Åsa Ödmark/)
    assert.doesNotMatch(byOrg.body, /Cora Samordnare<\/a>/)

    const sorted = await browser.get('/admin/users?sort=email&dir=desc')
    assert.match(sorted.body, /<th scope="col" aria-sort="descending"><a href="\/admin\/users\?sort=email&amp;dir=asc">E-postadress/)
    const emails = [...sorted.body.matchAll(/<td>([^<@]+@[^<]+)<\/td>/g)].map((m) => m[1])
    assert.deepEqual(emails, [...emails].sort().reverse())
  })

  test('the list pages by 50 and keeps the filter in the page links', async () => {
    const { browser } = coordinator
    const org = await orgId('kommun-0509')
    await t.deps.db.execute(sql`insert into users (email, name, organisation_id)
      select 'sida-' || i || '@test.invalid', 'Sida Person ' || lpad(i::text, 2, '0'), ${org} from generate_series(0, 50) i`)
    const first = await browser.get(`/admin/users?q=Sida+Person`)
    assert.equal([...first.body.matchAll(/>Sida Person \d\d</g)].length, 50)
    assert.match(first.body, /Användare \(51 st\)/)
    assert.match(first.body, /Sida 1 av 2/)
    assert.match(first.body, /<a href="\/admin\/users\?q=Sida\+Person&amp;page=2" rel="next">/)
    const second = await browser.get('/admin/users?q=Sida+Person&page=2')
    assert.deepEqual(
      [...second.body.matchAll(/>(Sida Person \d\d)</g)].map((m) => m[1]),
      ['Sida Person 50'],
    )
  })
})

describe('inviting a user', () => {
  test('the form offers the organisations the coordinator is responsible for, in Swedish order, and explains each role the coordinator may give', async () => {
    const { browser } = coordinator
    const form = await browser.get('/admin/users/new')
    assert.equal(form.statusCode, 200)
    const select = /<select[^>]*name="organisationId"[^>]*>([\s\S]*?)<\/select>/.exec(form.body)![1]
    const labels = [...select.matchAll(/<option value="[0-9a-f-]{36}"[^>]*>([^<]+)<\/option>/g)].map((m) => decode(m[1]))
    // Länsstyrelsen Östergötland and ÖTMB's parties (admin-scope.test.ts checks what is left out).
    assert.ok(labels.length >= 19, `only ${labels.length} organisations`)
    assert.deepEqual(labels, [...labels].sort(compareSv))
    assert.ok(labels.includes('Linköpings kommun') && labels.includes('Länsstyrelsen Östergötland'))
    assert.match(form.body, /Redaktör – skapar och ändrar sin egen organisations uppgifter/)
    assert.doesNotMatch(form.body, /value="admin"/, 'a coordinator is not offered the admin role')
  })

  test('a coordinator invites a user: the one-time password is shown once, works, must be changed, and the invitation is audited', async () => {
    const { browser } = coordinator
    await browser.get('/admin/users/new')
    const res = await browser.post('/admin/users', {
      name: 'Nora Ny',
      email: ' Nora.Ny@Kommun.example ',
      organisationId: await orgId('kommun-0581'),
      role: 'editor',
    })
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['cache-control'] as string, /no-store/)
    const password = /<p class="secret" id="one-time-password">([^<]+)<\/p>/.exec(res.body)?.[1]
    assert.ok(password, 'the password is shown in the secret box')
    assert.match(res.body, /visas bara nu/)
    assert.match(res.body, /måste byta lösenordet första gången/)
    assert.match(res.body, /Nora Ny \(nora\.ny@kommun\.example\)/)
    const [row] = await queryRows<{ id: string; must_change_password: boolean; password_hash: string }>(
      t.deps.db,
      sql`select id, must_change_password, password_hash from users where email = 'nora.ny@kommun.example'`,
    )
    assert.equal(row.must_change_password, true)
    assert.ok(await verifyPassword(row.password_hash, password))
    assert.doesNotMatch(row.password_hash, new RegExp(password))
    assert.deepEqual(await auditActions(row.id), ['user.created'])
    assert.deepEqual(
      (await grantsOf(row.id)).map((g) => g.role),
      ['editor'],
    )

    const invited = new TestBrowser(t.app)
    await invited.login('nora.ny@kommun.example', password)
    const forced = await invited.get('/organisations')
    assert.equal(forced.headers.location, '/account/password')
  })

  test('an empty form re-renders with the error summary', async () => {
    const { browser } = coordinator
    await browser.get('/admin/users/new')
    const res = await browser.post('/admin/users', { name: 'Utan Adress', email: '', organisationId: '' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<title>Fel: Bjud in användare/)
    assert.match(res.body, /href="#f-email">Skriv personens e-postadress/)
    assert.match(res.body, /href="#f-organisationId">Välj organisation/)
    assert.match(res.body, /href="#f-role">Välj roll/)
    assert.match(res.body, /value="Utan Adress"/)
  })

  test('a taken e-mail re-renders the form with 409, keeps the values and creates nothing', async () => {
    const { browser } = coordinator
    const existing = await buildUser(t.deps, { role: 'viewer' })
    const before = await userCount()
    const auditBefore = await queryRows<{ n: string }>(t.deps.db, sql`select count(*)::text as n from audit_events where action = 'user.created'`)
    await browser.get('/admin/users/new')
    const res = await browser.post('/admin/users', {
      name: 'Dubbel Person',
      email: existing.email.toUpperCase(),
      organisationId: await orgId('kommun-0580'),
      role: 'viewer',
    })
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /class="error-summary"/)
    assert.match(res.body, /href="#f-email">Det finns redan ett konto med den e-postadressen/)
    assert.match(res.body, /value="Dubbel Person"/)
    assert.doesNotMatch(res.body, /class="secret"/)
    assert.equal(await userCount(), before)
    assert.deepEqual(await queryRows(t.deps.db, sql`select count(*)::text as n from audit_events where action = 'user.created'`), auditBefore)
  })

  test('a coordinator cannot create an admin; an admin can', async () => {
    const { browser } = coordinator
    await browser.get('/admin/users/new')
    const refused = await browser.post('/admin/users', {
      name: 'Ny Admin',
      email: 'ny-admin@test.invalid',
      organisationId: await orgId('lansstyrelsen-05'),
      role: 'admin',
    })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.body, /Du får inte ge eller ta bort den rollen/)
    assert.equal((await queryRows(t.deps.db, sql`select 1 from users where email = 'ny-admin@test.invalid'`)).length, 0)

    const admin = await signIn('admin')
    await admin.browser.get('/admin/users/new')
    const ok = await admin.browser.post('/admin/users', {
      name: 'Ny Admin',
      email: 'ny-admin@test.invalid',
      organisationId: await orgId('lansstyrelsen-05'),
      role: 'admin',
    })
    assert.equal(ok.statusCode, 200)
    assert.match(ok.body, /class="secret"/)
  })

  test('with the job queue running, an invitation e-mail is queued that holds the login address but never the password', async () => {
    try {
      t.deps.jobs.define('mail.send', async () => {})
    } catch {
      // The mail feature already defines it.
    }
    await t.deps.jobs.start({ work: false })
    try {
      const { browser } = coordinator
      await browser.get('/admin/users/new')
      const res = await browser.post('/admin/users', {
        name: 'Post Person',
        email: 'post.person@test.invalid',
        organisationId: await orgId('kommun-0580'),
        role: 'viewer',
      })
      const password = /<p class="secret" id="one-time-password">([^<]+)<\/p>/.exec(res.body)![1]
      // No SMTP_URL in tests: the page must not claim the message was sent.
      assert.match(res.body, /Inget e-postmeddelande har skickats till post\.person@test\.invalid: det finns ingen e-postserver inställd/)
      assert.doesNotMatch(res.body, /skickas till e-postservern/)
      const jobs = await queryRows<{ data: { to: string; subject: string; text: string } }>(
        t.deps.db,
        sql`select data from pgboss.job where name = 'mail.send'`,
      )
      const mail = jobs.find((j) => j.data.to === 'post.person@test.invalid')
      assert.ok(mail, 'a mail.send job was queued')
      assert.match(mail.data.text, /http:\/\/localhost:3000\/login/)
      assert.ok(!mail.data.text.includes(password) && !mail.data.subject.includes(password), 'the password is never e-mailed')
    } finally {
      await t.deps.jobs.stop()
    }
  })
})

describe('one user', () => {
  test('the page summarises the user; a coordinator grants and revokes roles, each audited', async () => {
    const { browser } = coordinator
    const target = await buildUser(t.deps, { role: 'editor', name: 'Greta Granskad' })
    const page = await browser.get(`/admin/users/${target.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<dt class="summary-list__key">E-postadress<\/dt><dd class="summary-list__value">[^<]+@test.invalid<\/dd>/)
    assert.match(page.body, /<dd class="summary-list__value">Linköpings kommun<\/dd>/)
    assert.match(page.body, /Senast inloggad<\/dt><dd class="summary-list__value">Aldrig/)

    const region = await orgId('region-ostergotland')
    const granted = await browser.post(`/admin/users/${target.id}/roles`, { organisationId: region, role: 'viewer' })
    assert.equal(granted.statusCode, 303)
    assert.equal(granted.headers.location, `/admin/users/${target.id}`)
    const grant = (await grantsOf(target.id)).find((g) => g.organisation_id === region)
    assert.equal(grant?.role, 'viewer')
    const after = await browser.get(`/admin/users/${target.id}`)
    assert.match(after.body, /Greta Granskad har fått rollen Läsare för Region Östergötland/)
    assert.match(
      after.body,
      new RegExp(
        `action="/admin/users/${target.id}/roles/${grant!.id}/delete" data-confirm="Vill du ta bort rollen Läsare för Region Östergötland från Greta Granskad\\?"`,
      ),
    )

    const revoked = await browser.post(`/admin/users/${target.id}/roles/${grant!.id}/delete`)
    assert.equal(revoked.statusCode, 303)
    assert.deepEqual(
      (await grantsOf(target.id)).map((g) => g.role),
      ['editor'],
    )
    assert.deepEqual(await auditActions(target.id), ['user.created', 'role.granted', 'role.revoked'])
  })

  test('a missing role in the grant form re-renders the user page with the error', async () => {
    const { browser } = coordinator
    const target = await buildUser(t.deps)
    await browser.get(`/admin/users/${target.id}`)
    const res = await browser.post(`/admin/users/${target.id}/roles`, { organisationId: await orgId('kommun-0580'), role: '' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /href="#f-role">Välj roll/)
  })

  test('only an admin grants the admin role', async () => {
    const target = await buildUser(t.deps, { role: 'editor' })
    const lst = await orgId('lansstyrelsen-05')
    const { browser } = coordinator
    await browser.get(`/admin/users/${target.id}`)
    const refused = await browser.post(`/admin/users/${target.id}/roles`, { organisationId: lst, role: 'admin' })
    assert.equal(refused.statusCode, 403)
    assert.ok(!(await grantsOf(target.id)).some((g) => g.role === 'admin'))

    const admin = await signIn('admin')
    await admin.browser.get(`/admin/users/${target.id}`)
    const ok = await admin.browser.post(`/admin/users/${target.id}/roles`, { organisationId: lst, role: 'admin' })
    assert.equal(ok.statusCode, 303)
    assert.ok((await grantsOf(target.id)).some((g) => g.role === 'admin'))
    assert.deepEqual(await auditActions(target.id), ['user.created', 'role.granted'])

    // Now the account is an admin's: the coordinator sees it but may no longer change it.
    const locked = await browser.get(`/admin/users/${target.id}`)
    assert.match(locked.body, /Bara en systemadministratör kan ändra det/)
    assert.doesNotMatch(locked.body, /name="version"/)
  })

  test('deactivating ends the user’s session and blocks sign-in; a stale form gets 409; reactivating restores access', async () => {
    const target = await buildUser(t.deps, { role: 'editor', name: 'Dora Deaktiverad' })
    const targetBrowser = new TestBrowser(t.app)
    await targetBrowser.login(target.email, target.password)
    const { browser } = coordinator

    const page = await browser.get(`/admin/users/${target.id}`)
    const v = version(page.body)!
    assert.match(page.body, /data-confirm="Vill du inaktivera kontot för Dora Deaktiverad\? Personen loggas ut direkt."/)
    const res = await browser.post(`/admin/users/${target.id}/status`, { status: 'deactivated', version: v })
    assert.equal(res.statusCode, 303)
    assert.match((await browser.get(`/admin/users/${target.id}`)).body, /<strong class="tag tag--red">Inaktiverad<\/strong>/)

    const stale = await targetBrowser.get('/account/password')
    assert.equal(stale.statusCode, 303)
    assert.match(String(stale.headers.location), /^\/login/)
    await assert.rejects(new TestBrowser(t.app).login(target.email, target.password), /login failed/)

    const conflict = await browser.post(`/admin/users/${target.id}/status`, { status: 'active', version: v })
    assert.equal(conflict.statusCode, 409)
    assert.match(conflict.body, /Någon annan har ändrat kontot/)
    assert.match(conflict.body, /Inaktiverad/)

    const current = version((await browser.get(`/admin/users/${target.id}`)).body)!
    assert.equal((await browser.post(`/admin/users/${target.id}/status`, { status: 'active', version: current })).statusCode, 303)
    await new TestBrowser(t.app).login(target.email, target.password)
    assert.deepEqual(await auditActions(target.id), [
      'user.created',
      'session.login',
      'user.deactivated',
      'session.login_failed',
      'user.reactivated',
      'session.login',
    ])
  })

  test('a coordinator cannot change their own account', async () => {
    const { browser, user } = coordinator
    const page = await browser.get(`/admin/users/${user.id}`)
    assert.match(page.body, /Det här är ditt eget konto/)
    assert.doesNotMatch(page.body, /name="version"/)
    const res = await browser.post(`/admin/users/${user.id}/status`, { status: 'deactivated', version: '1' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Du kan inte ändra din egen behörighet/)
    assert.equal((await queryRows<{ status: string }>(t.deps.db, sql`select status from users where id = ${user.id}`))[0].status, 'active')
  })

  test('an unknown or malformed id is a 404', async () => {
    const { browser } = coordinator
    const target = await buildUser(t.deps)
    assert.equal((await browser.get('/admin/users/not-a-uuid')).statusCode, 404)
    assert.equal((await browser.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    await browser.get('/admin/users')
    assert.equal((await browser.post(`/admin/users/${target.id}/roles/x/delete`)).statusCode, 404)
    assert.equal((await browser.post(`/admin/users/${target.id}/roles/00000000-0000-4000-8000-000000000000/delete`)).statusCode, 404)
    assert.equal((await browser.post("/admin/users/1' or 1=1/status", { status: 'active', version: '1' })).statusCode, 404)
  })
})

describe('access to the user pages', () => {
  const routes = (id: string, grantId: string) => ({
    get: ['/admin/users', '/admin/users/new', `/admin/users/${id}`],
    post: [
      ['/admin/users', { name: 'X', email: 'x-forbidden@test.invalid', organisationId: '', role: 'viewer' }],
      [`/admin/users/${id}/roles`, { organisationId: '', role: 'viewer' }],
      [`/admin/users/${id}/roles/${grantId}/delete`, {}],
      [`/admin/users/${id}/status`, { status: 'deactivated', version: '1' }],
    ] as [string, Record<string, string>][],
  })

  for (const role of ['editor', 'reporter', 'viewer'] as const) {
    test(`a ${role} gets 403 on every users route and changes nothing`, async () => {
      const target = await buildUser(t.deps, { role: 'viewer' })
      const [grant] = await grantsOf(target.id)
      const { browser } = await signIn(role)
      const r = routes(target.id, grant.id)
      for (const url of r.get) assert.equal((await browser.get(url)).statusCode, 403, `GET ${url}`)
      for (const [url, fields] of r.post) assert.equal((await browser.post(url, fields)).statusCode, 403, `POST ${url}`)
      assert.equal((await grantsOf(target.id)).length, 1)
      assert.deepEqual(await auditActions(target.id), ['user.created'])
      assert.equal((await queryRows(t.deps.db, sql`select 1 from users where email = 'x-forbidden@test.invalid'`)).length, 0)
      assert.doesNotMatch((await browser.get('/')).body, /href="\/admin\/users"/, 'the menu does not offer the page')
    })
  }

  test('without signing in, a GET is sent to the login page and a POST is refused', async () => {
    const target = await buildUser(t.deps, { role: 'viewer' })
    const [grant] = await grantsOf(target.id)
    const r = routes(target.id, grant.id)
    const anonymous = new TestBrowser(t.app)
    for (const url of r.get) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, `GET ${url}`)
      assert.equal(res.headers.location, `/login?return=${encodeURIComponent(url)}`)
    }
    await anonymous.get('/login')
    for (const [url, fields] of r.post) assert.equal((await anonymous.post(url, fields)).statusCode, 401, `POST ${url}`)
    assert.deepEqual(await auditActions(target.id), ['user.created'])
  })
})
