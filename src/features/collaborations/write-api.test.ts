import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { sql } from 'drizzle-orm'
import { actorForUser } from '../accounts/index.ts'
import { createApiToken } from '../api-tokens/index.ts'
import { type BuiltCollaboration, buildCollaboration, buildMeeting, buildSeat, orgId } from '../meetings/meetings.test-factories.ts'

/**
 * The JSON write endpoints for bodies, parties, people, meetings and attendance (issue 3 item 12),
 * called with tokens as a machine client would: the services' rules and audit apply unchanged.
 */
let t: TestApp
let c: BuiltCollaboration
let coordinatorToken: string
let editorToken: string

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  const admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  const adminActor = (await actorForUser(t.deps, admin.id, 'session'))!
  const tokenFor = async (userId: string) =>
    (await createApiToken(t.deps, { actor: adminActor }, { name: `Test ${userId.slice(0, 6)}`, userId, scopes: ['read', 'write'] })).secret
  coordinatorToken = await tokenFor((await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })).id)
  editorToken = await tokenFor((await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })).id)
})
after(() => t.close())

const api = (method: 'POST' | 'PUT' | 'PATCH', url: string, token: string, body: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) })

function problem(res: LightMyRequestResponse, status: number) {
  assert.equal(res.statusCode, status, res.body)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  assert.equal(res.json().status, status)
  return res.json() as { errors?: { path: string; code: string; message: string }[] }
}

const audited = async (action: string, entityId: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = ${action} and entity_id = ${entityId}`))[0].n

test('a coordinator token creates a body, changes it, adds a party and a person, schedules a meeting and records attendance', async () => {
  const created = await api('POST', `/api/v1/collaborations/${c.collaborationId}/bodies`, coordinatorToken, {
    kind: 'working_group',
    name: 'Arbetsgrupp API',
    visibility: 'partners',
    parentBodyId: c.bodyId,
  })
  assert.equal(created.statusCode, 200, created.body)
  const body = created.json()
  assert.equal(body.name, 'Arbetsgrupp API')
  assert.equal(body.parentBodyId, c.bodyId)
  assert.equal(body.version, 1)
  assert.equal(await audited('body.created', body.id), 1)

  const patched = await api('PATCH', `/api/v1/bodies/${body.id}`, coordinatorToken, { theme: 'Trygghet', version: 1 })
  assert.equal(patched.statusCode, 200, patched.body)
  assert.deepEqual(
    [patched.json().name, patched.json().theme, patched.json().kind, patched.json().version],
    ['Arbetsgrupp API', 'Trygghet', 'working_group', 2],
  )
  const stale = problem(await api('PATCH', `/api/v1/bodies/${body.id}`, coordinatorToken, { name: 'Gammal', version: 1 }), 409)
  assert.ok(stale)
  const cycle = problem(await api('PATCH', `/api/v1/bodies/${c.bodyId}`, coordinatorToken, { parentBodyId: body.id, version: 1 }), 409)
  assert.deepEqual(
    cycle.errors?.map((e) => e.path),
    ['parentBodyId'],
  )

  const party = await api('POST', `/api/v1/collaborations/${c.collaborationId}/parties`, coordinatorToken, {
    organisationId: await orgId(t.deps, 'region-ostergotland'),
  })
  assert.equal(party.statusCode, 200, party.body)
  assert.equal(party.json().code, 'region-ostergotland')
  problem(
    await api('POST', `/api/v1/collaborations/${c.collaborationId}/parties`, coordinatorToken, { organisationId: await orgId(t.deps, 'region-ostergotland') }),
    409,
  )

  const person = await api('POST', `/api/v1/collaborations/${c.collaborationId}/people`, coordinatorToken, {
    name: 'Sara Lind',
    organisationId: await orgId(t.deps, 'kommun-0581'),
    email: 'Sara.Lind@norrkoping.se',
  })
  assert.equal(person.statusCode, 200, person.body)
  assert.equal(person.json().email, 'sara.lind@norrkoping.se')
  assert.equal(await audited('person.created', person.json().id), 1)

  const meeting = await api('POST', `/api/v1/bodies/${c.bodyId}/meetings`, coordinatorToken, {
    title: 'Styrgruppsmöte',
    kind: 'ordinary',
    date: '2026-03-10',
    startTime: '13:00',
    endTime: '15:30',
    place: 'Linköping',
  })
  assert.equal(meeting.statusCode, 200, meeting.body)
  assert.equal(meeting.json().startsAt, '2026-03-10T12:00:00.000Z')
  const seat = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Olle Ek' })
  const att = await api('PUT', `/api/v1/meetings/${meeting.json().id}/attendance`, coordinatorToken, { entries: [{ seatId: seat.seatId, status: 'present' }] })
  assert.equal(att.statusCode, 200, att.body)
  assert.deepEqual(att.json(), { recorded: 1 })
  const [row] = await queryRows<{ minutes: number }>(
    t.deps.db,
    sql`select minutes_contributed as minutes from meeting_attendance where seat_id = ${seat.seatId}`,
  )
  assert.equal(row.minutes, 150)
})

test('an editor token may not create bodies, and records attendance only for its own party’s seats', async () => {
  const refused = problem(
    await api('POST', `/api/v1/collaborations/${c.collaborationId}/bodies`, editorToken, { kind: 'network', name: 'Nätverk', visibility: 'partners' }),
    403,
  )
  assert.ok(refused)
  problem(
    await api('POST', `/api/v1/bodies/${c.bodyId}/meetings`, editorToken, {
      title: 'X',
      kind: 'ordinary',
      date: '2026-04-01',
      startTime: '09:00',
      endTime: '10:00',
    }),
    403,
  )

  const meetingId = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-02-03' })
  const norrkoping = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Nils Norr' })
  const linkoping = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Lina Lind' })
  problem(await api('PUT', `/api/v1/meetings/${meetingId}/attendance`, editorToken, { entries: [{ seatId: norrkoping.seatId, status: 'present' }] }), 403)
  const none = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from meeting_attendance where meeting_id = ${meetingId}`)
  assert.equal(none[0].n, 0)
  const ok = await api('PUT', `/api/v1/meetings/${meetingId}/attendance`, editorToken, {
    entries: [{ seatId: linkoping.seatId, status: 'substitute_present', substituteName: 'Per Persson', minutes: 60 }],
  })
  assert.equal(ok.statusCode, 200, ok.body)
  assert.deepEqual(ok.json(), { recorded: 1 })

  // The editor adds people of their own organisation only.
  problem(
    await api('POST', `/api/v1/collaborations/${c.collaborationId}/people`, editorToken, { name: 'Någon', organisationId: await orgId(t.deps, 'kommun-0581') }),
    403,
  )
})

test('invalid input gives 400 problem+json naming the field', async () => {
  const noName = problem(
    await api('POST', `/api/v1/collaborations/${c.collaborationId}/bodies`, coordinatorToken, { kind: 'steering', visibility: 'public' }),
    400,
  )
  assert.ok(
    noName.errors?.some((e) => e.path === 'name'),
    JSON.stringify(noName),
  )
  const times = problem(
    await api('POST', `/api/v1/bodies/${c.bodyId}/meetings`, coordinatorToken, {
      title: 'X',
      kind: 'ordinary',
      date: '2026-04-01',
      startTime: '10:00',
      endTime: '09:00',
    }),
    400,
  )
  assert.deepEqual(
    times.errors?.map((e) => e.path),
    ['endTime'],
  )
  const meetingId = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-02-10' })
  const seat = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Sub Stitut' })
  const sub = problem(
    await api('PUT', `/api/v1/meetings/${meetingId}/attendance`, coordinatorToken, { entries: [{ seatId: seat.seatId, status: 'substitute_present' }] }),
    400,
  )
  assert.deepEqual(
    sub.errors?.map((e) => e.path),
    ['entries.0.substituteName'],
  )
  const email = problem(
    await api('POST', `/api/v1/collaborations/${c.collaborationId}/people`, coordinatorToken, {
      name: 'A',
      organisationId: c.ownerId,
      email: 'inte-en-adress',
    }),
    400,
  )
  assert.deepEqual(
    email.errors?.map((e) => e.path),
    ['email'],
  )
})

test('a browser session needs the CSRF header; anonymous calls get 401', async () => {
  const url = `/api/v1/collaborations/${c.collaborationId}/bodies`
  problem(await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{}' }), 401)
  const user = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  const b = new TestBrowser(t.app)
  await b.login(user.email, user.password)
  await b.get('/collaborations')
  const headers = { cookie: `tm_session=${b.cookie('tm_session')}`, 'content-type': 'application/json' }
  const payload = JSON.stringify({ kind: 'network', name: 'Nätverk via webbläsare', visibility: 'partners' })
  problem(await t.app.inject({ method: 'POST', url, headers, payload }), 403)
  const ok = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'x-csrf-token': b.csrf }, payload })
  assert.equal(ok.statusCode, 200, ok.body)
})

test('the OpenAPI document lists the new write endpoints', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
  assert.ok(doc.paths['/api/v1/collaborations/{id}/bodies'].post)
  assert.ok(doc.paths['/api/v1/bodies/{bodyId}'].patch)
  assert.ok(doc.paths['/api/v1/collaborations/{id}/parties'].post)
  assert.ok(doc.paths['/api/v1/collaborations/{id}/people'].post)
  assert.ok(doc.paths['/api/v1/bodies/{bodyId}/meetings'].post)
  assert.ok(doc.paths['/api/v1/meetings/{meetingId}/attendance'].put)
  assert.ok(doc.paths['/api/v1/meetings/{meetingId}/attendance'].put.requestBody.content['application/json'].schema.properties.entries)
})
