import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'

/** Issue 9 §2: folkmängd per municipality and year loaded in the browser, as the CLI's populations-import does. */

let t: TestApp
const users: Record<string, BuiltUser> = {}
before(async () => {
  t = await buildTestApp()
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const rowsOf = async (year: number) =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from area_populations where year = ${year}`))[0].n
const audits = async () =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_events where action = 'populations.imported'`))[0].n

/** The upload as a browser sends it: the CSRF token first, then the file. */
function upload(csrf: string, text: string, filename = 'folkmangd.csv') {
  const boundary = '----populations-boundary'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { raw: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
async function send(b: TestBrowser, text: string) {
  await b.get('/indicators/populations')
  return b.request('POST', '/indicators/populations', upload(b.csrf, text))
}

describe('the population page', () => {
  test('a coordinator sees what is loaded for their county and the upload form; the indicators page links it', async () => {
    const b = await as('coordinator')
    const page = await b.get('/indicators/populations')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="heading-l">Folkmängd<\/h1>/)
    assert.match(page.body, /enctype="multipart\/form-data"/)
    assert.match(page.body, /<caption[^>]*>Inläst folkmängd per år i ditt län/)
    assert.doesNotMatch(page.body, /Stockholms län/)
    assert.match((await b.get('/indicators')).body, /href="\/indicators\/populations"/)
  })

  test('others are refused the page and the upload, and nothing is stored', async () => {
    const b = await as('editor')
    assert.equal((await b.get('/indicators/populations')).statusCode, 403)
    assert.doesNotMatch((await b.get('/indicators')).body, /href="\/indicators\/populations"/)
    const res = await b.request('POST', '/indicators/populations', upload(b.csrf, 'kommun;ar;folkmangd\r\n0580;2041;170000\r\n'))
    assert.equal(res.statusCode, 403)
    assert.equal(await rowsOf(2041), 0)
    assert.equal((await t.app.inject({ method: 'GET', url: '/indicators/populations' })).statusCode, 303)
  })

  test('a good file: every row stored, audited once, 303 back to the page that now lists the year', async () => {
    const b = await as('coordinator')
    const before = await audits()
    const res = await send(b, '\uFEFFkommun;ar;folkmangd\r\n0580;2040;170 123\r\nNorrköping;2040;150000\r\n0180;2040;1000000\r\n')
    assert.equal(res.statusCode, 303, res.body)
    assert.equal(res.headers.location, '/indicators/populations')
    assert.equal(await rowsOf(2040), 3)
    assert.equal(await audits(), before + 1)
    const page = await b.get('/indicators/populations')
    assert.match(page.body, /Folkmängden är inläst: 3 rader för 2040/)
    assert.match(page.body, /<td[^>]*>2040<\/td>/)
    assert.match(page.body, /2 av 13/)
  })

  test('a file with bad rows: each in the error summary with its row and column, nothing stored', async () => {
    const b = await as('coordinator')
    const before = await audits()
    const res = await send(b, 'kommun;ar;folkmangd\r\n0580;2042;170000\r\nGnosjöstad;2042;100\r\n0581;20x2;100\r\n0582;2042;-5\r\n')
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /error-summary/)
    assert.match(res.body, /Filen importerades inte: den har 3 fel/)
    assert.match(res.body, /Rad 3, kolumn kommun: Okänd kommun: ”Gnosjöstad”/)
    assert.match(res.body, /Rad 4, kolumn ar: ”20x2” är inte ett år/)
    assert.match(res.body, /Rad 5, kolumn folkmangd: ”-5” är inte en folkmängd/)
    assert.equal(await rowsOf(2042), 0)
    assert.equal(await audits(), before)

    const header = await send(b, 'kommun;år;invånare\r\n0580;2042;170000\r\n')
    assert.equal(header.statusCode, 400)
    assert.match(header.body, /Rubrikraden ska vara kommun;ar;folkmangd/)
    const empty = await send(b, '')
    assert.equal(empty.statusCode, 400)
    assert.equal(await rowsOf(2042), 0)
  })

  test('the CSRF token is checked before the file is read', async () => {
    const b = await as('coordinator')
    await b.get('/indicators/populations')
    const res = await b.request('POST', '/indicators/populations', upload('not-the-token', 'kommun;ar;folkmangd\r\n0580;2043;170000\r\n'))
    assert.equal(res.statusCode, 403)
    assert.equal(await rowsOf(2043), 0)
  })
})
