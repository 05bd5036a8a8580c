import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { parseCsv } from '../../platform/csv/csv-parse.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { followUpSummaries } from '../plans/follow-up.tables.ts'
import { planItems, plans } from '../plans/plans.tables.ts'
import { buildPlan } from '../plans/plans.test-factories.ts'
import { surveys } from '../surveys/surveys.tables.ts'
import { buildSurvey } from '../surveys/surveys.test-factories.ts'
import { DATASET_KEYS } from './datasets.ts'

let t: TestApp
const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.deps.db, q))[0]
const orgId = async (code: string) => (await findOrganisationByCode(t.deps.db, code))!.id
/** Anonymous: no cookie, no token. */
const get = (url: string) => t.app.inject({ method: 'GET', url })
const pathOf = (url: string) => url.replace(t.deps.config.baseUrl, '')
const html = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** Strings that exist only in records an anonymous visitor may not see. */
const SECRET = [
  'HEMLIGSAMVERKAN',
  'HEMLIGTORGAN',
  'AGARTORGAN',
  'UTKASTLOFTE',
  'PARTNERLOFTE',
  'OPUBLICERADUPPFOLJNING',
  'HEMLIGENKAT',
  'UTKASTRAPPORT',
  'PARTNERRAPPORT',
]
/** Strings in public records, so the data is not trivially empty. */
const SHOWN = ['PUBLIKTORGAN', 'PUBLIKTLOFTE', 'PUBLICERADUPPFOLJNING', 'PUBLIKRAPPORT']

let publicPlanId: string
let smallSurveyId: string
let indicatorKey: string

before(async () => {
  t = await buildTestApp()
  const lst = await orgId('lansstyrelsen-05')
  const otmb = (await one<{ id: string }>(sql`select id from collaborations where code = 'otmb'`)).id
  // A collaboration kept to its partners, with a public body inside it (hidden because its collaboration is).
  const hidden = await one<{ id: string }>(
    sql`insert into collaborations (code, name, short_name, county_code, period_start, period_end, purpose, organisation_id, visibility)
        values ('hemlig', 'HEMLIGSAMVERKAN', 'HS', '05', '2022-01-01', '2027-12-31', 'HEMLIGSAMVERKAN syfte', ${lst}, 'partners') returning id`,
  )
  await t.deps.db.execute(sql`insert into bodies (collaboration_id, kind, name, organisation_id, visibility)
    values (${hidden.id}, 'other', 'HEMLIGTORGAN i hemlig samverkan', ${lst}, 'public')`)
  await t.deps.db.execute(sql`insert into bodies (collaboration_id, kind, name, mandate, organisation_id, visibility) values
    (${otmb}, 'working_group', 'PUBLIKTORGAN arbetsgrupp', 'Ett publikt uppdrag', ${lst}, 'public'),
    (${otmb}, 'other', 'HEMLIGTORGAN för parterna', '', ${lst}, 'partners'),
    (${otmb}, 'other', 'AGARTORGAN kansliet', '', ${lst}, 'organisation')`)

  // Yearly reports: one adopted and public, a public draft, and one adopted but kept to the partners.
  const snapshot = {
    model: { title: 'x', collaborationName: 'ÖTMB', from: '2024-01-01', to: '2024-12-31', generatedOn: '2025-03-01', sections: [] },
    narratives: [],
    comments: [],
  }
  for (const [title, year, adopted, visibility] of [
    ['PUBLIKRAPPORT 2024', 2024, true, 'public'],
    ['UTKASTRAPPORT 2025', 2025, false, 'public'],
    ['PARTNERRAPPORT 2023', 2023, true, 'partners'],
  ] as const) {
    const r = await one<{ id: string }>(sql`insert into yearly_reports (collaboration_id, organisation_id, kind, year, title, visibility)
      values (${otmb}, ${lst}, 'follow_up', ${year}, ${title}, ${visibility}) returning id`)
    if (adopted)
      await t.deps.db.execute(sql`update yearly_reports set status = 'adopted', adopted_by = 'Styrgruppen', adopted_on = '2025-03-14',
        snapshot = ${JSON.stringify(snapshot)}::jsonb where id = ${r.id}`)
  }

  // Medborgarlöften: one public and adopted, one public draft, one adopted but kept to the partners.
  const shown = await buildPlan(t.deps, { visibility: 'public', status: 'adopted' })
  publicPlanId = shown.plan.id
  await t.deps.db.update(plans).set({ title: 'PUBLIKTLOFTE Linköping' }).where(eq(plans.id, shown.plan.id))
  const draft = await buildPlan(t.deps, { organisationCode: 'kommun-0581', visibility: 'public', status: 'draft' })
  await t.deps.db.update(plans).set({ title: 'UTKASTLOFTE Norrköping' }).where(eq(plans.id, draft.plan.id))
  await t.deps.db.update(planItems).set({ title: 'UTKASTLOFTE löfte' }).where(eq(planItems.id, draft.promise.id))
  const partners = await buildPlan(t.deps, { organisationCode: 'kommun-0581', visibility: 'partners', status: 'adopted' })
  await t.deps.db.update(plans).set({ title: 'PARTNERLOFTE Norrköping' }).where(eq(plans.id, partners.plan.id))
  await t.deps.db.update(planItems).set({ title: 'PARTNERLOFTE löfte' }).where(eq(planItems.id, partners.promise.id))
  const year = Number(shown.plan.periodStart.slice(0, 4))
  // A published summary of the public plan, and a draft one that must stay out.
  await t.deps.db.insert(followUpSummaries).values([
    {
      planId: shown.plan.id,
      periodKey: `${year}-T1`,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-04-30`,
      status: 'published',
      introduction: 'PUBLICERADUPPFOLJNING inledning',
      items: [{ itemId: shown.promise.id, status: 'on_track', text: 'Två vandringar', outputValue: 2, outputUnit: 'trygghetsvandringar' }],
      publishedAt: new Date(),
      publishedBy: 'test',
    },
    {
      planId: shown.plan.id,
      periodKey: `${year}-T2`,
      periodStart: `${year}-05-01`,
      periodEnd: `${year}-08-31`,
      status: 'draft',
      introduction: 'OPUBLICERADUPPFOLJNING inledning',
      items: [{ itemId: shown.promise.id, status: 'deviation', text: 'OPUBLICERADUPPFOLJNING text', outputValue: 0, outputUnit: null }],
    },
  ])
  // The published summary of the partners' plan is not public either: its plan is not.
  await t.deps.db.insert(followUpSummaries).values({
    planId: partners.plan.id,
    periodKey: `${year}-T1`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-04-30`,
    status: 'published',
    introduction: 'OPUBLICERADUPPFOLJNING för parterna',
    items: [],
    publishedAt: new Date(),
    publishedBy: 'test',
  })

  // Indicator observations: one shown, one the source suppressed.
  const indicator = await one<{ id: string; key: string }>(sql`select id, key from indicators order by key limit 1`)
  indicatorKey = indicator.key
  await t.deps.db.execute(sql`insert into observations (indicator_id, area_code, period, breakdown, value, suppressed) values
    (${indicator.id}, '0580', '2023', '', 417, false),
    (${indicator.id}, '0581', '2023', '', null, true)`)

  // Surveys: a public one with cells large enough to show, a public one whose women and men are
  // below its threshold, and one kept to the partners.
  await buildSurvey(t.deps, { organisationId: lst, visibility: 'public' })
  smallSurveyId = (await buildSurvey(t.deps, { organisationId: lst, visibility: 'public', municipalityCode: '0581' })).id
  await t.deps.db.update(surveys).set({ suppressionThreshold: 31 }).where(eq(surveys.id, smallSurveyId))
  const hiddenSurvey = await buildSurvey(t.deps, { organisationId: lst, visibility: 'partners', municipalityCode: '0582' })
  await t.deps.db.update(surveys).set({ name: 'HEMLIGENKAT' }).where(eq(surveys.id, hiddenSurvey.id))
})
after(() => t.close())

async function json(key: string) {
  const res = await get(`/api/v1/open-data/${key}`)
  assert.equal(res.statusCode, 200, `${key}: ${res.body.slice(0, 200)}`)
  return res.json() as { dataset: string; licence: string; items: Record<string, unknown>[] }
}

async function csv(key: string) {
  const res = await get(`/open-data/${key}.csv`)
  assert.equal(res.statusCode, 200)
  assert.match(String(res.headers['content-type']), /^text\/csv/)
  const parsed = parseCsv(res.body)
  assert.ok(parsed.ok)
  const [header, ...rows] = parsed.rows
  return { body: res.body, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) }
}

describe('the open data holds what an anonymous visitor sees, and nothing else', () => {
  test('no non-public record is in any CSV, any JSON, the README or the catalogue', async () => {
    const bodies: [string, string][] = []
    for (const key of DATASET_KEYS) {
      bodies.push([`${key}.csv`, (await csv(key)).body])
      bodies.push([`${key}.json`, JSON.stringify(await json(key))])
    }
    bodies.push(['catalog.rdf', (await get('/open-data/catalog.rdf')).body])
    bodies.push(['page', (await get('/open-data')).body])
    const all = bodies.map(([, b]) => b).join('\n')
    for (const marker of SHOWN) assert.ok(all.includes(marker), `${marker} should be in the open data`)
    for (const [name, body] of bodies) for (const marker of SECRET) assert.ok(!body.includes(marker), `${marker} leaked into ${name}`)
  })

  test('the CSV and the JSON of each dataset hold the same records', async () => {
    for (const key of DATASET_KEYS) {
      const { rows } = await csv(key)
      const { items, dataset } = await json(key)
      assert.equal(dataset, key)
      assert.equal(rows.length, items.length, key)
      const id = Object.keys(items[0] ?? { url: '' })[0]
      assert.deepEqual(
        rows.map((r) => r[id]),
        items.map((i) => (i[id] === null ? '' : String(i[id]))),
        key,
      )
    }
  })

  test('every yearly report in the open data opens for an anonymous visitor', async () => {
    const items = (await json('yearly-reports')).items as { title: string; url: string }[]
    assert.deepEqual(
      items.map((i) => i.title),
      ['PUBLIKRAPPORT 2024'],
    )
    for (const i of items) {
      const res = await get(pathOf(i.url))
      assert.equal(res.statusCode, 200, i.url)
      assert.ok(res.body.includes(i.title))
    }
  })

  test('every collaboration, party and body is on its public page', async () => {
    const pages = new Map<string, string>()
    const page = async (url: string) => {
      if (!pages.has(url)) {
        const res = await get(pathOf(url))
        assert.equal(res.statusCode, 200, url)
        pages.set(url, res.body)
      }
      return pages.get(url)!
    }
    const collaborations = (await json('collaborations')).items
    assert.deepEqual(
      collaborations.map((c) => c.code),
      ['otmb'],
    )
    for (const c of collaborations) assert.ok((await page(String(c.url))).includes(html(String(c.name))))
    const parties = (await json('parties')).items
    assert.ok(parties.length > 10)
    for (const p of parties) assert.ok((await page(String(p.url))).includes(html(String(p.name))), String(p.name))
    const bodies = (await json('bodies')).items
    assert.ok(bodies.some((b) => b.name === 'PUBLIKTORGAN arbetsgrupp'))
    for (const b of bodies) assert.ok((await page(String(b.url))).includes(html(String(b.name))), String(b.name))
  })

  test('every promise and every follow-up row is on the public page and in the public API', async () => {
    const promises = (await json('citizen-promises')).items
    assert.deepEqual([...new Set(promises.map((p) => p.plan_id))], [publicPlanId])
    for (const p of promises) {
      const res = await get(pathOf(String(p.url)))
      assert.equal(res.statusCode, 200)
      assert.ok(res.body.includes(html(String(p.title))))
      const api = (await get(`/api/v1/public/citizen-promises/${p.plan_id}`)).json()
      const item = api.promises.find((x: { id: string }) => x.id === p.promise_id)
      assert.ok(item, 'the promise is in the public API')
      assert.equal(item.delivered, p.delivered)
      assert.equal(item.status, p.latest_status)
    }
    assert.equal(promises[0].delivered, 2, 'the published output counts; the draft summary’s does not')
    const rows = (await json('follow-up')).items
    assert.equal(rows.length, 1)
    const [csvRow] = (await csv('follow-up')).rows
    assert.match(csvRow.published_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/, 'Swedish local time with its offset, as the other exports')
    for (const r of rows) {
      const api = (await get(`/api/v1/public/citizen-promises/${r.plan_id}`)).json()
      const summary = api.summaries.find((s: { id: string }) => s.id === r.summary_id)
      assert.ok(summary, 'the summary is in the public API')
      assert.ok(summary.items.some((i: { itemId: string; text: string }) => i.itemId === r.item_id && i.text === r.text))
      const page = await get(pathOf(String(r.url)).split('#')[0])
      assert.ok(page.body.includes(`summary-${r.summary_id}`))
    }
  })

  test('every indicator observation is in the public API, a suppressed one empty and flagged, never 0', async () => {
    const items = (await json('indicator-observations')).items
    assert.ok(items.length >= 2)
    for (const o of items) {
      const res = await get(`/api/v1/indicators/${o.indicator_key}/observations?area=${o.area_code}&period=${o.period}`)
      const found = res.json().items.find((x: { breakdown: string }) => x.breakdown === o.breakdown)
      assert.ok(found, `${o.indicator_key} ${o.area_code} ${o.period}`)
      assert.equal(found.suppressed, o.suppressed)
      assert.equal(found.value ?? null, o.value)
    }
    const suppressed = items.find((o) => o.indicator_key === indicatorKey && o.area_code === '0581')!
    assert.equal(suppressed.suppressed, true)
    assert.equal(suppressed.value, null)
    assert.equal(suppressed.per_100000, null)
    const shown = items.find((o) => o.indicator_key === indicatorKey && o.area_code === '0580')!
    assert.equal(shown.value, 417)
    const row = (await csv('indicator-observations')).rows.find((r) => r.indicator_key === indicatorKey && r.area_code === '0581')!
    assert.equal(row.suppressed, 'true')
    assert.equal(row.value, '', 'a suppressed value is an empty field, not 0')
    assert.equal(row.per_100000, '')
  })

  test('every survey estimate is the public API’s, small cells suppressed the same way: empty and flagged', async () => {
    const items = (await json('survey-estimates')).items
    assert.ok(items.length > 0)
    for (const e of items) {
      const api = (await get(pathOf(String(e.url)))).json()
      const group = api.groups.find((g: { group: string }) => g.group === e.group)
      assert.ok(group, `${e.survey_id} ${e.area_code} ${e.group}`)
      assert.equal(group.suppressed, e.suppressed)
      assert.equal(group.share ?? null, e.share)
      assert.equal(group.n ?? null, e.n)
    }
    const small = items.filter((e) => e.survey_id === smallSurveyId && e.area_code === '0581')
    assert.deepEqual(
      small.map((e) => [e.group, e.suppressed, e.share, e.n]),
      [
        ['kvinna', true, null, null],
        ['man', true, null, null],
        ['alla', false, 0.4, 60],
      ],
    )
    const rows = (await csv('survey-estimates')).rows.filter((r) => r.survey_id === smallSurveyId && r.area_code === '0581')
    const women = rows.find((r) => r.group === 'kvinna')!
    assert.deepEqual([women.suppressed, women.share, women.ci_low, women.n], ['true', '', '', ''])
    assert.equal(rows.find((r) => r.group === 'alla')!.share, '0,4', 'decimal comma, as the other exports')
  })
})
