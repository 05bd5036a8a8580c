import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, auditActions, buildCollaborationWithDeclaration, signatureRow } from './declarations.test-factories.ts'

let t: TestApp
let c: TestCollaboration
let admin: TestBrowser
let editorToken: string
let viewerToken: string
let coordinator: BuiltUser

/** A token acting as the user, made through the administrator's pages as a person would. */
async function tokenFor(userId: string) {
  await admin.get('/admin/api-tokens/new')
  const res = await admin.post('/admin/api-tokens', { name: `Test ${userId.slice(0, 6)}`, userId, expiresOn: '', scopes: ['read', 'write'] })
  return /<p class="secret" id="token-value">([^<]+)<\/p>/.exec(res.body)![1]
}

const api = (method: 'GET' | 'POST', url: string, token: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  })

before(async () => {
  t = await buildTestApp()
  c = await buildCollaborationWithDeclaration(t.deps)
  const a = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(t.app)
  await admin.login(a.email, a.password)
  editorToken = await tokenFor((await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })).id)
  viewerToken = await tokenFor((await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })).id)
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
})
after(() => t.close())

test('partners read the board and a record as JSON, with the steps they may take', async () => {
  const board = await api('GET', `/api/v1/collaborations/${c.collaborationId}/signatures?kind=municipality`, viewerToken)
  assert.equal(board.statusCode, 200)
  const body = board.json()
  assert.equal(body.declarationVersion.versionNo, 1)
  assert.deepEqual(
    body.parties.map((p: { name: string; status: string }) => [p.name, p.status]),
    [
      ['Linköpings kommun', 'invited'],
      ['Norrköpings kommun', 'invited'],
    ],
  )
  const record = await api('GET', `/api/v1/signatures/${c.signatures['kommun-0580']}`, editorToken)
  assert.equal(record.statusCode, 200)
  assert.equal(record.json().organisation.name, 'Linköpings kommun')
  assert.deepEqual(record.json().nextSteps, ['in_preparation', 'declined'])
  assert.deepEqual((await api('GET', `/api/v1/signatures/${c.signatures['kommun-0580']}`, viewerToken)).json().nextSteps, [])
  const outsider = await tokenFor((await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0509' })).id)
  assert.equal((await api('GET', `/api/v1/collaborations/${c.collaborationId}/signatures`, outsider)).statusCode, 403)
})

test('an editor steps their own party’s record with a token; the same rules as the pages apply', async () => {
  const id = c.signatures['kommun-0580']
  const prep = await api('POST', `/api/v1/signatures/${id}/steps`, editorToken, {
    step: 'in_preparation',
    version: 1,
    responsibleOfficial: 'Karin Berg',
    caseNumber: 'KS 2021/1234',
    memoDate: '2021-12-10',
  })
  assert.equal(prep.statusCode, 200, prep.body)
  assert.equal(prep.json().status, 'in_preparation')
  assert.equal(prep.json().version, 2)
  const decided = await api('POST', `/api/v1/signatures/${id}/steps`, editorToken, {
    step: 'decided',
    version: 2,
    decisionBody: 'Kommunstyrelsen',
    decisionDate: '2022-01-25',
    decisionParagraph: '§ 12',
    decisionLines: ['Kommunstyrelsen godkänner programförklaringen.', 'Ordföranden undertecknar.'],
  })
  assert.equal(decided.statusCode, 200, decided.body)

  const early = await api('POST', `/api/v1/signatures/${id}/steps`, editorToken, { step: 'signed', version: 3, signerName: 'M D', signedOn: '2022-01-20' })
  assert.equal(early.statusCode, 400)
  assert.match(String(early.headers['content-type']), /^application\/problem\+json/)
  assert.deepEqual(early.json().errors, [{ path: 'signedOn', code: 'date_rule', message: 'Undertecknandet kan inte ske före beslutet (2022-01-25)' }])

  const stale = await api('POST', `/api/v1/signatures/${id}/steps`, editorToken, { step: 'signed', version: 2, signerName: 'M D', signedOn: '2022-02-02' })
  assert.equal(stale.statusCode, 409)
  assert.match(String(stale.headers['content-type']), /^application\/problem\+json/)
  assert.equal((await signatureRow(t.deps, id)).status, 'decided')

  const invalid = await api('POST', `/api/v1/signatures/${id}/steps`, editorToken, { step: 'signed', version: 3 })
  assert.equal(invalid.statusCode, 400)
  assert.ok(invalid.json().errors.some((e: { path: string }) => e.path === 'signerName'))

  const other = await api('POST', `/api/v1/signatures/${c.signatures['kommun-0581']}/steps`, editorToken, { step: 'declined', version: 1, reason: 'x' })
  assert.equal(other.statusCode, 403)
  const viewer = await api('POST', `/api/v1/signatures/${id}/steps`, viewerToken, { step: 'withdrawn', version: 3, reason: 'x' })
  assert.equal(viewer.statusCode, 403)
  assert.deepEqual(
    (await auditActions(t.deps, id)).map((e) => e.action),
    ['signature.step', 'signature.step'],
  )
})

test('a browser session uses the API with the x-csrf-token header, and without it is refused', async () => {
  const b = new TestBrowser(t.app)
  await b.login(coordinator.email, coordinator.password)
  const id = c.signatures['lansstyrelsen-05']
  const body = JSON.stringify({ step: 'in_preparation', version: 1, responsibleOfficial: 'Lena Lst' })
  const headers = { cookie: `tm_session=${b.cookie('tm_session')}`, 'content-type': 'application/json' }
  const refused = await t.app.inject({ method: 'POST', url: `/api/v1/signatures/${id}/steps`, headers, payload: body })
  assert.equal(refused.statusCode, 403)
  const ok = await t.app.inject({ method: 'POST', url: `/api/v1/signatures/${id}/steps`, headers: { ...headers, 'x-csrf-token': b.csrf }, payload: body })
  assert.equal(ok.statusCode, 200, ok.body)
  assert.equal(ok.json().responsibleOfficial, 'Lena Lst')
})

test('the endpoints are documented in the OpenAPI file', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
  assert.ok(doc.paths['/api/v1/collaborations/{id}/signatures'].get)
  assert.ok(doc.paths['/api/v1/signatures/{id}'].get)
  assert.ok(doc.paths['/api/v1/signatures/{id}/steps'].post.requestBody)
})
