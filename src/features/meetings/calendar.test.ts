import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import ical from 'node-ical'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { userFeedPath } from './index.ts'
import { type BuiltCollaboration, type BuiltSeat, buildBody, buildCollaboration, buildMeeting, buildSeat } from './meetings.test-factories.ts'

let t: TestApp
let c: BuiltCollaboration
let coordinator: TestBrowser
let member: BuiltUser
let memberBrowser: TestBrowser
let seats: BuiltSeat[]
let otherBody: string

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  otherBody = await buildBody(t.deps, c.collaborationId, c.ownerId, 'Arbetsgrupp ANDT')
  const co = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  coordinator = new TestBrowser(t.app)
  await coordinator.login(co.email, co.password)
  // A user who also holds a seat (same e-mail address, any letter case) in the steering body only.
  member = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580', email: 'anna.lind@linkoping.example.se', name: 'Anna Lind' })
  memberBrowser = new TestBrowser(t.app)
  await memberBrowser.login(member.email, member.password)
  seats = [
    await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind', email: 'Anna.Lind@linkoping.example.se' }),
    await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Nils Norr' }),
    await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'lansstyrelsen-05', name: 'Lena Länsdotter', level: 'official' }),
    await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Utan Epost', email: null }),
  ]
  // An ended seat is not invited and not in anyone's feed.
  await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Före Detta', validTo: '2023-12-31' })
  await buildSeat(t.deps, { bodyId: otherBody, partyCode: 'kommun-0581', name: 'Nils Norr' })
})
after(() => t.close())

const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((v) => v?.type === 'VEVENT') as ical.VEvent[]
const mailJobs = () =>
  queryRows<{ data: { to: string; subject: string; text: string; ics: string } }>(
    t.deps.db,
    sql`select data from pgboss.job where name = 'mail.send' order by created_on`,
  )
const invitations = (meetingId: string) =>
  queryRows<{ seat_id: string; email: string }>(t.deps.db, sql`select seat_id, email from meeting_invitations where meeting_id = ${meetingId} order by email`)

describe('calendar files', () => {
  test('the body feed parses with an iCalendar library; 13:00 Stockholm in February is 12:00Z, in June 11:00Z', async () => {
    const feb = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-02-02', start: '13:00', end: '15:00', title: 'Februarimötet' })
    const jun = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-06-02', start: '13:00', end: '14:30', title: 'Junimötet' })
    const res = await memberBrowser.get(`/bodies/${c.bodyId}/calendar.ics`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/calendar/)
    assert.match(res.body, /DTSTART;TZID=Europe\/Stockholm:20260202T130000/)
    assert.match(res.body, /BEGIN:VTIMEZONE/)
    const byTitle = new Map(events(res.body).map((e) => [String(e.summary), e]))
    const f = byTitle.get('Februarimötet – Styrgrupp')!
    assert.equal(f.start.toISOString(), '2026-02-02T12:00:00.000Z')
    assert.equal(f.end?.toISOString(), '2026-02-02T14:00:00.000Z')
    assert.equal(f.location, 'Länsstyrelsen, Linköping')
    assert.equal(f.uid, `meeting-${feb}@localhost`)
    assert.equal(byTitle.get('Junimötet – Styrgrupp')!.start.toISOString(), '2026-06-02T11:00:00.000Z')
    assert.equal(byTitle.get('Junimötet – Styrgrupp')!.uid, `meeting-${jun}@localhost`)
  })

  test('a feed with meetings is RFC 5545 text: DTSTAMP in UTC, every line and the last one ending in CRLF', async () => {
    await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-10-20', title: 'Oktobermötet' })
    const before = Date.now()
    const res = await memberBrowser.get(`/bodies/${c.bodyId}/calendar.ics`)
    assert.equal(res.statusCode, 200)
    assert.ok(events(res.body).length >= 1, 'the feed has meetings')
    assert.ok(res.body.endsWith('END:VCALENDAR\r\n'), 'ends with CRLF')
    assert.doesNotMatch(res.body, /[^\r]\n/, 'no bare LF')
    const stamps = [...res.body.matchAll(/^DTSTAMP(.*)\r$/gm)].map((m) => m[1])
    assert.equal(stamps.length, events(res.body).length)
    for (const stamp of stamps) {
      const m = /^:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)
      assert.ok(m, `DTSTAMP${stamp} is a UTC date-time`)
      const at = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
      assert.ok(Math.abs(at - before) < 60_000, 'and it is now, in UTC')
    }
    // The single meeting's file is the same kind of text.
    const [one] = await queryRows<{ id: string }>(t.deps.db, sql`select id from meetings where title = 'Oktobermötet'`)
    const single = await memberBrowser.get(`/meetings/${one.id}/meeting.ics`)
    assert.equal(single.statusCode, 200)
    assert.equal(events(single.body).length, 1)
    assert.match(single.body, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/)
    assert.ok(single.body.endsWith('END:VCALENDAR\r\n'))
  })

  test('the personal feed needs the right MAC (404 otherwise) and holds only the bodies where the user’s person has a seat', async () => {
    const mine = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-09-01', title: 'Mitt möte' })
    const notMine = await buildMeeting(t.deps, { bodyId: otherBody, date: '2026-09-02', title: 'Andras möte' })
    const path = userFeedPath(t.deps, member.id)
    const anonymous = new TestBrowser(t.app)
    const res = await anonymous.get(path)
    assert.equal(res.statusCode, 200)
    const uids = events(res.body).map((e) => e.uid)
    assert.ok(uids.includes(`meeting-${mine}@localhost`))
    assert.ok(!uids.includes(`meeting-${notMine}@localhost`))

    const other = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
    for (const bad of [
      path.replace(/\/([^/]+)\.ics$/, '/fel.ics'),
      path.replace(/\/([^/]+)\.ics$/, (_m, mac: string) => `/${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}.ics`),
      `/calendar/${other.id}/${path.split('/').pop()}`,
      `/calendar/inte-ett-id/${path.split('/').pop()}`,
    ]) {
      assert.equal((await anonymous.get(bad)).statusCode, 404, bad)
    }
    // The user's own page shows the address.
    const page = await memberBrowser.get('/calendar')
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes(`http://localhost:3000${path}`))
    assert.match(page.body, /Styrgrupp/)
  })
})

describe('invitations', () => {
  test('without a running queue the invitations are recorded, not sent, and the page says so', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2099-10-10' })
    const res = await coordinator.post(`/meetings/${m}/invitations`)
    assert.equal(res.statusCode, 303)
    const page = await coordinator.get(`/meetings/${m}`)
    assert.match(page.body, /registrerad för 3 personer men inte skickad/)
    assert.equal((await invitations(m)).length, 3)
  })

  test('with the queue started: one mail.send job and one invitation per seat with an e-mail; sending again adds no invitation rows', async () => {
    await t.deps.jobs.start({ work: false })
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2099-11-02', start: '13:00', end: '15:00', title: 'Novembermötet' })
    assert.equal((await coordinator.post(`/meetings/${m}/agenda/new`, { title: 'Lägesbild', presenter: 'Polisen' })).statusCode, 303)
    const before = (await mailJobs()).length
    assert.equal((await coordinator.post(`/meetings/${m}/invitations`)).statusCode, 303)
    const jobs = (await mailJobs()).slice(before)
    const invited = await invitations(m)
    assert.equal(jobs.length, 3)
    assert.equal(invited.length, 3)
    assert.deepEqual(new Set(invited.map((i) => i.seat_id)), new Set(seats.slice(0, 3).map((s) => s.seatId)))
    assert.deepEqual(jobs.map((j) => j.data.to).sort(), invited.map((i) => i.email).sort())

    const anna = jobs.find((j) => j.data.to === 'Anna.Lind@linkoping.example.se')!
    assert.match(anna.data.subject, /Novembermötet/)
    assert.match(anna.data.text, /2099-11-02 kl\. 13:00–15:00/)
    assert.match(anna.data.ics, /^METHOD:REQUEST\r?$/m)
    const [event] = events(anna.data.ics)
    assert.equal(event.uid, `meeting-${m}@localhost`)
    assert.equal(event.start.toISOString(), '2099-11-02T12:00:00.000Z')
    assert.match(String(event.description), /1\. Lägesbild \(Polisen\)/)

    assert.equal((await coordinator.post(`/meetings/${m}/invitations`)).statusCode, 303)
    assert.equal((await invitations(m)).length, 3)
    assert.equal((await mailJobs()).length, before + 6)
    const page = await coordinator.get(`/meetings/${m}`)
    assert.match(page.body, /Kallelse skickad till 3 personer/)
  })

  test('a meeting that has begun is not offered a notice, and a posted one is refused (E14)', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-01-15' })
    const page = await coordinator.get(`/meetings/${m}`)
    assert.match(page.body, /Mötet har redan börjat, så kallelsen skickas inte längre\./)
    assert.doesNotMatch(page.body, /Skicka kallelsen/)
    const res = await coordinator.post(`/meetings/${m}/invitations`)
    assert.equal(res.statusCode, 409)
    assert.equal((await invitations(m)).length, 0)
  })
})
