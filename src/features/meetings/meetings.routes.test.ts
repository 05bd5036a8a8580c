import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Role } from '../../platform/http/actor.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { type BuiltCollaboration, type BuiltSeat, buildCollaboration, buildMeeting, buildSeat } from './meetings.test-factories.ts'

let t: TestApp
let c: BuiltCollaboration
let lkp: BuiltSeat
let nkp: BuiltSeat
let lst: BuiltSeat
const browsers = {} as Record<'coordinator' | 'editor' | 'viewer' | 'outsider', TestBrowser>

const signIn = async (role: Role, organisationCode: string) => signedIn(t.app, await buildUser(t.deps, { role, organisationCode }))

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  lkp = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind' })
  nkp = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Nils Norr' })
  lst = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'lansstyrelsen-05', name: 'Lena Länsdotter' })
  browsers.coordinator = await signIn('coordinator', 'lansstyrelsen-05')
  browsers.editor = await signIn('editor', 'kommun-0580')
  browsers.viewer = await signIn('viewer', 'kommun-0580')
  // Region Östergötland is not a party of this test collaboration.
  browsers.outsider = await signIn('viewer', 'region-ostergotland')
})
after(() => t.close())

const meetingRow = async (id: string) => (await queryRows<Record<string, any>>(t.deps.db, sql`select * from meetings where id = ${id}`))[0]
const attendanceOf = (meetingId: string) =>
  queryRows<{ seat_id: string; status: string; minutes_contributed: number; substitute_name: string | null }>(
    t.deps.db,
    sql`select seat_id, status, minutes_contributed, substitute_name from meeting_attendance where meeting_id = ${meetingId}`,
  )
const count = async (table: string, meetingId: string) =>
  Number((await queryRows<{ n: string }>(t.deps.db, sql`select count(*)::text as n from ${sql.identifier(table)} where meeting_id = ${meetingId}`))[0].n)
const version = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''

describe('creating meetings', () => {
  test('a coordinator creates a meeting; its times are Swedish time and partners see it', async () => {
    const b = browsers.coordinator
    assert.equal((await b.get(`/bodies/${c.bodyId}/meetings/new`)).statusCode, 200)
    const res = await b.post(`/bodies/${c.bodyId}/meetings/new`, {
      title: 'Styrgruppsmöte februari',
      kind: 'ordinary',
      date: '2026-02-02',
      startTime: '13:00',
      endTime: '15:30',
      place: 'Länsstyrelsen',
    })
    assert.equal(res.statusCode, 303)
    const id = /^\/meetings\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1]
    assert.ok(id)
    const row = await meetingRow(id)
    assert.equal(new Date(row.starts_at).toISOString(), '2026-02-02T12:00:00.000Z')
    assert.equal(new Date(row.ends_at).toISOString(), '2026-02-02T14:30:00.000Z')
    const page = await browsers.viewer.get(`/meetings/${id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Styrgruppsmöte februari/)
    assert.match(page.body, /2026-02-02 13:00–15:30/)
    const list = await browsers.viewer.get(`/bodies/${c.bodyId}/meetings`)
    assert.match(list.body, new RegExp(`<a href="/meetings/${id}">2026-02-02 13:00–15:30</a>`))
  })

  test('an end before the start is refused on the end time field and nothing is created', async () => {
    const before = await queryRows(t.deps.db, sql`select id from meetings`)
    const res = await browsers.coordinator.post(`/bodies/${c.bodyId}/meetings/new`, {
      title: 'Fel',
      kind: 'ordinary',
      date: '2026-02-02',
      startTime: '15:00',
      endTime: '13:00',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<a href="#f-endTime">Sluttiden måste vara efter starttiden<\/a>/)
    assert.equal((await queryRows(t.deps.db, sql`select id from meetings`)).length, before.length)
  })

  test('a party that is not in the collaboration cannot read its meetings', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-03-03' })
    assert.equal((await browsers.outsider.get(`/meetings/${id}`)).statusCode, 403)
    assert.equal((await browsers.outsider.get(`/bodies/${c.bodyId}/meetings`)).statusCode, 403)
    const api = await browsers.outsider.get(`/api/v1/meetings/${id}`)
    assert.equal(api.statusCode, 403)
    assert.match(String(api.headers['content-type']), /application\/problem\+json/)
  })
})

describe('who may write', () => {
  test('a viewer reads everything but every write is refused with 403 and changes nothing', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-04-04' })
    const b = browsers.viewer
    assert.equal((await b.get(`/meetings/${id}`)).statusCode, 200)
    const before = await meetingRow(id)
    const writes: [string, Record<string, string>][] = [
      [`/bodies/${c.bodyId}/meetings/new`, { title: 'X', kind: 'ordinary', date: '2026-05-05', startTime: '10:00', endTime: '11:00' }],
      [`/meetings/${id}/edit`, { title: 'X', kind: 'ordinary', date: '2026-05-05', startTime: '10:00', endTime: '11:00', status: 'planned', version: '1' }],
      [`/meetings/${id}/attendance`, { [`status_${lkp.seatId}`]: 'present' }],
      [`/meetings/${id}/minutes`, { minutesText: 'X', version: '1' }],
      [`/meetings/${id}/decisions/new`, { title: 'X', decisionText: 'Y' }],
      [`/meetings/${id}/action-items/new`, { title: 'X', status: 'open' }],
      [`/meetings/${id}/agenda/new`, { title: 'X' }],
      [`/meetings/${id}/distribution`, { recipient: 'X' }],
      [`/meetings/${id}/invitations`, {}],
      [`/meetings/${id}/justering`, { justerare: lkp.seatId, version: '1' }],
      [`/meetings/${id}/justering/record`, { justeradOn: '2026-04-04', version: '1' }],
    ]
    for (const [url, fields] of writes) assert.equal((await b.post(url, fields)).statusCode, 403, url)
    assert.deepEqual(await meetingRow(id), before)
    assert.equal(await count('meeting_attendance', id), 0)
    assert.equal(await count('meeting_decisions', id), 0)
  })

  test('an editor of Linköping records attendance for the Linköping seat, not for a Norrköping seat (403)', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-05-05', start: '09:00', end: '11:00' })
    const b = browsers.editor
    const form = await b.get(`/meetings/${id}/attendance`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, new RegExp(`name="status_${lkp.seatId}"`))
    assert.doesNotMatch(form.body, new RegExp(`name="status_${nkp.seatId}"`))

    const ok = await b.post(`/meetings/${id}/attendance`, {
      [`status_${lkp.seatId}`]: 'substitute_present',
      [`substitute_${lkp.seatId}`]: 'Karin Ersätt',
      [`time_${lkp.seatId}`]: '2,5',
    })
    assert.equal(ok.statusCode, 303)
    assert.deepEqual(await attendanceOf(id), [{ seat_id: lkp.seatId, status: 'substitute_present', minutes_contributed: 150, substitute_name: 'Karin Ersätt' }])

    const refused = await b.post(`/meetings/${id}/attendance`, { [`status_${nkp.seatId}`]: 'present' })
    assert.equal(refused.statusCode, 403)
    // Mixed with an allowed seat the whole form is refused: nothing of it is written.
    const mixed = await b.post(`/meetings/${id}/attendance`, { [`status_${lkp.seatId}`]: 'absent', [`status_${nkp.seatId}`]: 'present' })
    assert.equal(mixed.statusCode, 403)
    assert.deepEqual(await attendanceOf(id), [{ seat_id: lkp.seatId, status: 'substitute_present', minutes_contributed: 150, substitute_name: 'Karin Ersätt' }])
  })

  test('a substitute needs a name and a time must be a duration; the form keeps what was typed', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-05-06' })
    const res = await browsers.coordinator.post(`/meetings/${id}/attendance`, {
      [`status_${lkp.seatId}`]: 'substitute_present',
      [`status_${nkp.seatId}`]: 'present',
      [`time_${nkp.seatId}`]: 'två timmar',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, new RegExp(`<a href="#f-substitute_${lkp.seatId}">Skriv ersättarens namn</a>`))
    assert.match(res.body, new RegExp(`<a href="#f-time_${nkp.seatId}">Skriv tiden som timmar`))
    assert.match(res.body, /value="två timmar"/)
    assert.equal(await count('meeting_attendance', id), 0)
  })
})

describe('justering', () => {
  test('after the minutes are approved every edit is refused with 409 and nothing changes; action items stay open for follow-up', async () => {
    const b = browsers.coordinator
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-06-10', start: '10:00', end: '12:00' })
    // Attendance with the default time: the meeting's length (2 h).
    assert.equal(
      (
        await b.post(`/meetings/${id}/attendance`, {
          [`status_${lkp.seatId}`]: 'present',
          [`status_${nkp.seatId}`]: 'absent',
          [`status_${lst.seatId}`]: 'present',
        })
      ).statusCode,
      303,
    )
    assert.deepEqual((await attendanceOf(id)).map((a) => a.minutes_contributed).sort(), [0, 120, 120])
    await b.get(`/meetings/${id}/minutes`)
    assert.equal(
      (await b.post(`/meetings/${id}/minutes`, { minutesText: 'Mötet öppnades.', version: version((await b.get(`/meetings/${id}/minutes`)).body) })).statusCode,
      303,
    )
    assert.equal((await b.post(`/meetings/${id}/decisions/new`, { title: 'Lägesbild', decisionText: 'Styrgruppen godkänner lägesbilden.' })).statusCode, 303)
    assert.equal(
      (await b.post(`/meetings/${id}/action-items/new`, { title: 'Sammanställ statistik', ownerPersonId: lkp.personId, status: 'open' })).statusCode,
      303,
    )
    assert.equal((await b.post(`/meetings/${id}/distribution`, { recipient: 'Kommunstyrelsen i Linköpings kommun' })).statusCode, 303)

    const requested = await b.post(`/meetings/${id}/justering`, { justerare: lkp.seatId, version: version((await b.get(`/meetings/${id}/justering`)).body) })
    assert.equal(requested.statusCode, 303)
    const approved = await b.post(`/meetings/${id}/justering/record`, {
      justeradOn: '2026-06-12',
      version: version((await b.get(`/meetings/${id}/justering`)).body),
    })
    assert.equal(approved.statusCode, 303)
    const frozen = await meetingRow(id)
    assert.ok(frozen.minutes_approved_at)
    assert.equal(frozen.status, 'held')
    const snapshot = {
      meeting: frozen,
      attendance: await attendanceOf(id),
      decisions: await queryRows(t.deps.db, sql`select * from meeting_decisions where meeting_id = ${id}`),
      agenda: await count('agenda_items', id),
      distribution: await count('meeting_distribution', id),
    }
    const v = String(frozen.version)
    const refused: [string, Record<string, string>][] = [
      [`/meetings/${id}/minutes`, { minutesText: 'Ändrad text', version: v }],
      [`/meetings/${id}/decisions/new`, { title: 'Nytt', decisionText: 'Nytt beslut' }],
      [`/meetings/${id}/attendance`, { [`status_${nkp.seatId}`]: 'present' }],
      [`/meetings/${id}/edit`, { title: 'Ny rubrik', kind: 'ordinary', date: '2026-06-10', startTime: '10:00', endTime: '12:00', status: 'held', version: v }],
      [`/meetings/${id}/agenda/new`, { title: 'Ny punkt' }],
      [`/meetings/${id}/distribution`, { recipient: 'Någon annan' }],
      [`/meetings/${id}/justering`, { justerare: lkp.seatId, version: v }],
      [`/meetings/${id}/justering/record`, { justeradOn: '2026-06-12', version: v }],
    ]
    for (const [url, fields] of refused) {
      const res = await b.post(url, fields)
      assert.equal(res.statusCode, 409, url)
      assert.match(res.body, /Protokollet är justerat/, url)
    }
    // An editor recording their own seat is refused the same way.
    assert.equal((await browsers.editor.post(`/meetings/${id}/attendance`, { [`status_${lkp.seatId}`]: 'absent' })).statusCode, 409)
    const decisionId = (snapshot.decisions[0] as { id: string }).id
    assert.equal((await b.post(`/meetings/${id}/decisions/${decisionId}/edit`, { title: 'Ändrat', decisionText: 'Ändrat', version: v })).statusCode, 409)
    assert.equal((await b.get(`/meetings/${id}/minutes`)).statusCode, 409)

    assert.deepEqual(
      {
        meeting: await meetingRow(id),
        attendance: await attendanceOf(id),
        decisions: await queryRows(t.deps.db, sql`select * from meeting_decisions where meeting_id = ${id}`),
        agenda: await count('agenda_items', id),
        distribution: await count('meeting_distribution', id),
      },
      snapshot,
    )
    const after = await b.get(`/meetings/${id}`)
    assert.match(after.body, /Protokollet är justerat och kan inte längre ändras/)
    assert.doesNotMatch(after.body, /action="\/meetings\/[^"]+\/justering/)

    // Follow-up continues after justering: the action item can still change, until it is done.
    const [item] = await queryRows<{ id: string; version: number }>(t.deps.db, sql`select id, version from action_items where meeting_id = ${id}`)
    const edit = await b.post(`/action-items/${item.id}/edit`, {
      title: 'Sammanställ statistik',
      ownerPersonId: lkp.personId,
      status: 'in_progress',
      version: String(item.version),
    })
    assert.equal(edit.statusCode, 303)
  })

  test('two people editing the minutes from the same version: the second gets 409 with both texts, the first is kept', async () => {
    const b = browsers.coordinator
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-06-11' })
    const v = version((await b.get(`/meetings/${id}/minutes`)).body)
    assert.equal((await b.post(`/meetings/${id}/minutes`, { minutesText: 'Första versionen', version: v })).statusCode, 303)
    const second = await b.post(`/meetings/${id}/minutes`, { minutesText: 'Andra versionen', version: v })
    assert.equal(second.statusCode, 409)
    assert.match(second.body, /Första versionen/)
    assert.match(second.body, /Andra versionen/)
    assert.equal((await meetingRow(id)).minutes_text, 'Första versionen')
  })
})

describe('the meetings API', () => {
  test('lists a body’s meetings and gives one meeting with agenda, attendance and decisions', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-09-09', title: 'API-mötet' })
    const b = browsers.coordinator
    assert.equal((await b.post(`/meetings/${id}/agenda/new`, { title: 'Inledning', presenter: 'Ordföranden', plannedMinutes: '10' })).statusCode, 303)
    assert.equal((await b.post(`/meetings/${id}/attendance`, { [`status_${lkp.seatId}`]: 'present', [`time_${lkp.seatId}`]: '1:30' })).statusCode, 303)
    assert.equal((await b.post(`/meetings/${id}/decisions/new`, { title: 'Budget', decisionText: 'Godkänd.' })).statusCode, 303)

    const list = await browsers.viewer.get(`/api/v1/bodies/${c.bodyId}/meetings`)
    assert.equal(list.statusCode, 200)
    assert.ok(JSON.parse(list.body).items.some((m: { id: string }) => m.id === id))
    const one = JSON.parse((await browsers.viewer.get(`/api/v1/meetings/${id}`)).body)
    assert.equal(one.title, 'API-mötet')
    assert.equal(one.startsAt, '2026-09-09T11:00:00.000Z')
    // The agenda's own item first, then the open action item carried from the June meeting.
    assert.deepEqual(
      one.agenda.map((a: { title: string; actionItemId: string | null }) => [a.title, !!a.actionItemId]),
      [
        ['Inledning', false],
        ['Sammanställ statistik', true],
      ],
    )
    assert.deepEqual(
      one.attendance.find((a: { seatId: string }) => a.seatId === lkp.seatId),
      {
        seatId: lkp.seatId,
        personName: 'Anna Lind',
        partyId: lkp.partyId,
        partyName: 'Linköpings kommun',
        status: 'present',
        substituteName: null,
        minutesContributed: 90,
      },
    )
    assert.equal(one.decisions[0].title, 'Budget')
    assert.equal(typeof one.decisions[0].paragraph, 'number')
    const doc = JSON.parse((await t.app.inject({ url: '/api/v1/openapi.json' })).body)
    assert.ok(doc.paths['/api/v1/meetings/{meetingId}'].get)
    assert.ok(doc.paths['/api/v1/bodies/{bodyId}/meetings'].get)
  })
})
