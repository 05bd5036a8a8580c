import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { signedIn } from '../../test-support/browser.ts'
import { docxParts } from '../../test-support/docx-xml.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { refreshAreaSums } from '../surveys/surveys.repo.ts'
import { surveyCellSums, surveys } from '../surveys/surveys.tables.ts'
import { indicators, observations } from '../indicators/indicators.tables.ts'
import type { FrozenFigure } from './frozen-figures.ts'
import { type MappingFigure, situationReports } from './situation-reports.tables.ts'
import { buildReport, buildSurvey } from './situation-reports.test-factories.ts'

/**
 * Issue 9 §11: an adopted lägesbild is a final version, its numbers included. Adoption freezes the
 * figures; later survey answers change a draft's figures but not the adopted version's page or DOCX.
 */
let t: TestApp
let surveyId: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  surveyId = (await buildSurvey(t.deps)).survey.id
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who] as BuiltUser)
const row = async (id: string) => (await t.deps.db.select().from(situationReports).where(eq(situationReports.id, id)))[0]!
const text = (xml: string) => xml.replace(/<[^>]+>/g, '')
const docx = async (who: string, id: string) => {
  const res = await (await as(who)).get(`/situation-reports/${id}/export.docx`)
  assert.equal(res.statusCode, 200)
  return docxParts(res.rawPayload)
}

describe('figures frozen at adoption', () => {
  let figures: MappingFigure[]
  let adopted: string
  let draft: string
  let legacy: string
  let indicatorId: string

  before(async () => {
    figures = [
      { kind: 'survey', surveyId, questionKey: 'gator_torg' },
      { kind: 'indicator', indicatorKey: 'test_anmalda_brott' },
    ]
    // An indicator of counts with one year for Linköping: 412 reported offences in 2023.
    const [indicator] = await t.deps.db
      .insert(indicators)
      .values({
        key: 'test_anmalda_brott',
        name: 'Anmälda brott (test)',
        unit: 'count',
        source: 'Brå',
        attribution: 'Källa: Brå (test)',
        geographyLevel: 'municipality',
        periodType: 'year',
      })
      .returning()
    indicatorId = indicator!.id
    await t.deps.db.insert(observations).values({ indicatorId, areaCode: '0580', period: '2023', value: 412 })
    adopted = (await buildReport(t.deps, { periodStart: '2024-01-01', figures })).id
    draft = (await buildReport(t.deps, { periodStart: '2025-01-01', figures })).id
    // Adopted the way versions were before figures were frozen: no adopted_figures.
    legacy = (await buildReport(t.deps, { periodStart: '2023-01-01', figures, status: 'adopted' })).id
  })

  test('adoption stores the figures as the page shows them, in the same update', async () => {
    const b = await as('editor')
    const res = await b.post(`/situation-reports/${adopted}/adopt`, {
      version: String((await row(adopted)).version),
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2024-11-20',
      adoptedParagraph: '§ 187',
    })
    assert.equal(res.statusCode, 303)
    const r = await row(adopted)
    assert.equal(r.status, 'adopted')
    const frozen = r.adoptedFigures as FrozenFigure[]
    assert.equal(frozen.length, 2)
    assert.ok(frozen.every((f) => f.format === 1))
    assert.deepEqual(frozen[1]!.indicator!.values, [{ area: '0580', period: '2023', value: 412, suppressed: false }])
    const women = frozen[0]!.survey!.years[0]!.groups.find((g) => g.group === 'kvinna')!
    assert.equal(women.share, 0.2)
    assert.equal((await row(draft)).adoptedFigures, null)
  })

  test('new survey answers and observations: the adopted version’s page and DOCX keep the old numbers, a draft shows the new ones', async () => {
    // Twice as many women now say they feel safe (20 % → 40 %).
    await t.deps.db
      .update(surveyCellSums)
      .set({ sumWy: 100, sumW2y: 100 })
      .where(and(eq(surveyCellSums.surveyId, surveyId), eq(surveyCellSums.questionKey, 'gator_torg'), eq(surveyCellSums.sex, 'kvinna')))
    await refreshAreaSums(t.deps.db, surveyId)
    // Brå revises 2023 and publishes 2024.
    await t.deps.db
      .update(observations)
      .set({ value: 430 })
      .where(and(eq(observations.indicatorId, indicatorId), eq(observations.period, '2023')))
    await t.deps.db.insert(observations).values({ indicatorId, areaCode: '0580', period: '2024', value: 530 })

    const b = await as('editor')
    const page = await b.get(`/situation-reports/${adopted}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, />20 % \(15 %–25 %\)</)
    assert.doesNotMatch(page.body, />40 % \(/)
    assert.match(page.body, /Siffrorna i figurerna är de som gällde när lägesbilden antogs den 2024-11-20/)
    assert.match(page.body, />412</)
    assert.doesNotMatch(page.body, />430<|>530<|>2024</)

    const draftPage = await b.get(`/situation-reports/${draft}`)
    assert.match(draftPage.body, />40 % \(/)
    assert.doesNotMatch(draftPage.body, />20 % \(15 %–25 %\)</)
    assert.doesNotMatch(draftPage.body, /Siffrorna i figurerna är de som gällde/)
    assert.match(draftPage.body, />430</)
    assert.match(draftPage.body, />530</)

    const adoptedDoc = text((await docx('editor', adopted)).get('word/document.xml') ?? '')
    assert.ok(adoptedDoc.includes('20 % (15 %–25 %)'), 'the adopted number in the DOCX')
    assert.ok(!adoptedDoc.includes('40 % ('), 'not the new one')
    assert.ok(adoptedDoc.includes('412') && !adoptedDoc.includes('530'), 'the adopted observation in the DOCX')
    assert.ok(adoptedDoc.includes('Siffrorna i figurerna är de som gällde när lägesbilden antogs'))
    const draftDoc = text((await docx('editor', draft)).get('word/document.xml') ?? '')
    assert.ok(draftDoc.includes('40 % ('), 'the draft’s DOCX has today’s number')
    assert.ok(draftDoc.includes('430') && draftDoc.includes('530'), 'and today’s observations')

    // The English page draws the same frozen numbers in English.
    const en = await b.get(`/situation-reports/${adopted}`, { 'accept-language': 'en' })
    assert.match(en.body, />20 % \(15 %–25 %\)</)
    assert.match(en.body, /The figures show the numbers as they stood when the situation report was adopted/)
  })

  test('a version adopted before figures were frozen shows today’s numbers and says so', async () => {
    const page = await (await as('editor')).get(`/situation-reports/${legacy}`)
    assert.match(page.body, />40 % \(/)
    assert.match(page.body, /Figurerna visar dagens siffror/)
    const doc = text((await docx('editor', legacy)).get('word/document.xml') ?? '')
    assert.ok(doc.includes('Figurerna visar dagens siffror'))
  })

  test('a new version starts from the adopted one as a draft: its figures are today’s again', async () => {
    const b = await as('editor')
    const res = await b.post(`/situation-reports/${adopted}/new-version`, { version: String((await row(adopted)).version) })
    assert.equal(res.statusCode, 303)
    const nextId = String(res.headers.location).split('/')[2]!
    assert.equal((await row(nextId)).adoptedFigures, null)
    assert.match((await b.get(`/situation-reports/${nextId}`)).body, />40 % \(/)
  })

  test('a frozen survey figure is still the survey’s to show: a reader who may no longer read it gets no numbers', async () => {
    await t.deps.db.update(surveys).set({ visibility: 'organisation' }).where(eq(surveys.id, surveyId))
    try {
      const other = await (await as('norrkoping')).get(`/situation-reports/${adopted}`)
      assert.equal(other.statusCode, 200)
      assert.doesNotMatch(other.body, /20 % \(15 %–25 %\)/)
      assert.match(other.body, /Uppgifterna för figuren finns inte på plattformen, eller så får du inte läsa dem/)
      const own = await (await as('editor')).get(`/situation-reports/${adopted}`)
      assert.match(own.body, />20 % \(15 %–25 %\)</)
    } finally {
      await t.deps.db.update(surveys).set({ visibility: 'public' }).where(eq(surveys.id, surveyId))
    }
  })
})

describe('charts in the DOCX', () => {
  test('each figure’s chart is a PNG image with alt text, before its table', async () => {
    const id = (await buildReport(t.deps, { periodStart: '2022-01-01', figures: [{ kind: 'survey', surveyId, questionKey: 'gator_torg' }] })).id
    const parts = await docxParts((await (await as('editor')).get(`/situation-reports/${id}/export.docx`)).rawPayload)
    const media = [...parts.keys()].filter((k) => /^word\/media\/.+\.png$/.test(k))
    assert.equal(media.length, 1)
    assert.ok(parts.get(media[0]!)!.startsWith('\ufffdPNG'), 'a PNG')
    const xml = parts.get('word/document.xml') ?? ''
    const docPr = /<wp:docPr [^>]*>/.exec(xml)?.[0] ?? ''
    assert.match(docPr, /title="Trygg på gator och torg – Linköping"/)
    assert.match(docPr, /descr="Diagram: Trygg på gator och torg – Linköping\. Andel [^"]+Samma siffror finns i tabellen under diagrammet\."/)
    // The image comes before the table with the same numbers.
    assert.ok(xml.indexOf('<w:drawing>') < xml.indexOf('Tabell: Trygg på gator och torg'))
  })
})
