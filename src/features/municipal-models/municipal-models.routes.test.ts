import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { municipalBodies, municipalModels } from './municipal-models.tables.ts'

let t: TestApp
let lkp: string
let nkp: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  nkp = (await findOrganisationByCode(t.deps.db, 'kommun-0581'))!.id
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const url = (org = lkp) => `/organisations/${org}/structure`
const modelOf = async (org: string) => (await t.deps.db.select().from(municipalModels).where(eq(municipalModels.organisationId, org)))[0]
const auditsOf = (action: string, entityId: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
const modelFields = (over: Record<string, string> = {}) => ({
  description: 'Vår modell för trygghet.',
  coordinationRole: 'Säkerhetsstrateg, Kommunledningsförvaltningen',
  coordinationPerson: 'Testa Testsson',
  coordinationSince: '2023-07-01',
  showSketch: 'on',
  ...over,
})

describe('reading', () => {
  test('anyone signed in reads a model; without one the missing samordningsfunktion is pointed out', async () => {
    const b = await as('county')
    const res = await b.get(url(nkp))
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Norrköpings kommun: lednings- och samordningsmodell/)
    assert.match(res.body, /Samordningsfunktion saknas\./)
    assert.match(res.body, /2023:196/)
    assert.doesNotMatch(res.body, /structure\/edit/, 'the county reads, it does not edit')
  })

  test('an anonymous visitor is sent to the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: url() })
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/login\?return=/)
  })

  test('an organisation that is not a municipality has no such page, and a malformed id is a 404', async () => {
    const b = await as('county')
    const lst = (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id
    assert.equal((await b.get(url(lst))).statusCode, 404)
    assert.equal((await b.get('/organisations/not-a-uuid/structure')).statusCode, 404)
  })
})

describe('editing', () => {
  test('Linköping’s editor writes the model and the samordningsfunktion; it is shown and audited', async () => {
    const b = await as('linkoping')
    const form = await b.get(`${url()}/edit`)
    assert.equal(form.statusCode, 200)
    const res = await b.post(`${url()}/edit`, modelFields())
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, url())
    const page = await b.get(url())
    assert.match(page.body, /Modellen för Linköpings kommun är sparad/)
    assert.match(page.body, /Säkerhetsstrateg, Kommunledningsförvaltningen/)
    assert.match(page.body, /Testa Testsson/)
    assert.doesNotMatch(page.body, /Samordningsfunktion saknas/)
    const model = await modelOf(lkp)
    assert.equal((await auditsOf('municipal_model.created', model.id)).length, 1)
    // A second save is an update, against the version shown.
    const again = await b.post(`${url()}/edit`, modelFields({ description: 'Ändrad.', version: String(model.version) }))
    assert.equal(again.statusCode, 303)
    assert.equal((await auditsOf('municipal_model.updated', model.id)).length, 1)
  })

  test('Linköping’s editor adds a local body reporting to another, drawn in the sketch with a text version', async () => {
    const b = await as('linkoping')
    await b.get(`${url()}/bodies/new`)
    const lg = await b.post(`${url()}/bodies/new`, {
      kind: 'management_group',
      name: 'Ledningsgruppen',
      chair: 'Kommundirektören',
      purpose: '',
      members: '',
      meetingRhythm: '',
    })
    assert.equal(lg.statusCode, 303)
    const [lgRow] = await t.deps.db.select().from(municipalBodies).where(eq(municipalBodies.name, 'Ledningsgruppen'))
    await b.get(`${url()}/bodies/new`)
    const tr = await b.post(`${url()}/bodies/new`, { kind: 'safety_council', name: 'Trygghetsrådet', parentId: lgRow.id, meetingRhythm: 'Varannan månad' })
    assert.equal(tr.statusCode, 303)
    const [trRow] = await t.deps.db.select().from(municipalBodies).where(eq(municipalBodies.name, 'Trygghetsrådet'))
    assert.equal(trRow.parentId, lgRow.id)
    assert.equal((await auditsOf('municipal_body.created', trRow.id)).length, 1)
    const page = await b.get(url())
    assert.match(page.body, /<svg[^>]*role="img"/)
    assert.match(page.body, /Organisationsskiss för Linköpings kommun/)
    assert.match(page.body, /Skissen som text/)
    assert.match(page.body, /Varannan månad/)
  })

  test('bad input re-renders with the error summary and the typed values, and changes nothing', async () => {
    const b = await as('linkoping')
    const before = await modelOf(lkp)
    await b.get(`${url()}/edit`)
    const res = await b.post(`${url()}/edit`, modelFields({ coordinationSince: '2023-13-45', description: 'Inte sparad', version: String(before.version) }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /class="error-summary"/)
    assert.match(res.body, /href="#f-coordinationSince"/)
    assert.match(res.body, /Inte sparad/)
    assert.deepEqual(await modelOf(lkp), before)
    const count = (await t.deps.db.select().from(municipalBodies)).length
    await b.get(`${url()}/bodies/new`)
    const bad = await b.post(`${url()}/bodies/new`, { kind: '', name: '' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /Skriv organets namn/)
    assert.match(bad.body, /Välj vilken typ av organ det är/)
    assert.equal((await t.deps.db.select().from(municipalBodies)).length, count)
  })

  test('Norrköping’s editor gets 403 on every write to Linköping’s model, and nothing changes', async () => {
    const b = await as('norrkoping')
    const before = await modelOf(lkp)
    const bodiesBefore = await t.deps.db.select().from(municipalBodies)
    const [body] = bodiesBefore
    const page = await b.get(url())
    assert.equal(page.statusCode, 200, 'Norrköping reads Linköping’s model')
    assert.doesNotMatch(page.body, /structure\/edit|bodies\/new/)
    assert.equal((await b.get(`${url()}/edit`)).statusCode, 403)
    assert.equal((await b.post(`${url()}/edit`, modelFields({ description: 'Kapad', version: String(before.version) }))).statusCode, 403)
    assert.equal((await b.post(`${url()}/bodies/new`, { kind: 'other', name: 'Intrång' })).statusCode, 403)
    assert.equal((await b.post(`${url()}/bodies/${body.id}/edit`, { kind: 'other', name: 'Intrång', version: '1' })).statusCode, 403)
    assert.equal((await b.post(`${url()}/bodies/${body.id}/delete`, {})).statusCode, 403)
    assert.deepEqual(await modelOf(lkp), before)
    assert.deepEqual(await t.deps.db.select().from(municipalBodies), bodiesBefore)
    // The county coordinator reads but does not edit either; the admin may.
    const county = await as('county')
    assert.equal((await county.get(`${url()}/edit`)).statusCode, 403)
    const admin = await as('admin')
    assert.equal((await admin.get(`${url()}/edit`)).statusCode, 200)
  })

  test('a body cannot report to itself; removing a body lets those below it report to nobody', async () => {
    const b = await as('linkoping')
    const [lg] = await t.deps.db.select().from(municipalBodies).where(eq(municipalBodies.name, 'Ledningsgruppen'))
    await b.get(`${url()}/bodies/${lg.id}/edit`)
    const loop = await b.post(`${url()}/bodies/${lg.id}/edit`, { kind: lg.kind, name: lg.name, parentId: lg.id, version: String(lg.version) })
    assert.equal(loop.statusCode, 400)
    assert.match(loop.body, /inte organet självt/)
    const del = await b.post(`${url()}/bodies/${lg.id}/delete`, {})
    assert.equal(del.statusCode, 303)
    const [tr] = await t.deps.db.select().from(municipalBodies).where(eq(municipalBodies.name, 'Trygghetsrådet'))
    assert.equal(tr.parentId, null)
    assert.equal((await auditsOf('municipal_body.removed', lg.id)).length, 1)
  })
})
