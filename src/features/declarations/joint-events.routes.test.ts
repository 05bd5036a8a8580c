import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import {
  SMALL_PDF,
  type TestCollaboration,
  auditActions,
  buildCollaborationWithDeclaration,
  postMultipart,
  signatureRow,
  textOf,
} from './declarations.test-factories.ts'
import { canManageJointEvents, canReadJointEvents } from './joint-events.policy.ts'
import type { Actor } from '../../platform/http/actor.ts'

let t: TestApp
let c: TestCollaboration
let coordinator: BuiltUser
let editor: BuiltUser
const browsers = new Map<string, TestBrowser>()

async function as(user: BuiltUser) {
  let b = browsers.get(user.email)
  if (!b) {
    b = new TestBrowser(t.app)
    await b.login(user.email, user.password)
    browsers.set(user.email, b)
  }
  return b
}

const meeting = {
  kind: 'decision_meeting',
  eventDate: '2022-02-02',
  startTime: '13.00',
  endTime: '15.00',
  place: 'Linköpings slott',
  invitedLevel: 'kommunstyrelsens ordförande och representant på ledningsnivå',
}

const count = async (table: string) => Number((await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n)

before(async () => {
  t = await buildTestApp()
  c = await buildCollaborationWithDeclaration(t.deps)
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
})
after(() => t.close())

describe('joint events policy', () => {
  const scope = { organisationId: 'owner', partyIds: ['owner', 'party'] }
  const actor = (role: Actor['roles'][number]['role'], organisationId: string) =>
    ({
      userId: 'u',
      email: 'e',
      name: 'n',
      organisationId,
      organisationName: '',
      roles: [{ role, organisationId }],
      via: 'session',
      mustChangePassword: false,
    }) as Actor
  test('the owner’s coordinator and the admin arrange; partners read; others neither', () => {
    assert.equal(canManageJointEvents(actor('coordinator', 'owner'), scope), true)
    assert.equal(canManageJointEvents(actor('admin', 'elsewhere'), scope), true)
    assert.equal(canManageJointEvents(actor('editor', 'party'), scope), false)
    assert.equal(canManageJointEvents(actor('coordinator', 'other-county'), scope), false)
    assert.equal(canReadJointEvents(actor('viewer', 'party'), scope), true)
    assert.equal(canReadJointEvents(actor('editor', 'stranger'), scope), false)
    assert.equal(canReadJointEvents(undefined, scope), false)
  })
})

describe('joint decision meeting and joint signing', () => {
  let eventId = ''

  test('the coordinator creates the joint decision meeting with its invitation; every party is invited; audited', async () => {
    const b = await as(coordinator)
    const form = await b.get(`/collaborations/${c.collaborationId}/joint-events/new`)
    assert.equal(form.statusCode, 200)
    const res = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, meeting, {
      name: 'file',
      filename: 'inbjudan.pdf',
      data: SMALL_PDF,
    })
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400))
    eventId = String(res.headers.location).split('/').pop()!
    assert.equal(await count('joint_event_parties'), 3)
    const [audited] = await auditActions(t.deps, eventId)
    assert.equal(audited.action, 'joint_event.created')
    const page = textOf((await b.get(`/joint-events/${eventId}`)).body)
    assert.match(page, /Gemensamt beslutsmöte 2022-02-02/)
    assert.match(page, /2022-02-02 kl\. 13\.00–15\.00/)
    assert.match(page, /Linköpings slott/)
    assert.match(page, /inbjudan\.pdf \(PDF/)
    // Invitation and joining dates per party.
    assert.match(page, /Linköpings kommun 2022-01-01 2021-12-01 kommunstyrelsens ordförande och representant på ledningsnivå Inget svar/)
  })

  test('bad input re-renders the form with the errors and the values; nothing is stored', async () => {
    const b = await as(coordinator)
    const before = await count('joint_events')
    const res = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, {
      ...meeting,
      eventDate: '2022-02-30',
      endTime: '12.00',
      place: ' ',
    })
    assert.equal(res.statusCode, 400)
    const text = textOf(res.body)
    assert.match(text, /Skriv datumet som ÅÅÅÅ-MM-DD/)
    assert.match(text, /Skriv platsen/)
    assert.match(res.body, /value="kommunstyrelsens ordförande och representant på ledningsnivå"/)
    const times = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, { ...meeting, endTime: '12.00' })
    assert.equal(times.statusCode, 400)
    assert.match(textOf(times.body), /Sluttiden måste vara efter starttiden/)
    const dup = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, meeting)
    assert.equal(dup.statusCode, 400)
    assert.match(textOf(dup.body), /Det finns redan en sådan händelse det datumet/)
    assert.equal(await count('joint_events'), before)
  })

  test('the coordinator records a party’s answer with who attends, audited', async () => {
    const b = await as(coordinator)
    const url = `/joint-events/${eventId}/parties/${c.organisations['kommun-0580']}`
    assert.equal((await b.get(url)).statusCode, 200)
    const bad = await b.post(url, { version: '1', answer: 'maybe' })
    assert.equal(bad.statusCode, 400)
    assert.match(textOf(bad.body), /Välj partens svar/)
    const res = await b.post(url, { version: '1', answer: 'attends', attendees: 'Kommunstyrelsens ordförande och säkerhetschefen', answeredOn: '2022-01-20' })
    assert.equal(res.statusCode, 303)
    const page = textOf((await b.get(`/joint-events/${eventId}`)).body)
    assert.match(page, /Deltar Kommunstyrelsens ordförande och säkerhetschefen/)
    const events = await auditActions(t.deps, eventId)
    assert.deepEqual(
      events.map((e) => e.action),
      ['joint_event.created', 'joint_event.answer_recorded'],
    )
    // The same form again is stale: refused, nothing changed.
    const stale = await b.post(url, { version: '1', answer: 'declines' })
    assert.equal(stale.statusCode, 409)
  })

  test('partners read but cannot arrange; strangers see nothing', async () => {
    const b = await as(editor)
    assert.equal((await b.get(`/collaborations/${c.collaborationId}/joint-events`)).statusCode, 200)
    const page = await b.get(`/joint-events/${eventId}`)
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /Registrera svar/)
    assert.equal((await b.get(`/collaborations/${c.collaborationId}/joint-events/new`)).statusCode, 403)
    assert.equal((await b.get(`/joint-events/${eventId}/edit`)).statusCode, 403)
    assert.equal((await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, { ...meeting, eventDate: '2022-03-01' })).statusCode, 403)
    assert.equal((await b.post(`/joint-events/${eventId}/parties/${c.organisations['kommun-0580']}`, { version: '2', answer: 'declines' })).statusCode, 403)
    const stranger = await as(await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0582' }))
    assert.equal((await stranger.get(`/joint-events/${eventId}`)).statusCode, 403)
    const anonymous = await new TestBrowser(t.app).get(`/joint-events/${eventId}`)
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/login/)
    assert.equal((await b.get('/joint-events/not-a-uuid')).statusCode, 404)
  })

  test('the coordinator changes the time; a stale edit is refused', async () => {
    const b = await as(coordinator)
    const res = await postMultipart(t.app, b, `/joint-events/${eventId}`, { ...meeting, startTime: '13.30', version: '1' })
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 300))
    assert.match(textOf((await b.get(`/joint-events/${eventId}`)).body), /13\.30–15\.00/)
    const stale = await postMultipart(t.app, b, `/joint-events/${eventId}`, { ...meeting, place: 'Annat', version: '1' })
    assert.equal(stale.statusCode, 409)
    assert.deepEqual(
      (await auditActions(t.deps, eventId)).map((e) => e.action),
      ['joint_event.created', 'joint_event.answer_recorded', 'joint_event.updated'],
    )
  })

  test('a signature recorded at the joint signing shows the event, and the event shows the signature', async () => {
    const b = await as(coordinator)
    const created = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/joint-events`, {
      kind: 'signing',
      eventDate: '2022-03-16',
      place: 'Linköpings slott',
    })
    assert.equal(created.statusCode, 303)
    const signingId = String(created.headers.location).split('/').pop()!
    const id = c.signatures['kommun-0581']
    const steps: Record<string, string>[] = [
      { step: 'in_preparation', responsibleOfficial: 'Handläggare A', memoDate: '2022-01-10' },
      { step: 'decided', decisionBody: 'Kommunstyrelsen', decisionDate: '2022-02-15', decisionLines: 'Programförklaringen godkänns.' },
    ]
    for (const [i, fields] of steps.entries()) assert.equal((await b.post(`/signatures/${id}/steps`, { version: String(i + 1), ...fields })).statusCode, 303)
    const form = await b.get(`/signatures/${id}`)
    assert.match(form.body, new RegExp(`<option value="${signingId}">Gemensamt undertecknande 2022-03-16, Linköpings slott</option>`))
    const signing = { step: 'signed', version: '3', signerName: 'Ordförande B', signedAtEventId: signingId }
    const wrongDate = await b.post(`/signatures/${id}/steps`, { ...signing, signedOn: '2022-03-17' })
    assert.equal(wrongDate.statusCode, 400)
    assert.match(textOf(wrongDate.body), /Datumet ska vara det gemensamma undertecknandets datum \(2022-03-16\)/)
    const notSigning = await b.post(`/signatures/${id}/steps`, { ...signing, signedOn: '2022-02-02', signedAtEventId: eventId })
    assert.equal(notSigning.statusCode, 400)
    const ok = await b.post(`/signatures/${id}/steps`, { ...signing, signedOn: '2022-03-16' })
    assert.equal(ok.statusCode, 303, textOf(ok.body).slice(0, 300))
    assert.equal((await signatureRow(t.deps, id)).signed_at_event_id, signingId)
    const page = await b.get(`/signatures/${id}`)
    assert.match(textOf(page.body), /Undertecknad vid Gemensamt undertecknande 2022-03-16, Linköpings slott/)
    assert.match(page.body, new RegExp(`href="/joint-events/${signingId}"`))
    assert.match(textOf((await b.get(`/joint-events/${signingId}`)).body), /Norrköpings kommun .*Undertecknade här 2022-03-16/)
  })
})
