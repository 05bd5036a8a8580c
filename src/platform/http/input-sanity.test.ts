import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { buildCollaboration, type TestCollaboration } from '../../features/bodies/seats.test-factories.ts'
import { buildMeeting, buildSeat } from '../../features/meetings/meetings.test-factories.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { queryRows } from '../db/query-rows.ts'

/** NUL and other control characters, and dates outside 1900–2100, are refused at the door with a field error. */
let t: TestApp
let c: TestCollaboration
let coordinator: TestBrowser
before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  coordinator = await signedIn(t.app, await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' }))
})
after(() => t.close())

const people = async (name: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from people where name like ${`${name}%`}`))[0].n
const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: `tm_session=${coordinator.cookie('tm_session')}`, 'x-csrf-token': coordinator.csrf, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  })

test('a form with a NUL in a text field re-renders with the error on that field and the other values kept', async () => {
  await coordinator.get(`/collaborations/${c.id}/people/new`)
  const res = await coordinator.post(`/collaborations/${c.id}/people/new`, {
    name: 'Nulla\u0000 Nilsson',
    title: 'Trygghetssamordnare',
    organisationId: c.org['kommun-0580'],
  })
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /Det finns ett problem/)
  assert.match(res.body, /href="#f-name">Texten innehåller tecken som inte kan sparas/)
  assert.match(res.body, /value="Trygghetssamordnare"/)
  assert.equal(await people('Nulla'), 0)
})

test('a JSON body with a control character anywhere is refused with problem+json naming the field', async () => {
  for (const name of ['Nulla\u0000', 'Bell\u0007', 'Escape\u001b[31m', 'Del\u007f']) {
    const res = await json('POST', `/api/v1/collaborations/${c.id}/people`, { name, organisationId: c.org['kommun-0580'] })
    assert.equal(res.statusCode, 400, JSON.stringify(name))
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
    assert.deepEqual(
      res.json().errors.map((e: { path: string }) => e.path),
      ['name'],
    )
  }
  assert.equal(await people('Nulla'), 0)
  const ok = await json('POST', `/api/v1/collaborations/${c.id}/people`, { name: 'Tabba\tTabsson', organisationId: c.org['kommun-0580'] })
  assert.equal(ok.statusCode, 200, 'a tab is ordinary text')
})

test('a query string with a NUL is a 400, never a database error', async () => {
  for (const url of ['/organisations?q=%00', '/admin/audit?from=%00', `/api/v1/collaborations/${c.id}?x=%01`]) {
    const res = await coordinator.get(url)
    assert.equal(res.statusCode, 400, url)
  }
})

test('dates outside 1900–2100 are refused on forms and in the API, never changed', async () => {
  const [person] = await queryRows<{ id: string }>(
    t.deps.db,
    sql`insert into people (name, organisation_id) values ('Datum Datumsson', ${c.org['kommun-0580']}) returning id`,
  )
  await coordinator.get(`/bodies/${c.steeringId}/seats/new`)
  for (const validFrom of ['0000-01-01', '1899-12-31', '2101-01-01', '20266-01-01']) {
    const page = await coordinator.post(`/bodies/${c.steeringId}/seats/new`, {
      personId: person.id,
      organisationId: c.org['kommun-0580'],
      role: 'member',
      level: 'chief',
      membership: 'ordinary',
      validFrom,
    })
    assert.equal(page.statusCode, 400, validFrom)
    assert.match(page.body, /href="#f-validFrom"/, validFrom)
    assert.ok(page.body.includes(`value="${validFrom}"`), `${validFrom} is shown as typed`)
    const api = await json('POST', `/api/v1/bodies/${c.steeringId}/seats`, {
      personId: person.id,
      organisationId: c.org['kommun-0580'],
      level: 'chief',
      validFrom,
    })
    assert.equal(api.statusCode, 400, validFrom)
    assert.equal(api.json().errors[0].path, 'validFrom')
  }
  const seats = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from seats where person_id = ${person.id}`)
  assert.equal(seats[0].n, 0)
})

test('a batch naming the same seat twice is refused as a whole, naming the repeat', async () => {
  const meetingId = await buildMeeting(t.deps, { bodyId: c.steeringId, date: '2026-03-10' })
  const seat = await buildSeat(t.deps, { bodyId: c.steeringId, partyCode: 'kommun-0580', name: 'Dubbel Dubbelsson' })
  const other = await buildSeat(t.deps, { bodyId: c.steeringId, partyCode: 'kommun-0581', name: 'Enkel Enkelsson' })
  const res = await json('PUT', `/api/v1/meetings/${meetingId}/attendance`, {
    entries: [
      { seatId: seat.seatId, status: 'present' },
      { seatId: other.seatId, status: 'present' },
      { seatId: seat.seatId, status: 'absent' },
    ],
  })
  assert.equal(res.statusCode, 400, res.body)
  assert.deepEqual(
    res.json().errors.map((e: { path: string }) => e.path),
    ['entries.2.seatId'],
  )
  const rows = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from meeting_attendance where meeting_id = ${meetingId}`)
  assert.equal(rows[0].n, 0)
})

test('exports refuse bad filters before the first byte instead of dying half-way', async () => {
  for (const query of ['from=0000-01-01', 'to=2101-01-01', 'actor=%00', 'organisation=inte-en-uuid', 'before=99999999999999999999']) {
    const res = await coordinator.get(`/admin/audit.csv?${query}`)
    assert.equal(res.statusCode, 400, query)
    assert.match(String(res.headers['content-type']), /^text\/html/, query)
  }
  const ok = await coordinator.get('/admin/audit.csv?from=1900-01-01&to=2100-12-31')
  assert.equal(ok.statusCode, 200)
  assert.match(ok.body, /\r\n$/, 'the whole file arrives')
  const board = await coordinator.get(`/collaborations/${c.id}/signatures.csv?status=%01&sort=nonsense`)
  assert.equal(board.statusCode, 400)
})
