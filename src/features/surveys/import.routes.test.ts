import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { backgroundTasks } from '../../platform/jobs/tasks.tables.ts'
import { settleTasks } from '../../platform/jobs/tasks.ts'
import { eventually } from '../../platform/jobs/testing.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { actorForUser } from '../accounts/index.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { createSurvey } from './definition.service.ts'
import { DEFINITION } from './surveys-import.test-factories.ts'
import { surveyCellSums, surveyImports } from './surveys.tables.ts'

/** Issue 9 §5 through the doors users use: the upload, the mapping step, the task page with progress and outcome. */

let t: TestApp
const users: Record<string, BuiltUser> = {}
let surveyId: string

before(async () => {
  t = await buildTestApp()
  users.editor = await buildUser(t.deps, { role: 'editor', name: 'Elin Enkät' })
  users.viewer = await buildUser(t.deps, { role: 'viewer' })
  users.other = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  const linkoping = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  const actor = (await actorForUser(t.deps, users.editor.id, 'session'))!
  surveyId = (await createSurvey(t.deps, { actor }, linkoping, DEFINITION)).id
})
after(async () => {
  await settleTasks(t.deps)
  await t.close()
})

const as = (who: string) => signedIn(t.app, users[who])

/** A multipart form as a browser sends it: the CSRF token first, then the fields, then the file. */
function multipart(csrf: string, filename: string, data: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----survey-import-boundary'
  const field = (k: string, v: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  const payload = Buffer.concat([
    field('_csrf', csrf),
    ...Object.entries(fields).map(([k, v]) => field(k, v)),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { raw: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function upload(b: TestBrowser, filename: string, text: string | Buffer, fields: Record<string, string> = {}) {
  await b.get(`/surveys/${surveyId}/import`)
  return b.request('POST', `/surveys/${surveyId}/import`, multipart(b.csrf, filename, Buffer.isBuffer(text) ? text : Buffer.from(text), fields))
}

const HEADER = 'kommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall'
const goodFile = (year: number) => `\uFEFF${HEADER}\r\n0580;${year};kvinna;16-29;1,5;1;3\r\n0580;${year};man;16-29;0,5;4;1\r\n0580;${year};;30-49;2;2;\r\n`
const taskIdOf = (location: unknown) => /^\/tasks\/([0-9a-f-]{36})$/.exec(String(location))?.[1]
const importsOf = () => t.deps.db.select().from(surveyImports).where(eq(surveyImports.surveyId, surveyId))

describe('the survey import page', () => {
  test('editors of the survey’s organisation see the form; a viewer is refused', async () => {
    const page = await (await as('editor')).get(`/surveys/${surveyId}/import`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="heading-l">Importera enkätsvar<\/h1>/)
    assert.match(page.body, /enctype="multipart\/form-data"/)
    assert.match(page.body, /<code>gator_torg_kvall<\/code>/)
    assert.equal((await (await as('viewer')).get(`/surveys/${surveyId}/import`)).statusCode, 403)
    assert.equal((await (await as('other')).get(`/surveys/${surveyId}/import`)).statusCode, 403)
  })

  test('a good file: 303 to its task page, which shows the outcome with a link to the survey; the input is dropped', async () => {
    const b = await as('editor')
    const res = await upload(b, 'enkat-2021.csv', goodFile(2021))
    assert.equal(res.statusCode, 303, res.body)
    const taskId = taskIdOf(res.headers.location)!
    assert.ok(taskId)
    await settleTasks(t.deps)
    const page = await b.get(`/tasks/${taskId}`)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers.refresh, undefined, 'a finished task does not reload')
    assert.match(page.body, /Importen är klar: 3 svarande och 5 svar för 2021\./)
    assert.ok(page.body.includes(`href="/surveys/${surveyId}"`))
    assert.match(page.body, /Medborgarenkät Linköping – enkat-2021\.csv/)
    const [row] = await t.deps.db.select().from(backgroundTasks).where(eq(backgroundTasks.id, taskId))
    assert.equal(row.status, 'done')
    assert.equal(row.input, null, 'the microdata is not kept once the task ends')
    assert.equal(row.done, 3)
    const [imported] = (await importsOf()).filter((i) => i.fileName === 'enkat-2021.csv')
    assert.ok(imported)
    assert.ok((await t.deps.db.select().from(surveyCellSums).where(eq(surveyCellSums.importId, imported.id))).length > 0)
    // The list of the user's tasks has it; another user's list does not, and its page is a 404 for them.
    assert.ok((await b.get('/tasks')).body.includes(`href="/tasks/${taskId}"`))
    const other = await as('other')
    assert.ok(!(await other.get('/tasks')).body.includes(taskId))
    assert.equal((await other.get(`/tasks/${taskId}`)).statusCode, 404)
    assert.equal((await (await as('viewer')).get(`/tasks/${taskId}`)).statusCode, 404)
    assert.equal((await (await as('admin')).get(`/tasks/${taskId}`)).statusCode, 200)
    assert.equal((await b.get('/tasks/00000000-0000-4000-8000-000000000000')).statusCode, 404)

    // The same file again is refused, clearly, on the task page.
    const again = await upload(b, 'samma.csv', goodFile(2021))
    await settleTasks(t.deps)
    const refused = await b.get(String(again.headers.location))
    assert.match(refused.body, /Den här filen är redan importerad till enkäten/)
  })

  test('a running task shows its progress and reloads every 2 s without JavaScript, until told not to', async () => {
    const [task] = await t.deps.db
      .insert(backgroundTasks)
      .values({ kind: 'survey.import', title: 'Stor fil', createdBy: users.editor.id, status: 'running', done: 30000, total: 120000 })
      .returning()
    const b = await as('editor')
    const page = await b.get(`/tasks/${task.id}`)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers.refresh, '2')
    assert.match(page.body, /<progress class="task-progress" aria-labelledby="task-progress-text" max="120000" value="30000"/)
    assert.match(page.body, /30\u202f000 av 120\u202f000 rader behandlade \(25 %\)/)
    assert.match(page.body, /Du kan lämna sidan och komma tillbaka senare/)
    assert.doesNotMatch(page.body, /<script(?![^>]*src="\/static)/, 'no inline script')
    const still = await b.get(`/tasks/${task.id}?auto=0`)
    assert.equal(still.headers.refresh, undefined)
    assert.match(still.body, /Uppdatera sidan/)
  })

  test('a file with errors: the task page lists each with row and column and offers to try again; nothing is stored', async () => {
    const b = await as('editor')
    const before = (await importsOf()).length
    const bad = `${HEADER}\n0580;2022;kvinna;16-29;1;1;1\n0580;2022;man;16-29;0;1;1\n0580;2022;man;16-29;1;7;1\n9999;2022;man;16-29;1;1;1\n0580;2022;man;16-2`
    const res = await upload(b, 'fel.csv', bad)
    assert.equal(res.statusCode, 303)
    await settleTasks(t.deps)
    const page = await b.get(String(res.headers.location))
    assert.match(page.body, /Uppgiften kunde inte genomföras\. Ingenting har sparats\./)
    assert.ok(page.body.includes('Rad 3, kolumn vikt: vikten 0 måste vara större än 0.'), page.body.match(/<li>Rad[^<]*/g)?.join('\n'))
    assert.ok(page.body.includes('Rad 4, kolumn gator_torg_kvall: ”7” är ingen svarskod för frågan. Tillåtna koder: 1, 2, 3, 4.'))
    assert.ok(page.body.includes('Rad 5, kolumn kommun: ”9999” är ingen kommunkod.'))
    assert.ok(page.body.includes('Rad 6: den sista raden är ofullständig (4 av 7 fält). Filen verkar vara avbruten.'))
    assert.ok(page.body.includes(`href="/surveys/${surveyId}/import">Försök igen med en rättad fil`))
    assert.equal((await importsOf()).length, before)
  })

  test('columns that look like identifiers are refused at once, before any task', async () => {
    const b = await as('editor')
    const tasksBefore = (await t.deps.db.select().from(backgroundTasks)).length
    const res = await upload(b, 'med-namn.csv', `Personnummer;Namn;${HEADER}\n850101-1234;Anna;0580;2021;kvinna;;1;1;1\n`)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Filen tas inte emot eftersom den har kolumner som ser ut att identifiera personer \(2\)/)
    assert.ok(res.body.includes('Rad 1, kolumn Personnummer: kolumnen ser ut att identifiera personer.'))
    assert.ok(!res.body.includes('850101-1234'))
    assert.equal((await t.deps.db.select().from(backgroundTasks)).length, tasksBefore)
  })

  test('other headers lead to the mapping step; the file chosen again with the choices imports', async () => {
    const b = await as('editor')
    const file = 'Kommunkod;År;Kön;Vikt;Fråga 1;Fråga 2;Löpnummer\n0580;2023;Kvinna;1;1;2;1\n0580;2023;Man;1;3;2;2\n'
    const first = await upload(b, 'egna-rubriker.csv', file)
    assert.equal(first.statusCode, 400)
    assert.match(first.body, /Vad innehåller kolumnerna\?/)
    assert.match(first.body, /Välj sedan filen igen/)
    for (const [i, h] of ['Kommunkod', 'Fråga 1', 'Fråga 2', 'Löpnummer'].entries()) {
      const index = [0, 4, 5, 6][i]
      assert.ok(first.body.includes(`<input type="hidden" name="name_${index}" value="${h}"/>`), h)
      assert.ok(first.body.includes(`name="col_${index}"`), h)
    }
    assert.ok(!first.body.includes('name="col_1"'), 'År is recognised')
    assert.match(first.body, /Filen saknar kolumnen Kommunkod eller DeSO-kod/)
    // Only some chosen: asked again, the choices kept.
    const partly = await upload(b, 'egna-rubriker.csv', file, { name_0: 'Kommunkod', col_0: 'kommun', name_4: 'Fråga 1', col_4: 'gator_torg_kvall' })
    assert.equal(partly.statusCode, 400)
    assert.match(partly.body, /Välj vad kolumnen ”Fråga 2” innehåller/)
    assert.match(partly.body, /<option value="gator_torg_kvall" selected>/)
    const done = await upload(b, 'egna-rubriker.csv', file, {
      name_0: 'Kommunkod',
      col_0: 'kommun',
      name_4: 'Fråga 1',
      col_4: 'gator_torg_kvall',
      name_5: 'Fråga 2',
      col_5: 'parker_kvall',
      name_6: 'Löpnummer',
      col_6: 'ignore',
    })
    assert.equal(done.statusCode, 303, done.body.match(/error-summary[\s\S]*?<\/ul>/)?.[0])
    await settleTasks(t.deps)
    const page = await b.get(String(done.headers.location))
    assert.match(page.body, /Importen är klar: 2 svarande och 4 svar för 2023\./)
  })

  test('survey files up to 50 MB are taken (documents stop at 20 MB); larger ones are refused with the limit', async () => {
    const b = await as('editor')
    const pad = (bytes: number) => Buffer.concat([Buffer.from(`Namn;${HEADER}\n`), Buffer.alloc(bytes, 'x')])
    const big = await upload(b, 'stor.csv', pad(25 * 1024 * 1024))
    assert.equal(big.statusCode, 400)
    assert.match(big.body, /ser ut att identifiera personer/, 'read whole, judged by its header')
    const tooBig = await upload(b, 'for-stor.csv', pad(51 * 1024 * 1024))
    assert.equal(tooBig.statusCode, 400)
    assert.match(tooBig.body, /Filen är större än 50 MB/)
  })

  test('through the job queue: the task is worked by pg-boss and the page shows the outcome', async () => {
    await t.deps.jobs.start({ work: true })
    const b = await as('editor')
    const res = await upload(b, 'ko.csv', goodFile(2024))
    assert.equal(res.statusCode, 303)
    const taskId = taskIdOf(res.headers.location)!
    await eventually(async () => {
      const [row] = await t.deps.db.select().from(backgroundTasks).where(eq(backgroundTasks.id, taskId))
      return row.status === 'done' && row
    }, 'the queued import finished')
    assert.match((await b.get(`/tasks/${taskId}`)).body, /Importen är klar: 3 svarande och 5 svar för 2024\./)
  })
})
