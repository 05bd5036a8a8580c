import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { DEFINITION } from './surveys-import.test-factories.ts'
import { surveyQuestions, surveys } from './surveys.tables.ts'

/** Issue 9 §4 through the browser: a survey started from a name and areas, or from the CLI's definition file. */

let t: TestApp
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const surveyCount = async () => (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from surveys`))[0].n
const audits = async (action: string) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = ${action}`))[0].n
const idOf = (location: unknown) => /^\/surveys\/([0-9a-f-]{36})$/.exec(String(location))?.[1]

/** The definition form as a browser sends it: the CSRF token first, then the file. */
function definitionUpload(csrf: string, data: string | Buffer, filename = 'enkat.json') {
  const boundary = '----survey-definition-boundary'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="definition"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { raw: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
async function uploadDefinition(b: TestBrowser, data: string | Buffer) {
  await b.get('/surveys/new')
  return b.request('POST', '/surveys/new/definition', definitionUpload(b.csrf, data))
}

describe('starting a survey in the browser', () => {
  test('the survey list links those who may start one; a reader sees no link and is refused the form', async () => {
    assert.match((await (await as('editor')).get('/surveys')).body, /href="\/surveys\/new"/)
    const viewer = await as('viewer')
    assert.doesNotMatch((await viewer.get('/surveys')).body, /href="\/surveys\/new"/)
    assert.equal((await viewer.get('/surveys/new')).statusCode, 403)
    assert.equal((await viewer.post('/surveys/new', { name: 'Min enkät', areas: '0580' })).statusCode, 403)
    const before = await surveyCount()
    assert.equal((await viewer.request('POST', '/surveys/new/definition', definitionUpload(viewer.csrf, JSON.stringify(DEFINITION)))).statusCode, 403)
    assert.equal(await surveyCount(), before)
    const anonymous = await t.app.inject({ method: 'GET', url: '/surveys/new' })
    assert.equal(anonymous.statusCode, 303)
    assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/surveys' })).body, /href="\/surveys\/new"/)
  })

  test('a municipality’s editor is offered their municipality; the county’s coordinator the county’s', async () => {
    const editorForm = (await (await as('editor')).get('/surveys/new')).body
    assert.match(editorForm, /value="0580"/)
    assert.doesNotMatch(editorForm, /value="0581"/)
    const coordinatorForm = (await (await as('coordinator')).get('/surveys/new')).body
    assert.match(coordinatorForm, /value="0580"/)
    assert.match(coordinatorForm, /value="0581"/)
    assert.doesNotMatch(coordinatorForm, /value="0180"/)
  })

  test('without a file: name and areas, no questions yet; 303 to its page with the links to go on; audited', async () => {
    const b = await as('editor')
    await b.get('/surveys/new')
    const auditsBefore = await audits('survey.created')
    const res = await b.post('/surveys/new', { name: 'Trygghetsmätning Linköping 2025', areas: '0580' })
    assert.equal(res.statusCode, 303, res.body)
    const id = idOf(res.headers.location)!
    assert.ok(id)
    const [s] = await t.deps.db.select().from(surveys).where(eq(surveys.id, id))
    assert.equal(s.name, 'Trygghetsmätning Linköping 2025')
    assert.deepEqual(s.areas, ['0580'])
    assert.equal(s.organisationId, (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id)
    assert.equal(s.countyCode, '05')
    assert.equal((await t.deps.db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, id))).length, 0)
    assert.equal(await audits('survey.created'), auditsBefore + 1)
    const page = await b.get(`/surveys/${id}`)
    assert.match(page.body, /Enkäten Trygghetsmätning Linköping 2025 är skapad/)
    assert.match(page.body, /Enkäten har inga frågor än/)
    assert.match(page.body, new RegExp(`href="/surveys/${id}/questions/new"`))
    assert.match(page.body, new RegExp(`href="/surveys/${id}/import"`))
    assert.match(page.body, new RegExp(`href="/surveys/${id}/edit"`))
    // Its first question through the question form, then the import page lists it.
    const form = await b.get(`/surveys/${id}/questions/new`)
    const added = await b.post(`/surveys/${id}/questions/new`, {
      version: /name="version" value="(\d+)"/.exec(form.body)![1]!,
      key: 'gator_torg_kvall',
      text: 'Hur trygg känner du dig på gator och torg en sen kväll?',
      answers: '1 = Mycket trygg\n2 = Ganska trygg\n3 = Ganska otrygg\n4 = Mycket otrygg',
      reported: '1, 2',
    })
    assert.equal(added.statusCode, 303, added.body)
    const importPage = await b.get(`/surveys/${id}/import`)
    assert.equal(importPage.statusCode, 200)
    assert.match(importPage.body, /<code>gator_torg_kvall<\/code>/)
  })

  test('a missing name, or a municipality the editor may not give: 400 with the error summary, nothing stored', async () => {
    const b = await as('editor')
    await b.get('/surveys/new')
    const before = await surveyCount()
    const noName = await b.post('/surveys/new', { name: '  ', areas: '0580' })
    assert.equal(noName.statusCode, 400)
    assert.match(noName.body, /error-summary/)
    assert.match(noName.body, /Ange enkätens namn/)
    const otherArea = await b.post('/surveys/new', { name: 'Norrköpings enkät', areas: ['0580', '0581'] })
    assert.equal(otherArea.statusCode, 400)
    assert.match(otherArea.body, /Du kan inte ge enkäten kommunen 0581/)
    assert.match(otherArea.body, /value="Norrköpings enkät"/)
    assert.equal(await surveyCount(), before)
  })

  test('no areas chosen: the survey covers every municipality the actor may give it (a coordinator their county’s)', async () => {
    const b = await as('coordinator')
    await b.get('/surveys/new')
    const res = await b.post('/surveys/new', { name: 'Länets trygghetsmätning' })
    assert.equal(res.statusCode, 303, res.body)
    const [s] = await t.deps.db
      .select()
      .from(surveys)
      .where(eq(surveys.id, idOf(res.headers.location)!))
    assert.equal(s.areas.length, 13)
    assert.ok(s.areas.includes('0580') && s.areas.includes('0581') && !s.areas.includes('0180'))
  })

  test('from a definition file in the CLI’s format: the survey with every question, audited', async () => {
    const b = await as('coordinator')
    const res = await uploadDefinition(b, `\uFEFF${JSON.stringify({ ...DEFINITION, name: 'Medborgarenkät från fil', areas: ['0580', '0581'] })}`)
    assert.equal(res.statusCode, 303, res.body)
    const id = idOf(res.headers.location)!
    const [s] = await t.deps.db.select().from(surveys).where(eq(surveys.id, id))
    assert.equal(s.kind, 'medborgarenkat')
    assert.equal(s.organisationId, (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id)
    const questions = await t.deps.db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, id))
    assert.deepEqual(questions.map((q) => q.key).sort(), ['gator_torg_kvall', 'parker_kvall'])
    assert.match((await b.get(`/surveys/${id}`)).body, /med 2 frågor/)
  })

  test('a file that is not JSON, or a definition that does not hold: every problem with where it is, nothing stored', async () => {
    const b = await as('coordinator')
    const before = await surveyCount()
    const notJson = await uploadDefinition(b, '{"name": "Trasig",')
    assert.equal(notJson.statusCode, 400)
    assert.match(notJson.body, /error-summary/)
    assert.match(notJson.body, /inte giltig JSON/)

    const bad = {
      name: '',
      areas: ['0580', '9999'],
      questions: [
        DEFINITION.questions[0],
        { key: 'parker_kvall', text: 'Parker?', answers: { '1': 'Trygg' }, reported: ['1'] },
        { key: 'skola', text: 'Skolan?', answers: { '1': 'Ja', '2': 'Nej' }, reported: ['7'] },
      ],
    }
    const refused = await uploadDefinition(b, JSON.stringify(bad))
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /error-summary/)
    assert.match(refused.body, /name: Ange enkätens namn/)
    assert.match(refused.body, /questions\[1\]\.answers: En fråga behöver minst två svarsalternativ/)
    assert.match(refused.body, /questions\[2\]\.reported\[0\]: 7 är inte en av frågans svarskoder/)
    assert.match(refused.body, /href="#f-definition"/)

    // The schema holds, but an area is no municipality: found after it, shown the same way.
    const unknownArea = await uploadDefinition(b, JSON.stringify({ ...DEFINITION, areas: ['0580', '0599'] }))
    assert.equal(unknownArea.statusCode, 400)
    assert.match(unknownArea.body, /areas\[1\]: 0599 är ingen kommunkod/)
    // Without questions the CLI's schema refuses it: the file form creates whole definitions.
    const noQuestions = await uploadDefinition(b, JSON.stringify({ name: 'Utan frågor', questions: [] }))
    assert.equal(noQuestions.statusCode, 400)
    assert.match(noQuestions.body, /Enkäten behöver minst en fråga/)
    const array = await uploadDefinition(b, '[1, 2]')
    assert.equal(array.statusCode, 400)
    assert.match(array.body, /ett JSON-objekt/)
    assert.equal(await surveyCount(), before)
  })

  test('the CSRF token is checked before the file is read', async () => {
    const b = await as('coordinator')
    await b.get('/surveys/new')
    const before = await surveyCount()
    const res = await b.request('POST', '/surveys/new/definition', definitionUpload('not-the-token', JSON.stringify(DEFINITION)))
    assert.equal(res.statusCode, 403)
    assert.equal(await surveyCount(), before)
  })
})

describe('changing a survey’s name and areas', () => {
  test('renames and sets its areas, the attribution following the name; audited; a stale form is refused', async () => {
    const b = await as('editor')
    await b.get('/surveys/new')
    const id = idOf((await b.post('/surveys/new', { name: 'Gammalt namn', areas: '0580' })).headers.location)!
    const form = await b.get(`/surveys/${id}/edit`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /value="Gammalt namn"/)
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!
    const auditsBefore = await audits('survey.updated')
    const res = await b.post(`/surveys/${id}/edit`, { version, name: 'Nytt namn' })
    assert.equal(res.statusCode, 303, res.body)
    const [s] = await t.deps.db.select().from(surveys).where(eq(surveys.id, id))
    assert.equal(s.name, 'Nytt namn')
    // None chosen: every municipality the editor may give it, which is their own.
    assert.deepEqual(s.areas, ['0580'])
    assert.equal(s.attribution, 'Källa: Nytt namn, Linköpings kommun')
    assert.equal(await audits('survey.updated'), auditsBefore + 1)

    const stale = await b.post(`/surveys/${id}/edit`, { version, name: 'Ännu ett namn', areas: '0580' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har ändrat enkäten/)
    const refused = await b.post(`/surveys/${id}/edit`, { version: String(s.version), name: 'Nytt namn', areas: '0581' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Du kan inte ge enkäten kommunen 0581/)
    assert.equal((await t.deps.db.select().from(surveys).where(eq(surveys.id, id)))[0].name, 'Nytt namn')
    assert.equal((await (await as('viewer')).get(`/surveys/${id}/edit`)).statusCode, 403)
  })
})
