import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { collaborationParties } from '../collaborations/collaborations.tables.ts'
import { type TestCollaboration, buildCollaborationWithDeclaration, textOf } from './declarations.test-factories.ts'

let t: TestApp
let c: TestCollaboration
let b: TestBrowser
let coordinator: BuiltUser

before(async () => {
  t = await buildTestApp()
  c = await buildCollaborationWithDeclaration(t.deps)
  // Linköping signed, Norrköping declined, Länsstyrelsen still invited.
  await t.deps.db.execute(
    sql`update party_signatures set status = 'signed', decision_body = 'Kommunstyrelsen', decision_date = '2022-01-25', decision_paragraph = '§ 12', signer_name = 'Muharrem Demirok', signed_on = '2022-02-02' where id = ${c.signatures['kommun-0580']}`,
  )
  await t.deps.db.execute(sql`update party_signatures set status = 'declined', reason = 'Avvaktar' where id = ${c.signatures['kommun-0581']}`)
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  b = new TestBrowser(t.app)
  await b.login(coordinator.email, coordinator.password)
})
after(() => t.close())

const base = () => `/collaborations/${c.collaborationId}/signatures`
const partyOrder = (html: string) => [...html.matchAll(/<tr><td>(?:<a [^>]+>)?([^<]+)</g)].map((m) => m[1])

test('the board shows every party with status text and colour, and the key dates', async () => {
  const res = await b.get(base())
  assert.equal(res.statusCode, 200)
  assert.match(
    res.body,
    /Linköpings kommun<\/a><\/td><td>Kommun<\/td><td><strong class="tag tag--green">Undertecknad<\/strong><\/td><td>2021-12-01<\/td><td>2022-01-25<\/td><td>2022-02-02<\/td>/,
  )
  assert.match(res.body, /Norrköpings kommun<\/a><\/td><td>Kommun<\/td><td><strong class="tag tag--red">Avböjd<\/strong>/)
  assert.match(res.body, /tag--grey">Inbjuden</)
  assert.match(textOf(res.body), /version 1: 1 av 3 parter har undertecknat/)
})

test('the board filters by status and by kind of party, and sorts by a column', async () => {
  const signed = await b.get(`${base()}?status=signed`)
  assert.deepEqual(partyOrder(signed.body), ['Linköpings kommun'])
  const boards = await b.get(`${base()}?kind=county_board`)
  assert.deepEqual(partyOrder(boards.body), ['Länsstyrelsen Östergötland'])
  const byStatus = await b.get(`${base()}?sort=status&dir=desc`)
  assert.deepEqual(partyOrder(byStatus.body), ['Norrköpings kommun', 'Linköpings kommun', 'Länsstyrelsen Östergötland'])
  assert.match(byStatus.body, /aria-sort="descending"/)
  const bySigned = await b.get(`${base()}?sort=signed&dir=asc`)
  assert.equal(partyOrder(bySigned.body)[0], 'Linköpings kommun', 'dated rows first, empty dates last')
  const nonsense = await b.get(`${base()}?status=nonsense&sort=x`)
  assert.equal(nonsense.statusCode, 200)
  assert.equal(partyOrder(nonsense.body).length, 3)
})

test('the CSV export is Swedish Excel dialect: BOM, semicolons, CRLF, status in words', async () => {
  const res = await b.get(`${base()}.csv`)
  assert.equal(res.statusCode, 200)
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/)
  assert.match(String(res.headers['content-disposition']), /attachment; filename="underskrifter-OTMB-\d{4}-\d{2}-\d{2}\.csv"/)
  const body = res.rawPayload
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
  const text = body.subarray(3).toString('utf8')
  const lines = text.split('\r\n')
  assert.equal(lines[0], 'Part;Typ;Status;Inbjuden;Diarienummer;Beslutande organ;Beslutsdatum;Paragraf;Undertecknad av;Undertecknad')
  assert.ok(lines.includes('Linköpings kommun;Kommun;Undertecknad;2021-12-01;;Kommunstyrelsen;2022-01-25;§ 12;Muharrem Demirok;2022-02-02'))
  assert.ok(lines.includes('Norrköpings kommun;Kommun;Avböjd;2021-12-01;;;;;;'))
  assert.ok(lines.some((l) => l.startsWith('Länsstyrelsen Östergötland;Länsstyrelse;Inbjuden;')))
  assert.equal(lines.at(-1), '', 'every record ends with CRLF')
  const filtered = await b.get(`${base()}.csv?status=declined`)
  assert.equal(filtered.rawPayload.subarray(3).toString('utf8').split('\r\n').length, 3)
})

test('a party that joined after the version was made is shown as not invited, and the coordinator invites it', async () => {
  const org = await findOrganisationByCode(t.deps.db, 'kommun-0583')
  await t.deps.db.insert(collaborationParties).values({ collaborationId: c.collaborationId, organisationId: org!.id, joinedOn: '2023-01-01' })
  const page = await b.get(base())
  assert.match(page.body, /Motala kommun<\/td><td>Kommun<\/td><td><strong class="tag tag--grey">Inte inbjuden<\/strong>/)
  const res = await b.post(`${base()}/invitations`, { organisationId: org!.id })
  assert.equal(res.statusCode, 303)
  const after = await b.get(base())
  assert.match(after.body, /Motala kommun<\/a><\/td><td>Kommun<\/td><td><strong class="tag tag--grey">Inbjuden<\/strong>/)

  const editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  const eb = new TestBrowser(t.app)
  await eb.login(editor.email, editor.password)
  await eb.get(base())
  assert.equal((await eb.post(`${base()}/invitations`, { organisationId: org!.id })).statusCode, 403)
})
