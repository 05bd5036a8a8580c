import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { meetingTodos } from './index.ts'
import { type BuiltCollaboration, type BuiltSeat, buildCollaboration, buildMeeting, buildSeat } from './meetings.test-factories.ts'

/** Convenors convene (issue 6 E13): the police, a convening party, runs the styrgrupp's meetings; Linköping's editor cannot. */

let t: TestApp
let c: BuiltCollaboration
let seat: BuiltSeat
let police: TestBrowser
let linkoping: TestBrowser

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps, { parties: [{ code: 'polisomrade-ostergotland', convenor: true }] })
  seat = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind' })
  police = await signedIn(t.app, await buildUser(t.deps, { role: 'editor', organisationCode: 'polisomrade-ostergotland' }))
  linkoping = await signedIn(t.app, await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' }))
})
after(() => t.close())

const newMeeting = { title: 'Styrgruppsmöte', kind: 'ordinary', date: '2026-03-03', startTime: '13:00', endTime: '15:00', place: 'Polishuset' }
const meetingCount = async () =>
  Number((await queryRows<{ n: string }>(t.deps.db, sql`select count(*)::text as n from meetings where body_id = ${c.bodyId}`))[0].n)

describe('convenors convene', () => {
  test('an editor of the police (a convening party) creates a meeting and runs it: agenda, attendance for every party, minutes, justering', async () => {
    const list = await police.get(`/bodies/${c.bodyId}/meetings`)
    assert.match(list.body, /href="\/bodies\/[^"]+\/meetings\/new"/, 'offered "Nytt möte"')
    assert.equal((await police.get(`/bodies/${c.bodyId}/meetings/new`)).statusCode, 200)
    const res = await police.post(`/bodies/${c.bodyId}/meetings/new`, newMeeting)
    assert.equal(res.statusCode, 303)
    const id = String(res.headers.location).split('/').pop()!
    assert.equal((await police.post(`/meetings/${id}/agenda/new`, { title: 'Lägesbild' })).statusCode, 303)
    assert.equal((await police.post(`/meetings/${id}/attendance`, { [`status_${seat.seatId}`]: 'present' })).statusCode, 303, 'another party’s seat too')
    const v = /name="version" value="(\d+)"/.exec((await police.get(`/meetings/${id}/minutes`)).body)![1]
    assert.equal((await police.post(`/meetings/${id}/minutes`, { minutesText: 'Mötet öppnades.', version: v })).statusCode, 303)
    assert.equal((await police.post(`/meetings/${id}/decisions/new`, { title: 'Lägesbild', decisionText: 'Godkänns.' })).statusCode, 303)
    assert.equal((await police.get(`/meetings/${id}/justering`)).statusCode, 200)
    const [audit] = await queryRows<{ n: string }>(
      t.deps.db,
      sql`select count(*)::text as n from audit_events where action = 'meeting.created' and entity_id = ${id}`,
    )
    assert.equal(audit.n, '1')
  })

  test('an editor of Linköping (a party that does not convene) cannot create or run meetings: 403 and nothing written', async () => {
    const list = await linkoping.get(`/bodies/${c.bodyId}/meetings`)
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, /href="\/bodies\/[^"]+\/meetings\/new"/)
    const before = await meetingCount()
    assert.equal((await linkoping.get(`/bodies/${c.bodyId}/meetings/new`)).statusCode, 403)
    assert.equal((await linkoping.post(`/bodies/${c.bodyId}/meetings/new`, newMeeting)).statusCode, 403)
    assert.equal(await meetingCount(), before)
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-04-04' })
    for (const [url, fields] of [
      [`/meetings/${id}/agenda/new`, { title: 'X' }],
      [`/meetings/${id}/minutes`, { minutesText: 'X', version: '1' }],
      [`/meetings/${id}/decisions/new`, { title: 'X', decisionText: 'Y' }],
      [`/meetings/${id}/justering`, { justerare: seat.seatId, version: '1' }],
      [`/meetings/${id}/invitations`, {}],
    ] as const)
      assert.equal((await linkoping.post(url, fields)).statusCode, 403, url)
    // Their own party's attendance they still record.
    assert.equal((await linkoping.post(`/meetings/${id}/attendance`, { [`status_${seat.seatId}`]: 'present' })).statusCode, 303)
  })

  test('meetingTodos lists the coming meetings of bodies the user’s party sits in or convenes', async () => {
    const soon = new Date(Date.now() + 7 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: soon, title: 'Nästa styrgruppsmöte' })
    const [u] = await queryRows<{ id: string; organisation_id: string }>(
      t.deps.db,
      sql`select u.id, o.id as organisation_id from users u, organisations o where o.code = 'region-ostergotland' limit 1`,
    )
    const outsider = {
      userId: u.id,
      email: 'x@example.se',
      name: 'X',
      organisationId: u.organisation_id,
      organisationName: 'Region',
      roles: [{ organisationId: u.organisation_id, role: 'editor' as const }],
      via: 'session' as const,
      mustChangePassword: false,
    }
    assert.deepEqual((await meetingTodos(t.deps, outsider)).upcoming, [], 'a party with no seat there and no convenor role')
    const lkp = { ...outsider, organisationId: seat.partyId, roles: [{ organisationId: seat.partyId, role: 'viewer' as const }] }
    assert.ok((await meetingTodos(t.deps, lkp)).upcoming.some((m) => m.meetingId === id))
  })
})
