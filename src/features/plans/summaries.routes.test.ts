import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { childrenNamed, parseXml, textOf } from '../../test-support/xml.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { todayInSweden } from './follow-up.service.ts'
import { type EntryStatus, followUpEntries, followUpSummaries } from './follow-up.tables.ts'
import { periodByKey } from './periods.ts'
import { type PlanKind, planItems, plans } from './plans.tables.ts'

let t: TestApp
let lkp: string
let lpo: string
const users: Record<string, BuiltUser> = {}
let planId: string
let promiseId: string
let quietId: string
const hidden: Record<string, string> = {}
let earlierId: string

// Last year's second tertial (May–August): whole, in the past, whatever day the test runs.
const year = Number(todayInSweden().slice(0, 4)) - 1
const T2 = `${year}-T2`
const base = () => `/plans/${planId}/summaries`

before(async () => {
  t = await buildTestApp()
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  lpo = (await findOrganisationByCode(t.deps.db, 'lpo-linkoping'))!.id
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lina Linköping' })
  users.linkoping2 = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lars Linköping' })
  users.reader = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })

  const plan = async (over: {
    title: string
    status?: 'draft' | 'adopted' | 'published'
    visibility?: 'public' | 'partners'
    from?: number
    to?: number
    kind?: PlanKind
  }) => {
    const [p] = await t.deps.db
      .insert(plans)
      .values({
        kind: over.kind ?? 'citizen_promise',
        organisationId: lkp,
        partnerOrganisationId: lpo,
        title: over.title,
        periodStart: `${over.from ?? year}-01-01`,
        periodEnd: `${over.to ?? year + 1}-12-31`,
        basis: 'Medborgardialog i Skäggetorp.',
        status: over.status ?? 'adopted',
        visibility: over.visibility ?? 'public',
        signatories: [{ role: 'Kommunstyrelsens ordförande', name: 'Karin Exempel' }],
      })
      .returning()
    return p.id
  }
  planId = await plan({ title: 'Medborgarlöfte Linköping' })
  earlierId = await plan({ title: 'Medborgarlöfte Linköping (förra perioden)', from: year - 2, to: year - 1 })
  hidden.draft = await plan({ title: 'Hemligt utkast till medborgarlöfte', status: 'draft' })
  hidden.partners = await plan({ title: 'Medborgarlöfte bara för parterna', visibility: 'partners' })
  hidden.actionPlan = await plan({ title: 'Åtgärdsplan som är offentlig', kind: 'action_plan' })

  const [promise] = await t.deps.db
    .insert(planItems)
    .values({
      planId,
      kind: 'promise',
      position: 1,
      title: 'genomföra riktade insatser mot narkotika i skolmiljö',
      promisor: 'police',
      places: 'Skäggetorp',
      targetComparator: 'at_least',
      targetValue: 6,
      targetUnit: 'riktade insatser',
    })
    .returning()
  promiseId = promise.id
  const [quiet] = await t.deps.db
    .insert(planItems)
    .values({ planId, kind: 'promise', position: 2, title: 'hålla trygghetsvandringar', promisor: 'joint' })
    .returning()
  quietId = quiet.id

  // May–August count; September belongs to the next tertial and must not.
  const months: [string, EntryStatus, string, number | null][] = [
    ['05', 'at_risk', 'Två insatser i maj.', 2],
    ['06', 'on_track', 'Tre insatser i juni.', 3],
    ['07', 'on_track', '', null],
    ['08', 'on_track', 'Sex insatser efter sommaren.', 6],
    ['09', 'deviation', 'September räknas inte.', 100],
  ]
  for (const [month, status, narrative, outputValue] of months) {
    const p = periodByKey(`${year}-${month}`)!
    await t.deps.db.insert(followUpEntries).values({
      itemId: promiseId,
      periodKey: p.key,
      periodStart: p.start,
      periodEnd: p.end,
      status,
      narrative,
      outputValue,
      outputUnit: outputValue === null ? null : 'riktade insatser',
      authorName: 'Lina Linköping',
      organisationId: lkp,
    })
  }
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const anonymous = () => new TestBrowser(t.app)
const summaries = () => t.deps.db.select().from(followUpSummaries).where(eq(followUpSummaries.planId, planId))
const auditsOf = (action: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.organisationId, lkp)))
const rowFields = (over: Record<string, string> = {}) => ({
  introduction: 'Under sommaren låg fokus på skolorna.',
  revision: '1',
  itemId_0: promiseId,
  status_0: 'on_track',
  text_0: 'Elva insatser vid skolorna i Skäggetorp.',
  output_0: '11',
  itemId_1: quietId,
  status_1: '',
  text_1: '',
  output_1: '',
  unit_1: '',
  ...over,
})

describe('the tertial summary is drafted from the monthly entries', () => {
  test('the plan page links to the summaries; the list offers the tertial', async () => {
    const b = await as('linkoping')
    assert.match((await b.get(`/plans/${planId}`)).body, new RegExp(`href="${base()}"`))
    const list = await b.get(base())
    assert.equal(list.statusCode, 200)
    assert.match(list.body, new RegExp(`T2 ${year} \\(maj–aug\\)`))
    assert.match(list.body, new RegExp(`href="${base()}/${T2}"`))
  })

  test('the first opening drafts it: latest status, narratives joined, outputs of May–August summed — and stores nothing', async () => {
    const b = await as('linkoping')
    const form = await b.get(`${base()}/${T2}`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /name="output_0"[^>]*value="11"/, '2 + 3 + 6; September’s 100 is not in T2')
    assert.match(form.body, /<option value="on_track" selected/)
    assert.match(form.body, /Två insatser i maj\.\s+Tre insatser i juni\.\s+Sex insatser efter sommaren\./)
    assert.doesNotMatch(form.body, /September räknas inte/)
    assert.match(form.body, /Hålla trygghetsvandringar|hålla trygghetsvandringar/, 'an item without entries keeps its row')
    assert.match(form.body, /Spara utkastet först/)
    assert.equal((await summaries()).length, 0)
  })

  test('periods that are not a begun tertial or half-year of the plan are a 404', async () => {
    const b = await as('linkoping')
    for (const key of [`${year}-05`, `${year}-Q2`, `${year + 5}-T1`, `${year - 3}-T1`, `${year}-T4`, 'x']) {
      assert.equal((await b.get(`${base()}/${key}`)).statusCode, 404, key)
    }
    assert.equal((await b.get(`${base()}/${year}-H1`)).statusCode, 200, 'a half-year is summarised too')
  })
})

describe('who may write and publish', () => {
  test('a reader of the municipality and another municipality’s editor read the list but get 403 before any validation', async () => {
    for (const who of ['reader', 'norrkoping']) {
      const b = await as(who)
      assert.equal((await b.get(base())).statusCode, 200, who)
      assert.equal((await b.get(`${base()}/${T2}`)).statusCode, 403, who)
      assert.equal((await b.post(`${base()}/${T2}`, { revision: 'x', output_0: 'sex' })).statusCode, 403, who)
      assert.equal((await b.post(`${base()}/${T2}/publish`, {})).statusCode, 403, who)
    }
    assert.equal((await summaries()).length, 0)
  })

  test('an anonymous visitor is sent to the login', async () => {
    const res = await anonymous().get(base())
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/login/)
  })
})

describe('edit, publish, and what the public sees', () => {
  test('bad input re-renders with the errors and stores nothing', async () => {
    const b = await as('linkoping')
    await b.get(`${base()}/${T2}`)
    const res = await b.post(`${base()}/${T2}`, rowFields({ output_0: 'elva', status_0: 'kanske' }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Skriv utfallet som ett tal/)
    assert.match(res.body, /href="#f-output_0"/)
    assert.equal((await summaries()).length, 0)
  })

  test('saving stores revision 1 as a draft, audited; the public page still shows nothing of it', async () => {
    const b = await as('linkoping')
    await b.get(`${base()}/${T2}`)
    const res = await b.post(`${base()}/${T2}`, rowFields())
    assert.equal(res.statusCode, 303)
    const [s] = await summaries()
    assert.equal(s.status, 'draft')
    assert.equal(s.revision, 1)
    assert.equal(s.periodStart, `${year}-05-01`)
    assert.equal(s.items[0].outputValue, 11)
    assert.equal(s.items[0].outputUnit, 'riktade insatser')
    assert.equal(s.items[1].status, null)
    assert.equal((await auditsOf('follow_up.summary_created')).length, 1)

    const pub = await anonymous().get(`/public/medborgarloften/${planId}`)
    assert.equal(pub.statusCode, 200)
    assert.match(pub.body, /Utlovat: minst 6 riktade insatser – Utfall: –/, 'the entries (11) are not published; the draft neither')
    assert.doesNotMatch(pub.body, /Under sommaren låg fokus/)
  })

  test('a stale version is a 409 that overwrites nothing', async () => {
    const first = await as('linkoping')
    const second = await as('linkoping2')
    await first.get(`${base()}/${T2}`)
    await second.get(`${base()}/${T2}`)
    assert.equal((await first.post(`${base()}/${T2}`, rowFields({ version: '1', introduction: 'Första ändringen.' }))).statusCode, 303)
    const clash = await second.post(`${base()}/${T2}`, rowFields({ version: '1', introduction: 'Andra ändringen.' }))
    assert.equal(clash.statusCode, 409)
    assert.match(clash.body, /Någon annan har ändrat sammanställningen/)
    assert.match(clash.body, /Första ändringen\./)
    assert.match(clash.body, /Andra ändringen\./)
    const [s] = await summaries()
    assert.equal(s.introduction, 'Första ändringen.')
    assert.equal(s.version, 2)
    // Starting a revision that already exists as a draft is stale too.
    assert.equal((await second.post(`${base()}/${T2}`, rowFields())).statusCode, 409)
    // Publishing the version that was overtaken publishes nothing.
    assert.equal((await second.post(`${base()}/${T2}/publish`, { revision: '1', version: '1' })).statusCode, 409)
    assert.equal((await summaries())[0].status, 'draft')
    assert.equal((await summaries()).length, 1)
  })

  test('publishing (a confirmed form) makes it public: page, feed and JSON show it', async () => {
    const b = await as('linkoping')
    const form = await b.get(`${base()}/${T2}`)
    assert.match(form.body, /data-confirm="Publicera version 1/)
    assert.equal((await b.post(`${base()}/${T2}`, rowFields({ version: '2', introduction: 'Under sommaren låg fokus på skolorna.' }))).statusCode, 303)
    const res = await b.post(`${base()}/${T2}/publish`, { revision: '1', version: '3' })
    assert.equal(res.statusCode, 303)
    const [s] = await summaries()
    assert.equal(s.status, 'published')
    assert.equal(s.publishedBy, 'Lina Linköping')
    assert.ok(s.publishedAt)
    assert.equal((await auditsOf('follow_up.summary_published')).length, 1)

    const visitor = anonymous()
    const list = await visitor.get('/public/medborgarloften')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Linköpings kommun/)
    assert.match(list.body, new RegExp(`href="/public/medborgarloften/${planId}"`))

    const page = await visitor.get(`/public/medborgarloften/${planId}`)
    assert.match(page.body, /Polisen lovar att genomföra riktade insatser mot narkotika i skolmiljö/)
    assert.match(page.body, /Platser: Skäggetorp/)
    assert.match(page.body, /Utlovat: minst 6 riktade insatser – Utfall: 11/)
    assert.match(page.body, /Under sommaren låg fokus på skolorna\./)
    assert.match(page.body, /Elva insatser vid skolorna i Skäggetorp\./)
    assert.match(page.body, /Version 1, publicerad/)
    assert.match(page.body, /Medborgarlöfte Linköping \(förra perioden\)/, 'the earlier medborgarlöfte is history')

    const feed = await visitor.get('/public/medborgarloften.atom')
    assert.equal(feed.statusCode, 200)
    assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/)
    const root = parseXml(feed.body)
    assert.equal(root.name, 'feed')
    assert.equal(root.attrs.xmlns, 'http://www.w3.org/2005/Atom')
    for (const el of ['id', 'title', 'updated', 'author']) assert.equal(childrenNamed(root, el).length, 1, el)
    const entries = childrenNamed(root, 'entry')
    assert.equal(entries.length, 1)
    const [entry] = entries
    assert.equal(textOf(childrenNamed(entry, 'id')[0]), `urn:uuid:${s.id}`)
    assert.match(textOf(childrenNamed(entry, 'title')[0]), new RegExp(`Medborgarlöfte Linköping, T2 ${year} \\(maj–aug\\) \\(version 1\\)`))
    assert.ok(!Number.isNaN(Date.parse(textOf(childrenNamed(entry, 'updated')[0]))))
    assert.match(childrenNamed(entry, 'link')[0].attrs.href, new RegExp(`/public/medborgarloften/${planId}#summary-${s.id}$`))
    assert.match(textOf(childrenNamed(entry, 'content')[0]), /Utfall: 11 riktade insatser/)

    const api = await visitor.get('/api/v1/public/citizen-promises')
    assert.equal(api.statusCode, 200)
    assert.ok(api.json().items.some((p: { id: string }) => p.id === planId))
    const detail = (await visitor.get(`/api/v1/public/citizen-promises/${planId}`)).json()
    const promise = detail.promises.find((p: { id: string }) => p.id === promiseId)
    assert.equal(promise.delivered, 11)
    assert.deepEqual(promise.target, { comparator: 'at_least', value: 6, unit: 'riktade insatser' })
    assert.equal(detail.summaries.length, 1)
    assert.equal(detail.history[0].id, earlierId)
  })

  test('a published summary is final: the database refuses to change it', async () => {
    const [s] = await summaries()
    await assert.rejects(t.deps.db.update(followUpSummaries).set({ introduction: 'Ändrat i efterhand' }).where(eq(followUpSummaries.id, s.id)))
  })

  test('editing after publication starts revision 2; once published, revision 1 stays visible as history', async () => {
    const b = await as('linkoping')
    const form = await b.get(`${base()}/${T2}`)
    assert.match(form.body, /Version 1 är publicerad och står kvar oförändrad/)
    assert.match(form.body, /name="revision" value="2"/)
    assert.match(form.body, /Elva insatser vid skolorna/, 'the new revision starts from the published text')
    // Revision 1 is published: writing it again is stale.
    assert.equal((await b.post(`${base()}/${T2}`, rowFields({ version: '3' }))).statusCode, 409)
    const res = await b.post(`${base()}/${T2}`, rowFields({ revision: '2', output_0: '12', text_0: 'Tolv insatser, en rapporterades sent.' }))
    assert.equal(res.statusCode, 303)
    const all = await summaries()
    assert.equal(all.length, 2)
    const draft = all.find((s) => s.revision === 2)!
    assert.equal(draft.status, 'draft')
    assert.equal((await anonymous().get(`/public/medborgarloften/${planId}`)).body.includes('Tolv insatser'), false, 'a draft is not public')

    assert.equal((await b.post(`${base()}/${T2}/publish`, { revision: '2', version: String(draft.version) })).statusCode, 303)
    const page = await anonymous().get(`/public/medborgarloften/${planId}`)
    assert.match(page.body, /Utlovat: minst 6 riktade insatser – Utfall: 12/, 'the latest revision counts, not both')
    assert.match(page.body, /Tolv insatser, en rapporterades sent\./)
    assert.match(page.body, /Tidigare version: Version 1, publicerad/)
    assert.match(page.body, /Elva insatser vid skolorna i Skäggetorp\./)
    const feed = parseXml((await anonymous().get('/public/medborgarloften.atom')).body)
    assert.equal(childrenNamed(feed, 'entry').length, 2, 'one entry per published revision')
    const detail = (await anonymous().get(`/api/v1/public/citizen-promises/${planId}`)).json()
    assert.deepEqual(
      detail.summaries.map((s: { revision: number }) => s.revision),
      [2, 1],
    )
    const list = await b.get(base())
    assert.match(list.body, /Version 2, publicerad/)
    assert.match(list.body, /Version 1, publicerad/)
    assert.match(list.body, /Ändra – blir version 3/)
  })
})

describe('the public sees only public medborgarlöften in force', () => {
  test('a draft, a plan kept to the parties, or another kind of plan is a 404 and not listed', async () => {
    const visitor = anonymous()
    const list = await visitor.get('/public/medborgarloften')
    const api = (await visitor.get('/api/v1/public/citizen-promises')).json()
    for (const [what, id] of Object.entries(hidden)) {
      assert.equal((await visitor.get(`/public/medborgarloften/${id}`)).statusCode, 404, what)
      assert.equal((await visitor.get(`/api/v1/public/citizen-promises/${id}`)).statusCode, 404, what)
      assert.ok(!list.body.includes(id), what)
      assert.ok(!api.items.some((p: { id: string }) => p.id === id), what)
    }
    assert.doesNotMatch(list.body, /Hemligt utkast/)
    assert.equal((await visitor.get('/public/medborgarloften/not-a-uuid')).statusCode, 404)
  })
})
