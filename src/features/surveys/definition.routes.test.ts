import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { actorForUser } from '../accounts/index.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { createSurvey } from './definition.service.ts'
import { importSurveyFile } from './import.service.ts'
import { DEFINITION } from './surveys-import.test-factories.ts'
import { surveyQuestions } from './surveys.tables.ts'

/** Issue 9 §4: a survey's questions added and changed through the form pages. */

let t: TestApp
const users: Record<string, BuiltUser> = {}
let surveyId: string

before(async () => {
  t = await buildTestApp()
  users.editor = await buildUser(t.deps, { role: 'editor', name: 'Elin Enkät' })
  users.viewer = await buildUser(t.deps, { role: 'viewer' })
  users.otherCounty = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
  const linkoping = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  const actor = (await actorForUser(t.deps, users.editor.id, 'session'))!
  surveyId = (await createSurvey(t.deps, { actor }, linkoping, { ...DEFINITION, visibility: 'partners' })).id
  const file = '\uFEFFkommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall\r\n0580;2021;kvinna;16-29;1;1;3\r\n0580;2021;man;16-29;1;4;1\r\n'
  const outcome = await importSurveyFile(t.deps, { actor }, surveyId, { fileName: 'a.csv', data: Buffer.from(file) })
  assert.ok(outcome.ok, JSON.stringify(outcome))
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who]!)
const questionsOf = () => t.deps.db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId))

describe('survey question forms', () => {
  test('the survey page links editors to add and change questions', async () => {
    const page = await (await as('editor')).get(`/surveys/${surveyId}`)
    assert.match(page.body, new RegExp(`href="/surveys/${surveyId}/questions/new"`))
    assert.match(page.body, new RegExp(`href="/surveys/${surveyId}/questions/parker_kvall/edit"`))
    const viewerPage = await (await as('viewer')).get(`/surveys/${surveyId}`)
    assert.doesNotMatch(viewerPage.body, /questions\/new/)
  })

  test('adds a question: answers one a line, the reported codes, 303 with a flash; audited', async () => {
    const b = await as('editor')
    const form = await b.get(`/surveys/${surveyId}/questions/new`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /1 = Mycket trygg/)
    const res = await b.post(`/surveys/${surveyId}/questions/new`, {
      version: /name="version" value="(\d+)"/.exec(form.body)![1]!,
      key: 'hemma_kvall',
      text: 'Hur trygg känner du dig hemma en sen kväll?',
      answers: '1 = Mycket trygg\n2 = Ganska trygg\n3 = Ganska otrygg\n4 = Mycket otrygg',
      reported: '1, 2',
      reportedLabel: 'trygga',
      placeType: 'hemma',
      timeOfDay: 'kväll',
    })
    assert.equal(res.statusCode, 303, res.body)
    assert.equal(res.headers.location, `/surveys/${surveyId}`)
    const q = (await questionsOf()).find((x) => x.key === 'hemma_kvall')!
    assert.deepEqual(
      q.answers.map((a) => a.code),
      ['1', '2', '3', '4'],
    )
    assert.deepEqual(q.reported, ['1', '2'])
    assert.equal(q.placeType, 'hemma')
    assert.equal((await questionsOf()).length, 3)
    const audits = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = 'survey.questions_replaced'`)
    assert.equal(audits[0]!.n, 1)
    const page = await b.get(`/surveys/${surveyId}`)
    assert.match(page.body, /Frågan hemma_kvall är sparad/)
  })

  test('bad answers and unknown reported codes: 400 with the error summary, values kept', async () => {
    const b = await as('editor')
    const form = await b.get(`/surveys/${surveyId}/questions/new`)
    const res = await b.post(`/surveys/${surveyId}/questions/new`, {
      version: /name="version" value="(\d+)"/.exec(form.body)![1]!,
      key: 'skola',
      text: 'Hur trygg känner du dig i skolan?',
      answers: '1 = Trygg',
      reported: '1, 7',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /error-summary/)
    assert.match(res.body, /Hur trygg känner du dig i skolan\?/)
    assert.match(res.body, /value="1, 7"/)
    assert.ok(!(await questionsOf()).some((q) => q.key === 'skola'))
  })

  test('changes the wording of a question with data, but refuses changing its codes with a clear message', async () => {
    const b = await as('editor')
    const form = await b.get(`/surveys/${surveyId}/questions/gator_torg_kvall/edit`)
    assert.equal(form.statusCode, 200)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const answers = '1 = Mycket trygg\n2 = Ganska trygg\n3 = Ganska otrygg\n4 = Mycket otrygg'
    const ok = await b.post(`/surveys/${surveyId}/questions/gator_torg_kvall/edit`, {
      version,
      text: 'Hur trygg känner du dig ute på gator och torg en sen kväll?',
      answers,
      reported: '1, 2',
    })
    assert.equal(ok.statusCode, 303, ok.body)
    assert.equal((await questionsOf()).find((q) => q.key === 'gator_torg_kvall')!.text, 'Hur trygg känner du dig ute på gator och torg en sen kväll?')

    const again = await b.get(`/surveys/${surveyId}/questions/gator_torg_kvall/edit`)
    const refused = await b.post(`/surveys/${surveyId}/questions/gator_torg_kvall/edit`, {
      version: /name="version" value="(\d+)"/.exec(again.body)![1]!,
      text: 'Hur trygg?',
      answers,
      reported: '1',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Frågan gator_torg_kvall har importerade svar/)
    assert.deepEqual((await questionsOf()).find((q) => q.key === 'gator_torg_kvall')!.reported, ['1', '2'])
  })

  test('another county’s editor gets 404, a reader 403', async () => {
    assert.equal((await (await as('otherCounty')).get(`/surveys/${surveyId}/questions/new`)).statusCode, 404)
    assert.equal((await (await as('viewer')).get(`/surveys/${surveyId}/questions/gator_torg_kvall/edit`)).statusCode, 403)
    const v = await as('viewer')
    await v.get(`/surveys/${surveyId}`)
    assert.equal((await v.post(`/surveys/${surveyId}/questions/new`, { key: 'x', text: 'x', answers: '1 = a\n2 = b', reported: '1' })).statusCode, 403)
  })
})
