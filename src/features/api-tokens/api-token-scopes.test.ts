import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { sha256 } from '../../platform/http/signing.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { buildCollaboration, type BuiltCollaboration } from '../meetings/meetings.test-factories.ts'

// Issue 7 A8: API tokens carry scopes chosen at creation (read, write), and the API enforces them.
let t: TestApp
let admin: TestBrowser
let c: BuiltCollaboration
let coordinatorId: string
before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  const a = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(t.app)
  await admin.login(a.email, a.password)
  coordinatorId = (await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })).id
})
after(() => t.close())

/** Creates a token through the administrator's form, with the scopes ticked. */
async function tokenWith(scopes: string[]) {
  await admin.get('/admin/api-tokens/new')
  const res = await admin.post('/admin/api-tokens', { name: `Nyckel ${scopes.join('+') || 'utan'}`, userId: coordinatorId, expiresOn: '', scopes })
  return { res, secret: /id="token-value"[^>]*>(tm_[A-Za-z0-9_-]+)</.exec(res.body)?.[1] }
}

const read = (secret: string) => t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } })
const write = (secret: string, name: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/collaborations/${c.collaborationId}/bodies`,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ kind: 'working_group', name, visibility: 'partners', parentBodyId: c.bodyId }),
  })
const bodiesNamed = async (name: string) => (await queryRows(t.deps.db, sql`select 1 from bodies where name = ${name}`)).length

describe('API token scopes', () => {
  test('a read-only token reads, and every write is refused with 403 problem+json before anything changes', async () => {
    const { res, secret } = await tokenWith(['read'])
    assert.equal(res.statusCode, 200, res.body)
    assert.match(res.body, /Läsa/)
    assert.equal((await read(secret!)).statusCode, 200)
    const refused = await write(secret!, 'Skrivförsök med läsnyckel')
    assert.equal(refused.statusCode, 403)
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/)
    assert.match(refused.json().detail ?? refused.json().title, /skriv/i)
    assert.equal(await bodiesNamed('Skrivförsök med läsnyckel'), 0)
  })

  test('a token with read and write does both', async () => {
    const { secret } = await tokenWith(['read', 'write'])
    assert.equal((await read(secret!)).statusCode, 200)
    const created = await write(secret!, 'Arbetsgrupp via skrivnyckel')
    assert.equal(created.statusCode, 200, created.body)
    assert.equal(await bodiesNamed('Arbetsgrupp via skrivnyckel'), 1)
  })

  test('a write-only token cannot read', async () => {
    const { secret } = await tokenWith(['write'])
    assert.equal((await read(secret!)).statusCode, 403)
  })

  test('a token needs at least one scope; the list shows each token’s scopes', async () => {
    const { res } = await tokenWith([])
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<a href="#f-scopes">Välj minst en behörighet/)
    const list = await admin.get('/admin/api-tokens')
    assert.match(list.body, /Läsa och skriva/)
  })

  test('tokens created before scopes existed can only read', async () => {
    const secret = 'tm_gammal-nyckel-gammal-nyckel-gammal-nyckel-0'
    await t.deps.db.execute(
      sql`insert into api_tokens (name, token_hash, user_id, created_by) values ('Gammal', ${sha256(secret)}, ${coordinatorId}, ${coordinatorId})`,
    )
    assert.equal((await read(secret)).statusCode, 200)
    assert.equal((await write(secret, 'Gammal nyckel skriver')).statusCode, 403)
  })
})
