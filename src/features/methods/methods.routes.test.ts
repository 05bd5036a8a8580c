import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { followUpEntries } from '../plans/follow-up.tables.ts'
import { planItems, plans } from '../plans/plans.tables.ts'
import { buildActionPlan } from '../situation-reports/situation-reports.test-factories.ts'
import { methodContacts, methods, planItemMethods } from './methods.tables.ts'
import { buildMethod } from './methods.test-factories.ts'

let t: TestApp
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.linkopingReader = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.stockholm = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const anon = (url: string) => t.app.inject({ method: 'GET', url })
const row = async (id: string) => (await t.deps.db.select().from(methods).where(eq(methods.id, id)))[0]
const auditCount = async (action: string, id: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = ${action} and entity_id = ${id}`))[0].n

const proposal = (over: Record<string, string | string[]> = {}) => ({
  name: 'Nattvandring i Skäggetorp',
  summary: 'Vuxna går i grupp kvällar och nätter där unga samlas.',
  problemTypes: 'otrygghet i offentlig miljö\nungdomar i riskmiljöer',
  causeSides: ['offender', 'place'],
  effectLevel: 'unknown',
  effectText: 'Inte utvärderad i Sverige med kontrollgrupp.',
  source: 'Egen erfarenhet',
  sourceUrl: '',
  ...over,
})

describe('the library', () => {
  test('anyone reads curated methods without signing in; proposals are not listed', async () => {
    const curated = await buildMethod(t.deps, { name: 'Trygghetsvandring test' })
    const proposed = await buildMethod(t.deps, { name: 'Hemligt förslag', status: 'proposed', organisationCode: 'kommun-0581' })
    const list = await anon('/methods')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Trygghetsvandring test/)
    assert.doesNotMatch(list.body, /Hemligt förslag/)
    assert.equal((await anon(`/methods/${curated.id}`)).statusCode, 200)
    assert.equal((await anon(`/methods/${proposed.id}`)).statusCode, 404)
  })

  test('filters by problem type, cause side and effect level through a GET form', async () => {
    await buildMethod(t.deps, { name: 'Klotterplanering', problemTypes: ['klotter'], causeSides: ['place'] })
    await buildMethod(t.deps, { name: 'Stödsamtal', problemTypes: ['våld i nära relation'], causeSides: ['victim'] })
    const bySide = await anon('/methods?side=victim')
    assert.match(bySide.body, /Stödsamtal/)
    assert.doesNotMatch(bySide.body, /Klotterplanering/)
    const byType = await anon(`/methods?problemType=${encodeURIComponent('klotter')}`)
    assert.match(byType.body, /Klotterplanering/)
    assert.doesNotMatch(byType.body, /Stödsamtal/)
    assert.doesNotMatch((await anon('/methods?effect=documented')).body, /Klotterplanering/)
    // An unknown filter value is ignored, not an error.
    assert.equal((await anon('/methods?side=%3Cscript%3E')).statusCode, 200)
  })
})

describe('proposing and curating', () => {
  let id: string

  test('a bad proposal re-renders with the error summary and the values kept', async () => {
    const b = await as('linkoping')
    assert.equal((await b.get('/methods/new')).statusCode, 200)
    const bad = await b.post('/methods/new', proposal({ name: '', sourceUrl: 'javascript:alert(1)', causeSides: ['nowhere'] }))
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /class="error-summary"/)
    assert.match(bad.body, /Skriv metodens namn/)
    assert.match(bad.body, /Skriv en fullständig adress/)
    assert.match(bad.body, /Inte utvärderad i Sverige med kontrollgrupp\./)
  })

  test('a municipality editor proposes: status proposed, owned by the municipality, audited', async () => {
    const b = await as('linkoping')
    const res = await b.post('/methods/new', proposal())
    assert.equal(res.statusCode, 303)
    id = String(res.headers.location).split('/').pop()!
    const m = await row(id)
    assert.equal(m.status, 'proposed')
    assert.equal(m.organisationId, (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id)
    assert.deepEqual(m.problemTypes, ['otrygghet i offentlig miljö', 'ungdomar i riskmiljöer'])
    assert.deepEqual(m.causeSides, ['offender', 'place'])
    assert.equal(await auditCount('method.proposed', id), 1)
  })

  test('the proposal is seen by its own organisation and the coordinator, labelled; a 404 for others', async () => {
    for (const who of ['linkoping', 'linkopingReader', 'county']) {
      const b = await as(who)
      const page = await b.get(`/methods/${id}`)
      assert.equal(page.statusCode, 200, who)
      assert.match((await b.get('/methods')).body, /Nattvandring i Skäggetorp[\s\S]*?Förslag/, who)
    }
    for (const who of ['norrkoping', 'stockholm']) {
      const b = await as(who)
      assert.equal((await b.get(`/methods/${id}`)).statusCode, 404, who)
      assert.doesNotMatch((await b.get('/methods')).body, /Nattvandring i Skäggetorp/, who)
    }
    assert.equal((await anon(`/methods/${id}`)).statusCode, 404)
  })

  test('only the coordinator curates; then everyone sees it', async () => {
    const m = await row(id)
    const editor = await as('linkoping')
    assert.equal((await editor.get(`/methods/${id}/curate`)).statusCode, 403)
    assert.equal((await editor.post(`/methods/${id}/curate`, { decision: 'curated', version: String(m.version) })).statusCode, 403)
    assert.equal((await row(id)).status, 'proposed')
    const county = await as('county')
    assert.equal((await county.get(`/methods/${id}/curate`)).statusCode, 200)
    const missing = await county.post(`/methods/${id}/curate`, { version: String(m.version) })
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /class="error-summary"/)
    const ok = await county.post(`/methods/${id}/curate`, { decision: 'curated', version: String(m.version) })
    assert.equal(ok.statusCode, 303)
    assert.equal((await row(id)).status, 'curated')
    assert.equal(await auditCount('method.curated', id), 1)
    assert.equal((await anon(`/methods/${id}`)).statusCode, 200)
    // Once curated, the proposer no longer edits it; the coordinator does.
    assert.equal((await editor.get(`/methods/${id}/edit`)).statusCode, 403)
  })

  test('declining: a stale decision is a 409 that changes nothing; a declined proposal stays with its proposer, labelled', async () => {
    const m = await buildMethod(t.deps, { name: 'Avböjt förslag', status: 'proposed', organisationCode: 'kommun-0580' })
    const county = await as('county')
    const stale = await county.post(`/methods/${m.id}/curate`, { decision: 'declined', version: String(m.version + 1) })
    assert.equal(stale.statusCode, 409)
    assert.equal((await row(m.id)).status, 'proposed')
    assert.equal((await county.post(`/methods/${m.id}/curate`, { decision: 'declined', version: String(m.version) })).statusCode, 303)
    assert.equal(await auditCount('method.declined', m.id), 1)
    const own = await as('linkoping')
    assert.match((await own.get('/methods')).body, /Avböjt förslag[\s\S]*?Avböjd/)
    assert.equal((await own.get(`/methods/${m.id}/contacts`)).statusCode, 409)
    assert.equal((await anon(`/methods/${m.id}`)).statusCode, 404)
  })

  test('a coordinator adds a method straight into the library', async () => {
    const county = await as('county')
    const res = await county.post('/methods/new', proposal({ name: 'Grannsamverkan test' }))
    assert.equal(res.statusCode, 303)
    const m = await row(String(res.headers.location).split('/').pop()!)
    assert.equal(m.status, 'curated')
    assert.equal(m.organisationId, (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id)
  })

  test('a reader may not propose', async () => {
    const b = await as('linkopingReader')
    assert.equal((await b.get('/methods/new')).statusCode, 403)
    assert.equal((await b.post('/methods/new', proposal({ name: 'Läsarens förslag' }))).statusCode, 403)
  })
})

describe('editing with optimistic locking', () => {
  test('a stale version gives 409 with both versions and overwrites nothing', async () => {
    const m = await buildMethod(t.deps, { name: 'Egen metod', status: 'proposed', organisationCode: 'kommun-0580' })
    const b = await as('linkoping')
    assert.equal((await b.get(`/methods/${m.id}/edit`)).statusCode, 200)
    const first = await b.post(`/methods/${m.id}/edit`, proposal({ name: 'Egen metod', summary: 'Första ändringen.', version: String(m.version) }))
    assert.equal(first.statusCode, 303)
    const stale = await b.post(`/methods/${m.id}/edit`, proposal({ name: 'Egen metod', summary: 'Min andra text.', version: String(m.version) }))
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har ändrat metoden/)
    assert.match(stale.body, /Första ändringen\./)
    assert.match(stale.body, /Min andra text\./)
    const saved = await row(m.id)
    assert.equal(saved.summary, 'Första ändringen.')
    assert.equal(saved.version, m.version + 1)
    assert.match(stale.body, new RegExp(`name="version" value="${saved.version}"`))
  })

  test('another municipality may not edit a curated method', async () => {
    const m = await buildMethod(t.deps)
    const b = await as('norrkoping')
    assert.equal((await b.get(`/methods/${m.id}/edit`)).statusCode, 403)
  })
})

describe('contacts', () => {
  test('an editor adds their own municipality; the coordinator any of the county; removal is audited', async () => {
    const m = await buildMethod(t.deps, { name: 'EST test' })
    const lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
    const nkp = (await findOrganisationByCode(t.deps.db, 'kommun-0581'))!.id
    const sthlm = (await findOrganisationByCode(t.deps.db, 'kommun-0180'))!.id
    const editor = await as('linkoping')
    const page = await editor.get(`/methods/${m.id}/contacts`)
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, new RegExp(`value="${nkp}"`))
    const other = await editor.post(`/methods/${m.id}/contacts`, { organisationId: nkp, contact: 'Trygghetssamordnare' })
    assert.equal(other.statusCode, 400)
    assert.match(other.body, /Välj en kommun i listan/)
    const badYear = await editor.post(`/methods/${m.id}/contacts`, { organisationId: lkp, contact: 'Trygghetssamordnare', sinceYear: '21' })
    assert.equal(badYear.statusCode, 400)
    assert.match(badYear.body, /Skriv ett årtal med fyra siffror/)
    assert.equal((await editor.post(`/methods/${m.id}/contacts`, { organisationId: lkp, contact: 'Trygghetssamordnare', sinceYear: '2021' })).statusCode, 303)
    const county = await as('county')
    assert.equal((await county.get(`/methods/${m.id}/contacts`)).statusCode, 200)
    assert.equal((await county.post(`/methods/${m.id}/contacts`, { organisationId: sthlm, contact: 'Samordnare' })).statusCode, 400)
    assert.equal((await county.post(`/methods/${m.id}/contacts`, { organisationId: nkp, contact: 'EST-samordnare', sinceYear: '2019' })).statusCode, 303)
    const detail = await anon(`/methods/${m.id}`)
    assert.match(detail.body, /Linköpings kommun[\s\S]*Trygghetssamordnare[\s\S]*2021/)
    assert.match(detail.body, /EST-samordnare/)
    // Linköping's editor may not remove Norrköping.
    assert.equal((await editor.post(`/methods/${m.id}/contacts/remove`, { organisationId: nkp })).statusCode, 403)
    assert.equal((await editor.post(`/methods/${m.id}/contacts/remove`, { organisationId: lkp })).statusCode, 303)
    const left = await t.deps.db.select().from(methodContacts).where(eq(methodContacts.methodId, m.id))
    assert.deepEqual(
      left.map((c) => c.organisationId),
      [nkp],
    )
    assert.equal(await auditCount('method.contact_added', m.id), 2)
    assert.equal(await auditCount('method.contact_removed', m.id), 1)
    // A reader names nobody.
    assert.equal((await (await as('linkopingReader')).get(`/methods/${m.id}/contacts`)).statusCode, 403)
  })
})

describe('measures that apply a method', () => {
  test('an editor links a measure of their own plan; it is shown only to those who may read the plan', async () => {
    const m = await buildMethod(t.deps, { name: 'SSPF test' })
    const { plan } = await buildActionPlan(t.deps)
    await t.deps.db.update(plans).set({ visibility: 'organisation' }).where(eq(plans.id, plan.id))
    const [measure] = await t.deps.db
      .insert(planItems)
      .values({ planId: plan.id, kind: 'measure', position: 1, title: 'Skolpolis och fältare vid skolorna' })
      .returning()
    const editor = await as('linkoping')
    const page = await editor.get(`/methods/${m.id}/measures`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Skolpolis och fältare vid skolorna/)
    const bad = await editor.post(`/methods/${m.id}/measures`, { planItemId: '00000000-0000-4000-8000-000000000000' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /Välj en åtgärd i listan/)
    assert.equal((await editor.post(`/methods/${m.id}/measures`, { planItemId: measure.id })).statusCode, 303)
    assert.equal(await auditCount('method.measure_linked', m.id), 1)
    const own = await editor.get(`/methods/${m.id}`)
    assert.match(own.body, /Så har det gått[\s\S]*Skolpolis och fältare vid skolorna/)
    assert.match(own.body, /Inte uppföljd än/)
    // The latest follow-up entry (by period) is what the page shows.
    const lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
    await t.deps.db.insert(followUpEntries).values([
      {
        itemId: measure.id,
        periodKey: '2025-02',
        periodStart: '2025-02-01',
        periodEnd: '2025-02-28',
        status: 'on_track',
        authorName: 'A',
        organisationId: lkp,
      },
      {
        itemId: measure.id,
        periodKey: '2025-03',
        periodStart: '2025-03-01',
        periodEnd: '2025-03-31',
        status: 'deviation',
        authorName: 'A',
        organisationId: lkp,
      },
    ])
    assert.match((await editor.get(`/methods/${m.id}`)).body, /Avvikelse<\/strong> mars 2025/)
    // Linköping's reader and the county's coordinator read the plan, so they see the measure.
    assert.match((await (await as('linkopingReader')).get(`/methods/${m.id}`)).body, /Skolpolis och fältare vid skolorna/)
    assert.match((await (await as('county')).get(`/methods/${m.id}`)).body, /Skolpolis och fältare vid skolorna/)
    // Norrköping's editor and the anonymous visitor may read the method, not Linköping's plan kept to itself.
    const nkp = await (await as('norrkoping')).get(`/methods/${m.id}`)
    assert.equal(nkp.statusCode, 200)
    assert.doesNotMatch(nkp.body, /Skolpolis och fältare vid skolorna/)
    assert.doesNotMatch((await anon(`/methods/${m.id}`)).body, /Skolpolis och fältare vid skolorna/)
    // Norrköping's editor has no plan to edit here: no linking, no unlinking of Linköping's measure.
    const nb = await as('norrkoping')
    assert.equal((await nb.post(`/methods/${m.id}/measures/remove`, { planItemId: measure.id })).statusCode, 403)
    assert.equal((await editor.post(`/methods/${m.id}/measures/remove`, { planItemId: measure.id })).statusCode, 303)
    assert.equal((await t.deps.db.select().from(planItemMethods).where(eq(planItemMethods.methodId, m.id))).length, 0)
  })

  test('the coordinator with no measure of their own may not link', async () => {
    const m = await buildMethod(t.deps)
    assert.equal((await (await as('county')).get(`/methods/${m.id}/measures`)).statusCode, 403)
  })
})

describe('the JSON API', () => {
  test('GET /api/v1/methods lists curated methods with their contacts, never a proposal', async () => {
    const m = await buildMethod(t.deps, { name: 'API-metoden', problemTypes: ['bostadsinbrott'], causeSides: ['victim', 'place'] })
    await buildMethod(t.deps, { name: 'API-förslaget', status: 'proposed', organisationCode: 'kommun-0580' })
    const nkp = (await findOrganisationByCode(t.deps.db, 'kommun-0581'))!.id
    await t.deps.db.insert(methodContacts).values({ methodId: m.id, organisationId: nkp, contact: 'Trygghetssamordnare', sinceYear: 2020 })
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/methods?problem_type=Bostadsinbrott' })
    assert.equal(res.statusCode, 200)
    const body = res.json() as { items: { name: string; cause_sides: string[]; contacts: { organisation: string; since_year: number }[] }[] }
    assert.deepEqual(
      body.items.map((i) => i.name),
      ['API-metoden'],
    )
    assert.deepEqual(body.items[0].cause_sides, ['victim', 'place'])
    assert.deepEqual(body.items[0].contacts, [
      { organisation: 'Norrköpings kommun', municipality_code: '0581', contact: 'Trygghetssamordnare', since_year: 2020 },
    ])
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/methods' })).json() as { items: { name: string }[] }
    assert.ok(!all.items.some((i) => i.name === 'API-förslaget'))
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/methods?side=nowhere' })).statusCode, 400)
  })
})
