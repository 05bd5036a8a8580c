import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { and, count, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { people } from './bodies.tables.ts'
import { type TestCollaboration, buildCollaboration, buildPerson } from './seats.test-factories.ts'

let t: TestApp
let c: TestCollaboration
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
  users.outsider = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(() => t.close())

const as = (role: string) => signedIn(t.app, users[role])
const peopleCount = async () => (await t.deps.db.select({ n: count() }).from(people))[0].n
const fields = (organisationId: string, over: Record<string, string> = {}) => ({
  name: 'Petra Person',
  title: 'Samordnare',
  organisationId,
  email: 'petra@linkoping.se',
  phone: '013-20 60 00',
  ...over,
})

test('an editor adds a person of their own organisation, audited; not one of another party', async () => {
  const b = await as('editor')
  const form = await b.get(`/collaborations/${c.id}/people/new`)
  assert.equal(form.statusCode, 200)
  assert.match(form.body, /Linköpings kommun/)
  assert.doesNotMatch(form.body, /Norrköpings kommun/, 'only their own organisation is offered')
  const res = await b.post(`/collaborations/${c.id}/people/new`, fields(c.org['kommun-0580']))
  assert.equal(res.statusCode, 303)
  const [p] = await t.deps.db.select().from(people).where(eq(people.name, 'Petra Person'))
  assert.equal(p.email, 'petra@linkoping.se')
  const audited = await t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'person.created'), eq(auditEvents.entityId, p.id)))
  assert.equal(audited.length, 1)
  const before = await peopleCount()
  assert.equal((await b.post(`/collaborations/${c.id}/people/new`, fields(c.org['kommun-0581'], { name: 'Fel Part' }))).statusCode, 403)
  assert.equal(await peopleCount(), before)
})

test('bad input is shown on the form with the values kept', async () => {
  const b = await as('coordinator')
  await b.get(`/collaborations/${c.id}/people/new`)
  const res = await b.post(`/collaborations/${c.id}/people/new`, fields(c.org['kommun-0581'], { name: '', email: 'inte-en-adress' }))
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /Skriv personens namn/)
  assert.match(res.body, /Skriv en e-postadress som namn@exempel.se/)
  assert.match(res.body, /value="inte-en-adress"/)
  const notParty = await b.post(`/collaborations/${c.id}/people/new`, fields(c.org['kommun-0580'], { organisationId: '00000000-0000-4000-8000-000000000000' }))
  assert.equal(notParty.statusCode, 400)
  assert.match(notParty.body, /Organisationen är inte part i samverkan/)
})

test('partners read the list, non-partners are refused, and viewers cannot write', async () => {
  await buildPerson(t.deps, c.org['kommun-0581'], 'Vera Viewer-synlig')
  const viewer = await as('viewer')
  const list = await viewer.get(`/collaborations/${c.id}/people`)
  assert.equal(list.statusCode, 200)
  assert.match(list.body, /Vera Viewer-synlig/)
  assert.doesNotMatch(list.body, /Lägg till person/)
  assert.equal((await viewer.get(`/collaborations/${c.id}/people/new`)).statusCode, 403)
  assert.equal((await viewer.post(`/collaborations/${c.id}/people/new`, fields(c.org['kommun-0581']))).statusCode, 403)
  assert.equal((await (await as('outsider')).get(`/collaborations/${c.id}/people`)).statusCode, 403)
})

test('editing with a stale version is a 409 showing both versions, and nothing is overwritten', async () => {
  const person = await buildPerson(t.deps, c.org['kommun-0580'], 'Stina Stale')
  const a = await as('editor')
  const b = await as('coordinator')
  await a.get(`/collaborations/${c.id}/people/${person.id}/edit`)
  await b.get(`/collaborations/${c.id}/people/${person.id}/edit`)
  const first = await b.post(`/collaborations/${c.id}/people/${person.id}/edit`, fields(c.org['kommun-0580'], { name: 'Stina Ny', version: '1' }))
  assert.equal(first.statusCode, 303)
  const second = await a.post(`/collaborations/${c.id}/people/${person.id}/edit`, fields(c.org['kommun-0580'], { name: 'Stina Annan', version: '1' }))
  assert.equal(second.statusCode, 409)
  assert.match(second.body, /Stina Annan/)
  assert.match(second.body, /Stina Ny/)
  const [now] = await t.deps.db.select().from(people).where(eq(people.id, person.id))
  assert.deepEqual([now.name, now.version], ['Stina Ny', 2])
  const updated = await t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'person.updated'), eq(auditEvents.entityId, person.id)))
  assert.equal(updated.length, 1)
  // The editor may not move their person to another party.
  const moved = await a.post(`/collaborations/${c.id}/people/${person.id}/edit`, fields(c.org['kommun-0581'], { version: '2' }))
  assert.equal(moved.statusCode, 403)
})
