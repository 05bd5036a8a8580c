import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, count, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { seats } from './bodies.tables.ts'
import { type TestCollaboration, buildCollaboration, buildPerson, buildSeat } from './seats.test-factories.ts'

let t: TestApp
let c: TestCollaboration
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.outsider = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(() => t.close())

const as = (role: string) => signedIn(t.app, users[role])

const seatCount = async () => (await t.deps.db.select({ n: count() }).from(seats))[0].n
const seatFields = (personId: string, organisationId: string, over: Record<string, string> = {}) => ({
  personId,
  organisationId,
  role: 'member',
  level: 'official',
  membership: 'ordinary',
  validFrom: '2024-01-01',
  validTo: '',
  visibility: '',
  ...over,
})

describe('adding seats', () => {
  test('the coordinator adds a seat through the form; it is listed, defaults its visibility by level and is audited', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0581'], 'Nora Norrköping')
    const b = await as('coordinator')
    const form = await b.get(`/bodies/${c.steeringId}/seats/new`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Nora Norrköping – Norrköpings kommun/)
    const res = await b.post(`/bodies/${c.steeringId}/seats/new`, seatFields(person.id, c.org['kommun-0581'], { level: 'chief', role: 'vice_chair' }))
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/bodies/${c.steeringId}/seats`)
    const [seat] = await t.deps.db.select().from(seats).where(eq(seats.personId, person.id))
    assert.equal(seat.visibility, 'public')
    const list = await b.get(`/bodies/${c.steeringId}/seats`)
    assert.match(list.body, /Nora Norrköping är sparad som ledamot/)
    assert.match(list.body, /Vice ordförande/)
    assert.match(list.body, /Chef\/ledningsnivå/)
    assert.match(list.body, /Aktuell/)
    const audited = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'seat.added'), eq(auditEvents.entityId, seat.id)))
    assert.equal(audited.length, 1)
  })

  test('an overlapping seat of the same person in the same body is refused with a Swedish field error, and nothing is saved', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0580'], 'Olle Överlapp')
    await buildSeat(t.deps, {
      bodyId: c.workingGroupId,
      personId: person.id,
      organisationId: c.org['kommun-0580'],
      validFrom: '2023-01-01',
      validTo: '2024-06-30',
    })
    const b = await as('coordinator')
    await b.get(`/bodies/${c.workingGroupId}/seats/new`)
    const before = await seatCount()
    const res = await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(person.id, c.org['kommun-0580'], { validFrom: '2024-06-30' }))
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /Personen är redan ledamot i Arbetsgrupp trygghet under perioden 2023-01-01–2024-06-30/)
    assert.match(res.body, /href="#f-validFrom"/)
    assert.match(res.body, /value="2024-06-30"/, 'the typed values are kept')
    assert.equal(await seatCount(), before)
    // Open-ended: an existing seat without an end overlaps everything after its start.
    await buildSeat(t.deps, { bodyId: c.steeringId, personId: person.id, organisationId: c.org['kommun-0580'], validFrom: '2025-01-01' })
    const open = await b.post(
      `/bodies/${c.steeringId}/seats/new`,
      seatFields(person.id, c.org['kommun-0580'], { validFrom: '2020-01-01', validTo: '2025-01-01' }),
    )
    assert.equal(open.statusCode, 409)
    assert.match(open.body, /från 2025-01-01 och tills vidare/)
    // The day after the earlier seat ended is free; another body is free too.
    assert.equal(
      (await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(person.id, c.org['kommun-0580'], { validFrom: '2024-07-01' }))).statusCode,
      303,
    )
    assert.equal(await seatCount(), before + 2)
  })

  test('an end date before the start date is a field error', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0580'])
    const b = await as('coordinator')
    await b.get(`/bodies/${c.workingGroupId}/seats/new`)
    const before = await seatCount()
    const res = await b.post(
      `/bodies/${c.workingGroupId}/seats/new`,
      seatFields(person.id, c.org['kommun-0580'], { validFrom: '2024-05-01', validTo: '2024-04-30' }),
    )
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Till och med-datumet kan inte vara före från och med-datumet/)
    assert.match(res.body, /href="#f-validTo"/)
    assert.equal(await seatCount(), before)
  })

  test('an editor of Linköping adds a seat for a Linköping person representing Linköping, but not for Norrköping', async () => {
    const lkp = await buildPerson(t.deps, c.org['kommun-0580'], 'Lisa Linköping')
    const nkp = await buildPerson(t.deps, c.org['kommun-0581'], 'Nils Norrköping')
    const b = await as('editor')
    const form = await b.get(`/bodies/${c.workingGroupId}/seats/new`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Lisa Linköping/)
    assert.doesNotMatch(form.body, /Nils Norrköping/, 'only their own people are offered')
    const ok = await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(lkp.id, c.org['kommun-0580']))
    assert.equal(ok.statusCode, 303)
    const before = await seatCount()
    assert.equal((await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(lkp.id, c.org['kommun-0581'], { validFrom: '2030-01-01' }))).statusCode, 403)
    assert.equal((await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(nkp.id, c.org['kommun-0580']))).statusCode, 403)
    assert.equal((await b.post(`/bodies/${c.workingGroupId}/seats/new`, seatFields(nkp.id, c.org['kommun-0581']))).statusCode, 403)
    assert.equal(await seatCount(), before)
  })

  test('a viewer, and an editor of a non-party, are refused every write', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0580'])
    const seat = await buildSeat(t.deps, { bodyId: c.preparationId, personId: person.id, organisationId: c.org['kommun-0580'] })
    for (const role of ['viewer', 'outsider']) {
      const b = await as(role)
      await b.get('/')
      assert.equal((await b.get(`/bodies/${c.preparationId}/seats/new`)).statusCode, 403, role)
      assert.equal(
        (await b.post(`/bodies/${c.preparationId}/seats/new`, seatFields(person.id, c.org['kommun-0580'], { validFrom: '2031-01-01' }))).statusCode,
        403,
        role,
      )
      assert.equal((await b.get(`/seats/${seat.id}/edit`)).statusCode, role === 'viewer' ? 403 : 404, role)
      assert.equal((await b.post(`/seats/${seat.id}/end`, { endedOn: '2025-01-01', version: '1' })).statusCode, role === 'viewer' ? 403 : 404, role)
    }
    const [after] = await t.deps.db.select().from(seats).where(eq(seats.id, seat.id))
    assert.deepEqual([after.validTo, after.version], [null, 1])
  })
})

describe('editing and ending seats', () => {
  test('ending a seat keeps it, marks it ended and is audited; a stale version is a 409 and changes nothing', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0580'], 'Erik Ende')
    const seat = await buildSeat(t.deps, { bodyId: c.preparationId, personId: person.id, organisationId: c.org['kommun-0580'], validFrom: '2023-01-01' })
    const b = await as('editor')
    const edit = await b.get(`/seats/${seat.id}/edit`)
    assert.equal(edit.statusCode, 200)
    assert.match(edit.body, /Avsluta uppdraget/)
    const early = await b.post(`/seats/${seat.id}/end`, { endedOn: '2022-12-31', version: '1' })
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /Uppdraget kan inte avslutas före sin första dag \(2023-01-01\)/)
    assert.equal((await b.post(`/seats/${seat.id}/end`, { endedOn: '2024-12-31', version: '1' })).statusCode, 303)
    const list = await b.get(`/bodies/${c.preparationId}/seats`)
    assert.match(list.body, /2023-01-01 – 2024-12-31/)
    assert.match(list.body, /Avslutad/)
    const stale = await b.post(`/seats/${seat.id}/end`, { endedOn: '2024-06-30', version: '1' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har ändrat uppdraget/)
    const staleEdit = await b.post(`/seats/${seat.id}/edit`, { ...seatFields(person.id, c.org['kommun-0580']), role: 'chair', version: '1' })
    assert.equal(staleEdit.statusCode, 409)
    assert.match(staleEdit.body, /Ordförande/)
    const [now] = await t.deps.db.select().from(seats).where(eq(seats.id, seat.id))
    assert.deepEqual([now.validTo, now.role, now.version], ['2024-12-31', 'member', 2])
    const ended = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'seat.ended'), eq(auditEvents.entityId, seat.id)))
    assert.equal(ended.length, 1)
  })

  test('editing with the current version saves and is audited; overlaps are checked against the other seats only', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0581'])
    const seat = await buildSeat(t.deps, {
      bodyId: c.preparationId,
      personId: person.id,
      organisationId: c.org['kommun-0581'],
      validFrom: '2023-01-01',
      validTo: '2023-12-31',
    })
    await buildSeat(t.deps, { bodyId: c.preparationId, personId: person.id, organisationId: c.org['kommun-0581'], validFrom: '2024-01-01' })
    const b = await as('coordinator')
    await b.get(`/seats/${seat.id}/edit`)
    const fields = { ...seatFields(person.id, c.org['kommun-0581']), validFrom: '2022-06-01', validTo: '2023-12-31', role: 'secretary', version: '1' }
    assert.equal((await b.post(`/seats/${seat.id}/edit`, fields)).statusCode, 303)
    assert.equal((await b.post(`/seats/${seat.id}/edit`, { ...fields, validTo: '', version: '2' })).statusCode, 409)
    const [now] = await t.deps.db.select().from(seats).where(eq(seats.id, seat.id))
    assert.deepEqual([now.validFrom, now.role, now.version], ['2022-06-01', 'secretary', 2])
    const updated = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'seat.updated'), eq(auditEvents.entityId, seat.id)))
    assert.equal(updated.length, 1)
  })
})

describe('who sees which seats', () => {
  test('partners see every seat; the public and non-partners see only public seats, in the page and the API', async () => {
    const chief = await buildPerson(t.deps, c.org['region-ostergotland'], 'Cecilia Chef')
    const official = await buildPerson(t.deps, c.org['region-ostergotland'], 'Tore Tjänsteperson')
    await buildSeat(t.deps, { bodyId: c.steeringId, personId: chief.id, organisationId: c.org['region-ostergotland'], level: 'chief' })
    await buildSeat(t.deps, { bodyId: c.steeringId, personId: official.id, organisationId: c.org['region-ostergotland'], level: 'official' })
    const anonymous = await new TestBrowser(t.app).get(`/bodies/${c.steeringId}/seats`)
    assert.equal(anonymous.statusCode, 200)
    assert.match(anonymous.body, /Cecilia Chef/)
    assert.doesNotMatch(anonymous.body, /Tore Tjänsteperson/)
    const viewer = await as('viewer')
    assert.match((await viewer.get(`/bodies/${c.steeringId}/seats`)).body, /Tore Tjänsteperson/)
    const api = await viewer.get(`/api/v1/bodies/${c.steeringId}/seats`)
    assert.equal(api.statusCode, 200)
    assert.ok(JSON.parse(api.body).items.some((s: { person: { name: string } }) => s.person.name === 'Tore Tjänsteperson'))
    const outsiderApi = JSON.parse((await (await as('outsider')).get(`/api/v1/bodies/${c.steeringId}/seats`)).body)
    assert.ok(outsiderApi.items.length > 0)
    assert.ok(outsiderApi.items.every((s: { visibility: string }) => s.visibility === 'public'))
    assert.equal((await new TestBrowser(t.app).get(`/api/v1/bodies/${c.steeringId}/seats`)).statusCode, 401)
  })

  test('the API adds seats with the same rules: overlap → 409 problem with the field, other party → 403', async () => {
    const person = await buildPerson(t.deps, c.org['kommun-0580'])
    const b = await as('editor')
    await b.get(`/bodies/${c.steeringId}/seats`)
    const post = (body: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/bodies/${c.steeringId}/seats`,
        payload: body,
        headers: { cookie: `tm_session=${b.cookie('tm_session')}`, 'x-csrf-token': b.csrf },
      })
    const body = { personId: person.id, organisationId: c.org['kommun-0580'], level: 'official', validFrom: '2024-01-01' }
    const created = await post(body)
    assert.equal(created.statusCode, 200, created.body)
    assert.equal(created.json().visibility, 'partners')
    const clash = await post({ ...body, validFrom: '2025-01-01' })
    assert.equal(clash.statusCode, 409)
    assert.equal(clash.json().errors[0].path, 'validFrom')
    assert.equal((await post({ ...body, organisationId: c.org['kommun-0581'], validFrom: '2030-01-01' })).statusCode, 403)
  })
})
