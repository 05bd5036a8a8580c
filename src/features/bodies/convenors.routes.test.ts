import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { bodyConvenors } from './bodies.tables.ts'

let t: TestApp
let otmb: string
let regbra: string
let police: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  ;[{ id: otmb }] = await queryRows<{ id: string }>(t.deps.db, sql`select id from collaborations where code = 'otmb'`)
  ;[{ id: regbra }] = await queryRows<{ id: string }>(t.deps.db, sql`select id from bodies where collaboration_id = ${otmb} and kind = 'network'`)
  police = (await findOrganisationByCode(t.deps.db, 'polisomrade-ostergotland'))!.id
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const periods = () => t.deps.db.select().from(bodyConvenors).where(eq(bodyConvenors.bodyId, regbra))
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

test('Regbrå’s page shows the unrecorded years since 2010 and Länsstyrelsen from 2017; so does the structure’s text version', async () => {
  const b = await as('editor')
  const page = text((await b.get(`/bodies/${regbra}`)).body)
  assert.match(page, /2010-01-01 – 2016-12-31: uppgift saknas/)
  assert.match(page, /2017-01-01 – tills vidare: Länsstyrelsen Östergötland/)
  assert.doesNotMatch(page, /Lägg till sammankallande/, 'an editor of a party does not edit the body')
  const overview = text((await b.get(`/collaborations/${otmb}`)).body)
  assert.match(overview, /Sammankallande: 2010-01-01 – 2016-12-31: uppgift saknas 2017-01-01 – tills vidare: Länsstyrelsen Östergötland/)
  assert.match(overview, /Regbrås beredningsgrupp/)
})

test('an overlapping period is refused with the error summary and nothing is saved', async () => {
  const b = await as('coordinator')
  await b.get(`/bodies/${regbra}/convenors/new`)
  const before = await periods()
  const res = await b.post(`/bodies/${regbra}/convenors/new`, { organisationId: police, validFrom: '2016-06-01', validTo: '2017-01-01' })
  assert.equal(res.statusCode, 409)
  assert.match(res.body, /class="error-summary"/)
  assert.match(res.body, /överlappar en registrerad period: Länsstyrelsen Östergötland från 2017-01-01 och tills vidare/)
  assert.match(res.body, /href="#f-validFrom"/)
  assert.deepEqual(await periods(), before)
})

test('an end before the start is a field error; nothing is saved', async () => {
  const b = await as('coordinator')
  await b.get(`/bodies/${regbra}/convenors/new`)
  const res = await b.post(`/bodies/${regbra}/convenors/new`, { organisationId: police, validFrom: '2015-01-01', validTo: '2014-12-31' })
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /Till och med-datumet kan inte vara före från och med-datumet/)
  assert.equal((await periods()).length, 1)
})

test('the coordinator records an earlier convenor; both periods are shown and the change is audited', async () => {
  const b = await as('coordinator')
  await b.get(`/bodies/${regbra}/convenors/new`)
  const res = await b.post(`/bodies/${regbra}/convenors/new`, { organisationId: police, validFrom: '2012-01-01', validTo: '2016-12-31' })
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, `/bodies/${regbra}#convenors`)
  const page = text((await b.get(`/bodies/${regbra}`)).body)
  assert.match(page, /2010-01-01 – 2011-12-31: uppgift saknas/)
  assert.match(page, /2012-01-01 – 2016-12-31: Polismyndigheten/)
  assert.match(page, /2017-01-01 – tills vidare: Länsstyrelsen Östergötland/)
  const added = (await periods()).find((p) => p.organisationId === police)!
  const audited = await t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'body.convenor_added'), eq(auditEvents.entityId, added.id)))
  assert.equal(audited.length, 1)
  // Editing it to overlap the next is refused; editing within its own time is fine.
  await b.get(`/bodies/${regbra}/convenors/${added.id}/edit`)
  const overlap = await b.post(`/bodies/${regbra}/convenors/${added.id}/edit`, { organisationId: police, validFrom: '2012-01-01', validTo: '', version: '1' })
  assert.equal(overlap.statusCode, 409)
  const ok = await b.post(`/bodies/${regbra}/convenors/${added.id}/edit`, {
    organisationId: police,
    validFrom: '2011-01-01',
    validTo: '2016-12-31',
    version: '1',
  })
  assert.equal(ok.statusCode, 303)
  const removed = await b.post(`/bodies/${regbra}/convenors/${added.id}/delete`, {})
  assert.equal(removed.statusCode, 303)
  assert.equal((await periods()).length, 1)
})

test('an editor of a party cannot change a body’s convenors', async () => {
  const b = await as('editor')
  assert.equal((await b.get(`/bodies/${regbra}/convenors/new`)).statusCode, 403)
  const before = await periods()
  assert.equal((await b.post(`/bodies/${regbra}/convenors/new`, { organisationId: police, validFrom: '2011-01-01', validTo: '2011-12-31' })).statusCode, 403)
  assert.equal((await b.post(`/bodies/${regbra}/convenors/${before[0].id}/delete`, {})).statusCode, 403)
  assert.deepEqual(await periods(), before)
})
