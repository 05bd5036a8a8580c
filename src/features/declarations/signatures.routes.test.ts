import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, auditActions, buildCollaborationWithDeclaration, signatureRow, textOf } from './declarations.test-factories.ts'

let t: TestApp
let coordinator: BuiltUser
let c: TestCollaboration
const browsers: Record<string, TestBrowser> = {}

async function as(user: BuiltUser) {
  browsers[user.email] ??= new TestBrowser(t.app)
  const b = browsers[user.email]
  if (!b.cookie('tm_session')) await b.login(user.email, user.password)
  return b
}

/** Opens the record page (for its CSRF token and version) and sends one step form. */
async function step(user: BuiltUser, signatureId: string, fields: Record<string, string>) {
  const b = await as(user)
  const page = await b.get(`/signatures/${signatureId}`)
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1'
  return b.post(`/signatures/${signatureId}/steps`, { version, ...fields })
}

const preparation = { step: 'in_preparation', caseNumber: 'KS 2021/1234', responsibleOfficial: 'Karin Berg', memoDate: '2021-12-10' }
const decision = {
  step: 'decided',
  decisionBody: 'Kommunstyrelsen',
  decisionDate: '2022-01-25',
  decisionParagraph: '§ 12',
  decisionLines:
    '1. Kommunstyrelsen godkänner programförklaringen Östergötland tillsammans mot brott 2022–2027.\n2. Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
}
const signing = { step: 'signed', signerName: 'Muharrem Demirok', signerTitle: 'Kommunstyrelsens ordförande', signedOn: '2022-02-02' }

before(async () => {
  t = await buildTestApp()
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05', name: 'Cecilia Samordnare' })
  c = await buildCollaborationWithDeclaration(t.deps)
})
after(() => t.close())

describe('the decision and signature workflow', () => {
  test('the coordinator records Linköping’s KS decision and signature, each step audited, and the board shows it signed', async () => {
    const id = c.signatures['kommun-0580']
    for (const fields of [preparation, decision, signing]) {
      const res = await step(coordinator, id, fields)
      assert.equal(res.statusCode, 303, `${fields.step}: ${textOf(res.body).slice(0, 300)}`)
      assert.equal(res.headers.location, `/signatures/${id}`)
    }
    const row = await signatureRow(t.deps, id)
    assert.equal(row.status, 'signed')
    assert.equal(row.case_number, 'KS 2021/1234')
    assert.equal(row.decision_paragraph, '§ 12')
    assert.deepEqual(row.decision_lines, [
      'Kommunstyrelsen godkänner programförklaringen Östergötland tillsammans mot brott 2022–2027.',
      'Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
    ])
    assert.equal(row.version, 4)

    const events = await auditActions(t.deps, id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['signature.step', 'signature.step', 'signature.step'],
    )
    assert.equal((events[2].before as { status: string }).status, 'decided')
    assert.equal((events[2].after as { status: string }).status, 'signed')

    const page = await (await as(coordinator)).get(`/signatures/${id}`)
    assert.match(textOf(page.body), /Undertecknad av Muharrem Demirok, Kommunstyrelsens ordförande/)
    assert.match(textOf(page.body), /Beslutsdatum 2022-01-25/)

    const board = await (await as(coordinator)).get(`/collaborations/${c.collaborationId}/signatures`)
    assert.equal(board.statusCode, 200)
    const linkoping = new RegExp(
      `<a href="/signatures/${id}">Linköpings kommun</a></td><td>Kommun</td><td><strong class="tag tag--green">Undertecknad</strong>`,
    )
    assert.match(board.body, linkoping)
    assert.match(board.body, /Norrköpings kommun<\/a><\/td><td>Kommun<\/td><td><strong class="tag tag--grey">Inbjuden<\/strong>/)
  })

  test('a signature dated before the decision is refused on its field, and nothing changes', async () => {
    const id = c.signatures['kommun-0581']
    assert.equal((await step(coordinator, id, preparation)).statusCode, 303)
    assert.equal((await step(coordinator, id, decision)).statusCode, 303)
    const before = await signatureRow(t.deps, id)
    const res = await step(coordinator, id, { ...signing, signedOn: '2022-01-24' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<a href="#f-signedOn">Undertecknandet kan inte ske före beslutet \(2022-01-25\)<\/a>/)
    assert.match(res.body, /id="f-signedOn"[^>]*value="2022-01-24"/, 'what the user typed is kept')
    assert.deepEqual(await signatureRow(t.deps, id), before)
  })

  test('dates in the future and skipped steps are refused', async () => {
    const id = c.signatures['lansstyrelsen-05']
    const future = await step(coordinator, id, { ...preparation, memoDate: '2099-01-01' })
    assert.equal(future.statusCode, 400)
    assert.match(textOf(future.body), /Datumet kan inte vara senare än i dag/)
    const skip = await step(coordinator, id, signing)
    assert.equal(skip.statusCode, 409)
    assert.match(textOf(skip.body), /Det steget går inte att ta från partens nuvarande status/)
    const noReason = await step(coordinator, id, { step: 'declined', reason: '  ' })
    assert.equal(noReason.statusCode, 400)
    assert.match(noReason.body, /<a href="#f-reason">Skriv skälet<\/a>/)
    assert.equal((await signatureRow(t.deps, id)).status, 'invited')
  })

  test('two browsers send the same version: the second gets 409 and nothing of theirs is written', async () => {
    const editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'lansstyrelsen-05' })
    const id = c.signatures['lansstyrelsen-05']
    const first = await as(coordinator)
    const second = await as(editor)
    const page1 = await first.get(`/signatures/${id}`)
    const page2 = await second.get(`/signatures/${id}`)
    const version = /name="version" value="(\d+)"/.exec(page1.body)![1]
    assert.equal(/name="version" value="(\d+)"/.exec(page2.body)![1], version)
    assert.equal((await first.post(`/signatures/${id}/steps`, { version, ...preparation, caseNumber: 'LST 1' })).statusCode, 303)
    const stale = await second.post(`/signatures/${id}/steps`, { version, ...preparation, caseNumber: 'LST 2' })
    assert.equal(stale.statusCode, 409)
    assert.match(textOf(stale.body), /Någon annan har ändrat uppgifterna medan du arbetade/)
    const row = await signatureRow(t.deps, id)
    assert.equal(row.case_number, 'LST 1')
    assert.equal(row.version, Number(version) + 1)
  })
})

describe('who may step which record', () => {
  test('an editor of Linköping may step Linköping’s record but not Norrköping’s (403)', async () => {
    const c2 = await buildCollaborationWithDeclaration(t.deps)
    const editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
    assert.equal((await step(editor, c2.signatures['kommun-0580'], preparation)).statusCode, 303)
    const page = await (await as(editor)).get(`/signatures/${c2.signatures['kommun-0581']}`)
    assert.equal(page.statusCode, 200, 'partners read every record')
    assert.doesNotMatch(page.body, /action="\/signatures\/[^"]+\/steps"/, 'but get no forms for another party')
    const before = await signatureRow(t.deps, c2.signatures['kommun-0581'])
    const refused = await (await as(editor)).post(`/signatures/${c2.signatures['kommun-0581']}/steps`, { version: '1', ...preparation })
    assert.equal(refused.statusCode, 403)
    assert.deepEqual(await signatureRow(t.deps, c2.signatures['kommun-0581']), before)
  })

  test('a viewer reads but may not step (403), and a non-partner may not read', async () => {
    const viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
    const id = c.signatures['kommun-0580']
    const page = await (await as(viewer)).get(`/signatures/${id}`)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Du kan läsa uppgifterna men inte ändra dem/)
    const refused = await (await as(viewer)).post(`/signatures/${id}/steps`, { version: '4', step: 'withdrawn', reason: 'x' })
    assert.equal(refused.statusCode, 403)
    assert.equal((await signatureRow(t.deps, id)).status, 'signed')

    const outsider = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0509' })
    assert.equal((await (await as(outsider)).get(`/signatures/${id}`)).statusCode, 403)
    assert.equal((await (await as(outsider)).get(`/collaborations/${c.collaborationId}/signatures`)).statusCode, 403)
    assert.equal((await (await as(outsider)).get('/signatures/not-a-uuid')).statusCode, 404)
  })
})
