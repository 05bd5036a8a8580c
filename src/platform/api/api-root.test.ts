import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { actorForUser } from '../../features/accounts/index.ts'
import { createApiToken } from '../../features/api-tokens/index.ts'

let t: TestApp
let viewer: BuiltUser
let token: string
before(async () => {
  t = await buildTestApp()
  viewer = await buildUser(t.deps, { role: 'viewer', name: 'Vera Läsare' })
  const admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  const adminActor = await actorForUser(t.deps, admin.id, 'session')
  token = (await createApiToken(t.deps, { actor: adminActor! }, { name: 'API-test', userId: viewer.id, scopes: ['read'] })).secret
})
after(() => t.close())

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
const bearer = () => ({ authorization: `Bearer ${token}` })

function problem(res: LightMyRequestResponse, status: number) {
  assert.equal(res.statusCode, status)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  assert.equal(body.status, status)
  assert.equal(typeof body.title, 'string')
  return body
}

describe('OpenAPI document', () => {
  test('GET /api/v1/openapi.json is an OpenAPI 3.1 document describing every endpoint', async () => {
    const res = await get('/api/v1/openapi.json')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/json/)
    const doc = res.json()
    assert.equal(doc.openapi, '3.1.0')
    assert.equal(typeof doc.info.title, 'string')
    assert.equal(typeof doc.info.version, 'string')
    assert.ok(doc.paths['/api/v1/organisations']?.get, 'organisations is documented')
    assert.ok(doc.paths['/api/v1/me']?.get, 'me is documented')
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer' })
    const ids = new Set<string>()
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      assert.match(path, /^\/api\/v1\//)
      for (const [method, op] of Object.entries<any>(item)) {
        assert.ok(['get', 'post', 'put', 'patch', 'delete'].includes(method), `${method} ${path}`)
        assert.ok(op.responses?.['200'], `${method} ${path} documents its 200 response`)
        assert.ok(Object.keys(op.responses).length > 1, `${method} ${path} documents its errors`)
        assert.equal(typeof op.operationId, 'string')
        assert.ok(!ids.has(op.operationId), `operationId ${op.operationId} is unique`)
        ids.add(op.operationId)
      }
    }
    const params = doc.paths['/api/v1/organisations'].get.parameters
    assert.deepEqual(
      params.map((p: any) => [p.name, p.in, p.required]),
      [
        ['county', 'query', false],
        ['kind', 'query', false],
      ],
    )
    assert.ok(params[1].schema.enum.includes('municipality'))
  })
})

describe('the rest of /api/v1', () => {
  test('a protected endpoint without authentication is a 401 problem', async () => {
    problem(await get('/api/v1/organisations'), 401)
    problem(await get('/api/v1/me'), 401)
  })

  test('an unknown API path is a 404 problem, with or without a token', async () => {
    problem(await get('/api/v1/nope'), 404)
    problem(await get('/api/v1/nope', bearer()), 404)
  })
})
