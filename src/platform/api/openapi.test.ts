import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { actorForUser } from '../../features/accounts/index.ts'
import { createApiToken } from '../../features/api-tokens/index.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { statusesOf } from './openapi.ts'

const BASE_URL = 'https://tillsammans.example.se'
let t: TestApp
let doc: any
let token: string
before(async () => {
  t = await buildTestApp({ BASE_URL, ACCESSIBILITY_CONTACT: 'tillganglighet@example.se' })
  doc = (await t.app.inject('/api/v1/openapi.json')).json()
  const coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  const admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  token = (
    await createApiToken(
      t.deps,
      { actor: (await actorForUser(t.deps, admin.id, 'session'))! },
      {
        name: 'openapi-test',
        userId: coordinator.id,
        scopes: ['read', 'write'],
      },
    )
  ).secret
})
after(() => t.close())

const operations = () =>
  Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })))

test('the document is valid OpenAPI according to a real validator', async () => {
  const validator = new Validator()
  const result = await validator.validate(structuredClone(doc))
  assert.deepEqual(result.errors ?? [], [], 'validator errors')
  assert.equal(result.valid, true)
  assert.equal(validator.version, '3.1')
})

test('the server URL is BASE_URL, and the document names its licence, contact and every tag it uses', () => {
  assert.deepEqual(
    doc.servers.map((s: { url: string }) => s.url),
    [BASE_URL],
  )
  assert.equal(typeof doc.info.license.name, 'string')
  assert.equal(doc.info.contact.email, 'tillganglighet@example.se')
  assert.equal(doc.info.contact.url, `${BASE_URL}/about`)
  const declared = new Set(doc.tags.map((tag: { name: string }) => tag.name))
  for (const tag of doc.tags) assert.ok(tag.description, `tag ${tag.name} is described`)
  for (const { path, method, op } of operations()) for (const tag of op.tags) assert.ok(declared.has(tag), `${method} ${path}: tag ${tag}`)
})

test('every operation declares the errors its kind can answer: 429 and 500 always, 404 for a record in the path, 409/413/415 for writes', () => {
  for (const { path, method, op } of operations()) {
    const codes = Object.keys(op.responses).map(Number)
    for (const code of [200, 429, 500]) assert.ok(codes.includes(code), `${method} ${path} declares ${code}`)
    if (op.security.length) for (const code of [401, 403]) assert.ok(codes.includes(code), `${method} ${path} declares ${code}`)
    if (path.includes('{')) assert.ok(codes.includes(404), `${method} ${path} declares 404`)
    if (method !== 'get') for (const code of [409, 413, 415]) assert.ok(codes.includes(code), `${method} ${path} declares ${code}`)
    assert.ok(op.responses['429'].headers['Retry-After'], `${method} ${path}: 429 names Retry-After`)
  }
  assert.deepEqual(statusesOf({ method: 'GET', url: '/api/v1/x', policy: 'public' }), [429, 500])
  assert.deepEqual(statusesOf({ method: 'GET', url: '/api/v1/x/:id', policy: 'api.read', errors: [410] }), [400, 401, 403, 404, 410, 429, 500])
})

test('what the API really answers is declared: unknown records, bodies that are not JSON, no token', async () => {
  const auth = { authorization: `Bearer ${token}` }
  const answered: string[] = []
  for (const { path, method, op } of operations()) {
    const url = path.replace(/\{\w+\}/g, randomUUID())
    const declared = Object.keys(op.responses)
    const anonymous = await t.app.inject({ method: method.toUpperCase() as 'GET', url })
    if (op.security.length) assert.ok(declared.includes(String(anonymous.statusCode)), `${method} ${path} without a token: ${anonymous.statusCode}`)
    const res =
      method === 'get'
        ? await t.app.inject({ method: 'GET', url, headers: auth })
        : await t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: { ...auth, 'content-type': 'application/xml' }, payload: '<not-json/>' })
    assert.ok(declared.includes(String(res.statusCode)), `${method} ${path} answered ${res.statusCode}, declared ${declared.join(', ')}`)
    if (res.statusCode >= 400) assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${method} ${path}`)
    answered.push(`${res.statusCode}`)
  }
  assert.ok(answered.includes('404'), 'some unknown record was a 404')
  assert.ok(answered.includes('415'), 'some body that is not JSON was a 415')
})
