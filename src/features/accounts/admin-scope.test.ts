import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Role } from '../../platform/http/actor.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'

// Issue 7 A1: a coordinator of another county could invite a coordinator at Länsstyrelsen
// Östergötland (and through that account edit ÖTMB) and read every county's audit log.
let t: TestApp
let ost: TestBrowser // coordinator at Länsstyrelsen Östergötland, which owns ÖTMB
let sthlm: TestBrowser // coordinator at Länsstyrelsen Stockholm: no collaboration of its own here
let linkoping: BuiltUser // an editor at an ÖTMB party

async function signIn(role: Role, organisationCode: string) {
  const user = await buildUser(t.deps, { role, organisationCode })
  const b = new TestBrowser(t.app)
  await b.login(user.email, user.password)
  return b
}

before(async () => {
  t = await buildTestApp()
  ost = await signIn('coordinator', 'lansstyrelsen-05')
  sthlm = await signIn('coordinator', 'lansstyrelsen-01')
  linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lisa Linköping' })
})
after(() => t.close())

const orgId = async (code: string) => (await findOrganisationByCode(t.deps.db, code))!.id
const usersWithEmail = async (email: string) => (await queryRows(t.deps.db, sql`select 1 from users where email = ${email}`)).length
const grants = async (userId: string) =>
  queryRows<{ id: string; role: string; code: string }>(
    t.deps.db,
    sql`select g.id, g.role, o.code from role_grants g join organisations o on o.id = g.organisation_id where g.user_id = ${userId} order by g.created_at`,
  )
const csrfOf = async (b: TestBrowser, url: string) => {
  await b.get(url)
  return b
}

describe('scope of user administration', () => {
  test('a coordinator of another county cannot invite anyone at Länsstyrelsen Östergötland or an ÖTMB party', async () => {
    await csrfOf(sthlm, '/admin/users/new')
    for (const [code, role] of [
      ['lansstyrelsen-05', 'coordinator'],
      ['lansstyrelsen-05', 'viewer'],
      ['kommun-0580', 'editor'],
    ] as const) {
      const email = `intrang-${code}-${role}@test.invalid`
      const res = await sthlm.post('/admin/users', { name: 'Inkräktare', email, organisationId: await orgId(code), role })
      assert.equal(res.statusCode, 403, `${code} ${role}`)
      assert.equal(await usersWithEmail(email), 0, `no account was created at ${code}`)
    }
  })

  test('the invite form offers only the organisations the coordinator is responsible for', async () => {
    const form = await ost.get('/admin/users/new')
    assert.match(form.body, />Linköpings kommun</)
    assert.match(form.body, />Länsstyrelsen Östergötland</)
    assert.doesNotMatch(form.body, />Länsstyrelsen Stockholm</)
    assert.doesNotMatch(form.body, />Stockholms kommun</)
    const other = await sthlm.get('/admin/users/new')
    assert.match(other.body, />Länsstyrelsen Stockholm</)
    assert.doesNotMatch(other.body, />Linköpings kommun</)
  })

  test('a coordinator of another county neither sees nor changes the users of Östergötland', async () => {
    const list = await sthlm.get('/admin/users?q=Lisa+Link')
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, /Lisa Linköping/)
    assert.equal((await sthlm.get(`/admin/users/${linkoping.id}`)).statusCode, 404)
    await sthlm.get('/admin/users')
    const grant = await sthlm.post(`/admin/users/${linkoping.id}/roles`, { organisationId: await orgId('lansstyrelsen-01'), role: 'viewer' })
    assert.equal(grant.statusCode, 404)
    const [{ id: grantId }] = await grants(linkoping.id)
    assert.equal((await sthlm.post(`/admin/users/${linkoping.id}/roles/${grantId}/delete`)).statusCode, 404)
    assert.equal((await sthlm.post(`/admin/users/${linkoping.id}/status`, { status: 'deactivated', version: '1' })).statusCode, 404)
    assert.deepEqual(
      (await grants(linkoping.id)).map((g) => `${g.role}@${g.code}`),
      ['editor@kommun-0580'],
    )
    const [row] = await queryRows<{ status: string }>(t.deps.db, sql`select status from users where id = ${linkoping.id}`)
    assert.equal(row.status, 'active')
    // The owning county's coordinator does see the user.
    assert.match((await ost.get('/admin/users?q=Lisa+Link')).body, /Lisa Linköping/)
  })

  test('the owning coordinator grants at its parties and its own länsstyrelse, never at another county, another länsstyrelse, or above coordinator', async () => {
    const target = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
    await ost.get(`/admin/users/${target.id}`)
    const tryGrant = async (code: string, role: Role) =>
      (await ost.post(`/admin/users/${target.id}/roles`, { organisationId: await orgId(code), role })).statusCode
    assert.equal(await tryGrant('kommun-0180', 'editor'), 403, 'a municipality in another county')
    assert.equal(await tryGrant('lansstyrelsen-01', 'viewer'), 403, 'another länsstyrelse')
    assert.equal(await tryGrant('lansstyrelsen-05', 'admin'), 403, 'above the coordinator’s own level')
    assert.equal(await tryGrant('kommun-0580', 'coordinator'), 400, 'the coordinator role belongs at a länsstyrelse')
    assert.equal(await tryGrant('kommun-0580', 'editor'), 303)
    assert.equal(await tryGrant('lansstyrelsen-05', 'coordinator'), 303)
    assert.deepEqual((await grants(target.id)).map((g) => `${g.role}@${g.code}`).sort(), [
      'coordinator@lansstyrelsen-05',
      'editor@kommun-0580',
      'viewer@kommun-0581',
    ])
  })

  test('a role held elsewhere cannot be revoked, and its holder cannot be deactivated, by a coordinator not responsible for it', async () => {
    const target = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
    // Stockholm's coordinator may not do it either way; a system grant stands for "given by someone responsible".
    await t.deps.db.execute(sql`insert into role_grants (user_id, organisation_id, role) values (${target.id}, ${await orgId('kommun-0180')}, 'editor')`)
    const elsewhere = (await grants(target.id)).find((g) => g.code === 'kommun-0180')!
    await ost.get(`/admin/users/${target.id}`)
    assert.equal((await ost.post(`/admin/users/${target.id}/roles/${elsewhere.id}/delete`)).statusCode, 403)
    assert.equal((await ost.post(`/admin/users/${target.id}/status`, { status: 'deactivated', version: '1' })).statusCode, 403)
    assert.equal((await grants(target.id)).length, 2)
  })
})

describe('scope of the audit log', () => {
  test('events about Östergötland’s users are shown to its coordinator, not to another county’s', async () => {
    const [created] = await queryRows<{ seq: string }>(
      t.deps.db,
      sql`select seq::text from audit_events where action = 'user.created' and entity_id = ${linkoping.id}`,
    )
    const own = await ost.get(`/admin/audit?entityId=${linkoping.id}`)
    assert.match(own.body, new RegExp(`href="/admin/audit/${created.seq}"`))
    assert.equal((await ost.get(`/admin/audit/${created.seq}`)).statusCode, 200)
    assert.match((await ost.get(`/admin/audit.csv?entityId=${linkoping.id}`)).body, new RegExp(linkoping.id))

    const list = await sthlm.get(`/admin/audit?entityId=${linkoping.id}`)
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, new RegExp(`href="/admin/audit/${created.seq}"`))
    const everything = await sthlm.get('/admin/audit.csv')
    assert.doesNotMatch(everything.body, new RegExp(linkoping.id))
    assert.doesNotMatch(everything.body, /Linköpings kommun|Länsstyrelsen Östergötland/)
    assert.equal((await sthlm.get(`/admin/audit/${created.seq}`)).statusCode, 404)
  })
})
