import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { createApiToken } from '../api-tokens/index.ts'
import { actorForUser } from './sessions.service.ts'

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

describe('GET /api/v1/me', () => {
  test('says who the caller is and how they authenticated', async () => {
    const viaToken = await get('/api/v1/me', bearer())
    assert.equal(viaToken.statusCode, 200)
    assert.equal(viaToken.json().authenticatedWith, 'token')
    assert.equal(viaToken.json().id, viewer.id)
    const b = new TestBrowser(t.app)
    await b.login(viewer.email, viewer.password)
    const viaSession = await b.get('/api/v1/me')
    assert.equal(viaSession.json().authenticatedWith, 'session')
    assert.deepEqual(viaSession.json().roles, [{ organisationId: viewer.organisationId, role: 'viewer' }])
  })
})
