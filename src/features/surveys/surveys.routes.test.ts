import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { DEMO_SURVEY_NAME, loadDemoSurveys } from '../../../db/seed/demo-surveys.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { surveys } from './surveys.tables.ts'

let t: TestApp
let surveyId: string

before(async () => {
  t = await buildTestApp()
  assert.ok((await loadDemoSurveys(t.deps)) > 0)
  assert.equal(await loadDemoSurveys(t.deps), 0, 'the demo survey loads once')
  const [s] = await t.deps.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, DEMO_SURVEY_NAME))
  surveyId = s!.id
})
after(() => t.close())

const get = (url: string) => t.app.inject({ method: 'GET', url })

describe('survey pages and API', () => {
  it('lists the public demo survey to anyone, labelled synthetic', async () => {
    const res = await get('/surveys')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, new RegExp(DEMO_SURVEY_NAME))
    assert.match(res.body, /syntetiska demodata/)
  })

  it('shows Linköping 2021 by gender beside the county, with the sentence, the chart and its table', async () => {
    const res = await get(`/surveys/${surveyId}/areas/0580?year=2021`)
    assert.equal(res.statusCode, 200)
    assert.match(
      res.body,
      /Kvinnor känner sig trygga i lägre grad än män \(\d+\u00a0% mot \d+\u00a0%\)\. Skillnaden, \d+ procentenheter, är statistiskt säkerställd/,
    )
    assert.match(res.body, /Östergötlands län/)
    assert.match(res.body, /<figure class="chart"/)
    assert.match(res.body, /<table/)
    assert.match(res.body, /Syntetiska demodata\./)
  })

  it('answers the API with the shares the sums give, as fractions, and the difference with its p-value', async () => {
    const res = await get(`/api/v1/surveys/${surveyId}/estimates?area=0580&year=2021&question=gator_torg_kvall`)
    assert.equal(res.statusCode, 200)
    const body = res.json()
    const women = body.groups.find((g: { group: string }) => g.group === 'kvinna')
    const [direct] = await queryRows<{ share: number; n: number }>(
      t.deps.db,
      sql`select sum(sum_wy) / sum(sum_w) as share, sum(n)::int as n from survey_cell_sums
          where survey_id = ${surveyId} and municipality_code = '0580' and year = 2021 and question_key = 'gator_torg_kvall' and sex = 'kvinna'`,
    )
    assert.ok(Math.abs(women.share - direct!.share) < 1e-12)
    assert.equal(women.n, direct!.n)
    assert.ok(women.ci_low < women.share && women.share < women.ci_high)
    assert.ok(body.difference.estimate < 0 && body.difference.p_value < 0.05)
    // The source document's Linköping 2021 figures are what the generator draws around.
    assert.ok(Math.abs(women.share - 0.2) < 0.06, `women ${women.share}`)
  })

  it('gives the county total for a county code', async () => {
    const res = await get(`/api/v1/surveys/${surveyId}/estimates?area=05&year=2021&question=gator_torg_kvall`)
    assert.equal(res.statusCode, 200)
    const all = res.json().groups.find((g: { group: string }) => g.group === 'alla')
    const linkoping = (await get(`/api/v1/surveys/${surveyId}/estimates?area=0580&year=2021&question=gator_torg_kvall`))
      .json()
      .groups.find((g: { group: string }) => g.group === 'alla')
    assert.ok(all.n > linkoping.n)
    // The roll-up the page reads is exactly the cell sums of the county's municipalities.
    const [direct] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select sum(n)::int as n from survey_cell_sums s join municipalities m on m.code = s.municipality_code
          where s.survey_id = ${surveyId} and m.county_code = '05' and s.year = 2021 and s.question_key = 'gator_torg_kvall'`,
    )
    assert.equal(all.n, direct!.n)
  })

  it('suppresses a small cell everywhere: "–" on the page, suppressed in the API, "–" in the CSV', async () => {
    const page = await get(`/surveys/${surveyId}/areas/0512?year=2025`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /färre än 10 svarande/)
    const api = (await get(`/api/v1/surveys/${surveyId}/estimates?area=0512&year=2025&question=hallplats_kvall`)).json()
    const women = api.groups.find((g: { group: string }) => g.group === 'kvinna')
    assert.equal(women.suppressed, true)
    assert.equal(women.share, undefined)
    assert.equal(api.difference, null)
    const csv = await get(`/surveys/${surveyId}/areas/0512/estimates.csv`)
    assert.equal(csv.statusCode, 200)
    assert.match(csv.headers['content-type'] as string, /text\/csv/)
    const line = csv.body.split('\r\n').find((l) => l.includes('hallplats_kvall') && l.includes(';2025;') && l.includes('Kvinnor'))
    assert.ok(line, 'the suppressed row is in the file')
    assert.match(line, /;–;–;–;–/)
  })

  it('shows the municipality’s "Lägesbild – underlag" with women and men per place and time', async () => {
    const res = await get('/knowledge/municipalities/0580')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Lägesbild – underlag: Linköping/)
    assert.match(res.body, /parker, kväll/)
    const hub = await get('/knowledge')
    assert.match(hub.body, /href="\/knowledge\/municipalities\/0580"/)
  })

  it('hides a survey kept to its organisation from visitors (404 on page and API)', async () => {
    await t.deps.db.update(surveys).set({ visibility: 'organisation' }).where(eq(surveys.id, surveyId))
    try {
      assert.equal((await get(`/surveys/${surveyId}`)).statusCode, 404)
      assert.equal((await get(`/api/v1/surveys/${surveyId}/estimates?area=0580&year=2021&question=gator_torg_kvall`)).statusCode, 404)
      assert.doesNotMatch((await get('/surveys')).body, new RegExp(DEMO_SURVEY_NAME))
      assert.doesNotMatch((await get('/knowledge/municipalities/0580')).body, /parker, kväll/)
    } finally {
      await t.deps.db.update(surveys).set({ visibility: 'public' }).where(eq(surveys.id, surveyId))
    }
  })

  it('refuses a malformed query with problem+json naming the field', async () => {
    const res = await get(`/api/v1/surveys/${surveyId}/estimates?area=Linköping&year=2021&question=gator_torg_kvall`)
    assert.equal(res.statusCode, 400)
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/)
    assert.match(res.body, /area/)
  })
})
