import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { actorForUser } from '../accounts/index.ts'
import { addDecision } from './minutes.service.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { type BuiltCollaboration, type BuiltSeat, buildBody, buildCollaboration, buildMeeting, buildSeat, justeraOnPaper } from './meetings.test-factories.ts'

let t: TestApp
let c: BuiltCollaboration
let coordinator: TestBrowser
let viewer: TestBrowser

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  const signIn = async (role: 'coordinator' | 'viewer', organisationCode: string) => {
    const u = await buildUser(t.deps, { role, organisationCode })
    const b = new TestBrowser(t.app)
    await b.login(u.email, u.password)
    return b
  }
  coordinator = await signIn('coordinator', 'lansstyrelsen-05')
  viewer = await signIn('viewer', 'kommun-0581')
})
after(() => t.close())

const paragraphOf = async (meetingId: string, title: string) =>
  (
    await queryRows<{ paragraph: number; year: number }>(
      t.deps.db,
      sql`select paragraph, year from meeting_decisions where meeting_id = ${meetingId} and title = ${title}`,
    )
  )[0]

async function decide(meetingId: string, title: string) {
  const res = await coordinator.post(`/meetings/${meetingId}/decisions/new`, { title, decisionText: `Beslut om ${title}.` })
  assert.equal(res.statusCode, 303, title)
  return paragraphOf(meetingId, title)
}

describe('decision numbering (§)', () => {
  test('§ continues across the meetings of a body in a year and starts again at § 1 the next year', async () => {
    const feb = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-02-02' })
    const may = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-05-05' })
    const next = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2027-01-15' })
    assert.deepEqual(await decide(feb, 'Lägesbild'), { paragraph: 1, year: 2026 })
    assert.deepEqual(await decide(feb, 'Verksamhetsplan'), { paragraph: 2, year: 2026 })
    assert.deepEqual(await decide(may, 'Budget'), { paragraph: 3, year: 2026 })
    assert.deepEqual(await decide(next, 'Årsrapport'), { paragraph: 1, year: 2027 })
    assert.deepEqual(await decide(feb, 'Tillägg'), { paragraph: 4, year: 2026 })
    const page = await viewer.get(`/meetings/${may}`)
    assert.match(page.body, /§ 3 Budget/)
    // Its § belong to 2026: the meeting cannot move to 2027 (it can within 2026).
    const edit = async (date: string) => {
      const v = /name="version" value="(\d+)"/.exec((await coordinator.get(`/meetings/${feb}/edit`)).body)![1]
      return coordinator.post(`/meetings/${feb}/edit`, {
        title: 'Februarimötet',
        kind: 'ordinary',
        date,
        startTime: '13:00',
        endTime: '15:00',
        status: 'planned',
        version: v,
      })
    }
    const moved = await edit('2027-02-02')
    assert.equal(moved.statusCode, 400)
    assert.match(moved.body, /<a href="#f-date">Mötet har protokollförda beslut/)
    assert.equal((await edit('2026-02-03')).statusCode, 303)
  })

  test('the year is the meeting’s year in Stockholm: 00:30 on New Year’s Day counts for the new year', async () => {
    const body = await buildBody(t.deps, c.collaborationId, c.ownerId, 'Beredningsgrupp')
    const early = await buildMeeting(t.deps, { bodyId: body, date: '2028-01-01', start: '00:30', end: '01:30' })
    assert.deepEqual(await decide(early, 'Nyårsbeslut'), { paragraph: 1, year: 2028 })
  })

  test('another body of the collaboration has its own numbering', async () => {
    const other = await buildBody(t.deps, c.collaborationId, c.ownerId, 'Arbetsgrupp trygghet')
    const m = await buildMeeting(t.deps, { bodyId: other, date: '2026-03-03' })
    assert.deepEqual(await decide(m, 'Egen numrering'), { paragraph: 1, year: 2026 })
  })

  test('decisions saved at the same moment in different meetings of a body get distinct, consecutive §', async () => {
    const body = await buildBody(t.deps, c.collaborationId, c.ownerId, 'Samtidiga beslut')
    const a = await buildMeeting(t.deps, { bodyId: body, date: '2026-02-10' })
    const b = await buildMeeting(t.deps, { bodyId: body, date: '2026-02-11' })
    const u = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
    const ctx = { actor: (await actorForUser(t.deps, u.id, 'session'))! }
    const saved = await Promise.all([a, b, a, b, a, b].map((m, i) => addDecision(t.deps, ctx, m, { title: `Samtidigt ${i}`, decisionText: 'x' })))
    assert.deepEqual(
      saved.map((d) => d.paragraph).sort((x, y) => x - y),
      [1, 2, 3, 4, 5, 6],
    )
  })

  test('the database refuses a second decision with the same § in a body and year', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-08-08' })
    await assert.rejects(
      t.deps.db.execute(
        sql`insert into meeting_decisions (meeting_id, body_id, year, paragraph, title, decision_text) values (${m}, ${c.bodyId}, 2026, 1, 'Dubblett', 'x')`,
      ),
    )
  })
})

describe('action items', () => {
  test('an open action item is on every later meeting’s agenda until it is done, and a done item cannot change', async () => {
    const body = await buildBody(t.deps, c.collaborationId, c.ownerId, 'Styrgrupp uppföljning')
    const seat = await buildSeat(t.deps, { bodyId: body, partyCode: 'kommun-0580', name: 'Anna Lind' })
    const first = await buildMeeting(t.deps, { bodyId: body, date: '2026-02-02' })
    const second = await buildMeeting(t.deps, { bodyId: body, date: '2026-04-04' })
    const third = await buildMeeting(t.deps, { bodyId: body, date: '2026-06-06' })
    const res = await coordinator.post(`/meetings/${first}/action-items/new`, {
      title: 'Ta fram lägesbild',
      ownerPersonId: seat.personId,
      dueOn: '2026-03-31',
      status: 'open',
    })
    assert.equal(res.statusCode, 303)
    const [item] = await queryRows<{ id: string; version: number }>(t.deps.db, sql`select id, version from action_items where meeting_id = ${first}`)

    const followUp = /Uppföljning: Ta fram lägesbild/
    assert.doesNotMatch((await viewer.get(`/meetings/${first}`)).body, followUp, 'not on its own meeting')
    assert.match((await viewer.get(`/meetings/${second}`)).body, followUp)
    assert.match((await viewer.get(`/meetings/${third}`)).body, followUp)

    // Still in progress at the second meeting: it stays.
    const edit = (status: string, version: number) =>
      coordinator.post(`/action-items/${item.id}/edit`, {
        title: 'Ta fram lägesbild',
        ownerPersonId: seat.personId,
        dueOn: '2026-03-31',
        status,
        version: String(version),
      })
    assert.equal((await edit('in_progress', item.version)).statusCode, 303)
    assert.match((await viewer.get(`/meetings/${third}`)).body, followUp)
    // Justering of the second meeting writes the follow-up into its agenda for good.
    await justeraOnPaper(coordinator, second, seat.seatId)

    assert.equal((await edit('done', item.version + 1)).statusCode, 303)
    const [done] = await queryRows<{ status: string; done_at: Date | null; version: number }>(
      t.deps.db,
      sql`select status, done_at, version from action_items where id = ${item.id}`,
    )
    assert.equal(done.status, 'done')
    assert.ok(done.done_at)
    assert.doesNotMatch((await viewer.get(`/meetings/${third}`)).body, followUp, 'gone once done')
    assert.match((await viewer.get(`/meetings/${second}`)).body, followUp, 'the approved agenda keeps it')

    const again = await edit('open', done.version)
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /Åtgärden är klar/)
    const [still] = await queryRows<{ status: string }>(t.deps.db, sql`select status from action_items where id = ${item.id}`)
    assert.equal(still.status, 'done')
  })

  test('an owner who holds no seat in the body is refused on the owner field', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-10-10' })
    const stranger = await buildSeat(t.deps, {
      bodyId: await buildBody(t.deps, c.collaborationId, c.ownerId, 'Annat organ'),
      partyCode: 'kommun-0581',
      name: 'Olle Utomstående',
    })
    const res = await coordinator.post(`/meetings/${m}/action-items/new`, { title: 'X', ownerPersonId: stranger.personId, status: 'open' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<a href="#f-ownerPersonId">Välj en person i organet eller skriv ett namn<\/a>/)
  })
})

describe('time contributed', () => {
  test('is summed per party and year in hours with a decimal comma; absence and cancelled meetings count nothing', async () => {
    const fresh = await buildCollaboration(t.deps)
    const seats: Record<string, BuiltSeat> = {
      lkp: await buildSeat(t.deps, { bodyId: fresh.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind' }),
      lkp2: await buildSeat(t.deps, { bodyId: fresh.bodyId, partyCode: 'kommun-0580', name: 'Lars Lund', level: 'official' }),
      nkp: await buildSeat(t.deps, { bodyId: fresh.bodyId, partyCode: 'kommun-0581', name: 'Nils Norr' }),
    }
    const m2025 = await buildMeeting(t.deps, { bodyId: fresh.bodyId, date: '2025-11-11', start: '13:00', end: '15:00' })
    const m2026a = await buildMeeting(t.deps, { bodyId: fresh.bodyId, date: '2026-02-02', start: '09:00', end: '12:00' })
    const m2026b = await buildMeeting(t.deps, { bodyId: fresh.bodyId, date: '2026-03-03', start: '09:00', end: '10:00' })
    const cancelled = await buildMeeting(t.deps, { bodyId: fresh.bodyId, date: '2026-04-04' })
    const record = async (meeting: string, fields: Record<string, string>) =>
      assert.equal((await coordinator.post(`/meetings/${meeting}/attendance`, fields)).statusCode, 303)
    await record(m2025, { [`status_${seats.lkp.seatId}`]: 'present', [`status_${seats.nkp.seatId}`]: 'present', [`time_${seats.nkp.seatId}`]: '1,5' })
    await record(m2026a, {
      [`status_${seats.lkp.seatId}`]: 'present',
      [`time_${seats.lkp.seatId}`]: '2:30',
      [`status_${seats.lkp2.seatId}`]: 'present',
      [`status_${seats.nkp.seatId}`]: 'absent',
    })
    await record(m2026b, {
      [`status_${seats.lkp.seatId}`]: 'substitute_present',
      [`substitute_${seats.lkp.seatId}`]: 'Karin',
      [`status_${seats.nkp.seatId}`]: 'present',
      [`time_${seats.nkp.seatId}`]: '0:20',
    })
    await record(cancelled, { [`status_${seats.lkp.seatId}`]: 'present' })
    await t.deps.db.execute(sql`update meetings set status = 'cancelled' where id = ${cancelled}`)

    const { timeByPartyAndYear } = await import('./index.ts')
    const rows = (await timeByPartyAndYear(t.deps.db, fresh.collaborationId)).map((r) => `${r.partyName} ${r.year} ${r.minutes}`).sort()
    // Linköping 2026: 150 (typed) + 180 (default) + 60 (substitute, default) = 390; Norrköping 2026: 0 (absent) + 20.
    assert.deepEqual(rows, ['Linköpings kommun 2025 120', 'Linköpings kommun 2026 390', 'Norrköpings kommun 2025 90', 'Norrköpings kommun 2026 20'])

    const page = await viewer.get(`/collaborations/${fresh.collaborationId}/time`)
    assert.equal(page.statusCode, 200)
    const row = (name: string) =>
      new RegExp(`<td>${name}</td>${'<td class="table__cell--numeric">(?:<strong>)?([^<]+)(?:</strong>)?</td>'.repeat(3)}`).exec(page.body)?.slice(1)
    assert.deepEqual(row('Linköpings kommun'), ['2', '6,5', '8,5'])
    assert.deepEqual(row('Norrköpings kommun'), ['1,5', '0,33', '1,83'])
  })
})
