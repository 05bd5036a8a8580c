import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import {
  DISGUISED_EXE,
  HUGE_PDF,
  SMALL_PDF,
  type TestCollaboration,
  buildCollaborationWithDeclaration,
  countRows,
  postMultipart,
  textOf,
} from './declarations.test-factories.ts'

let t: TestApp
let coordinator: BuiltUser
let c: TestCollaboration
let b: TestBrowser

before(async () => {
  t = await buildTestApp()
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  c = await buildCollaborationWithDeclaration(t.deps)
  b = new TestBrowser(t.app)
  await b.login(coordinator.email, coordinator.password)
})
after(() => t.close())

const versionOf = async (id: string) =>
  (
    await queryRows<{ version: number; title: string; file_id: string | null }>(
      t.deps.db,
      sql`select version, title, file_id from declaration_versions where id = ${id}`,
    )
  )[0]

describe('programme declaration versions', () => {
  test('partners read the current version with its text; the coordinator can still change it', async () => {
    const viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
    const vb = new TestBrowser(t.app)
    await vb.login(viewer.email, viewer.password)
    const page = await vb.get(`/collaborations/${c.collaborationId}/declaration`)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Programförklaring Östergötland tillsammans mot brott 2022–2027/)
    assert.match(textOf(page.body), /Antagen 2021-11-30/)
    assert.doesNotMatch(page.body, /versions\/new/, 'a viewer gets no edit links')
    assert.equal((await vb.get(`/declaration-versions/${c.versionId}/edit`)).statusCode, 403)

    const own = await b.get(`/collaborations/${c.collaborationId}/declaration`)
    assert.match(own.body, new RegExp(`href="/declaration-versions/${c.versionId}/edit"`))
  })

  test('the coordinator edits the current version with a PDF while nobody has decided', async () => {
    await b.get(`/declaration-versions/${c.versionId}/edit`)
    const res = await postMultipart(
      t.app,
      b,
      `/declaration-versions/${c.versionId}`,
      { title: 'Programförklaring ÖTMB 2022–2027', bodyText: 'Text.', adoptedOn: '2021-11-30', version: '1' },
      { name: 'file', filename: 'programforklaring.pdf', data: SMALL_PDF },
    )
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400))
    const v = await versionOf(c.versionId)
    assert.equal(v.title, 'Programförklaring ÖTMB 2022–2027')
    assert.ok(v.file_id)
    const download = await b.get(`/files/${v.file_id}`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.deepEqual(download.rawPayload, SMALL_PDF)

    const outsider = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'kommun-0509' })
    const ob = new TestBrowser(t.app)
    await ob.login(outsider.email, outsider.password)
    assert.equal((await ob.get(`/files/${v.file_id}`)).statusCode, 404, 'non-partners cannot download')
  })

  test('once a party has decided, the version is locked: the edit is refused with a clear message and nothing changes', async () => {
    const before = await versionOf(c.versionId)
    const files = await countRows(t.deps, 'files')
    await t.deps.db.execute(sql`update party_signatures set status = 'decided', decision_date = '2022-01-25' where id = ${c.signatures['kommun-0580']}`)
    assert.equal((await b.get(`/declaration-versions/${c.versionId}/edit`)).statusCode, 409)
    const page = await b.get(`/collaborations/${c.collaborationId}/declaration`)
    assert.match(textOf(page.body), /minst en part har beslutat om den här versionen/)
    assert.doesNotMatch(page.body, /\/edit"/)
    const res = await postMultipart(
      t.app,
      b,
      `/declaration-versions/${c.versionId}`,
      { title: 'Ändrad', bodyText: 'Ny text', version: String(before.version) },
      { name: 'file', filename: 'ny.pdf', data: SMALL_PDF },
    )
    assert.equal(res.statusCode, 409)
    assert.match(textOf(res.body), /Versionen kan inte ändras/)
    assert.deepEqual(await versionOf(c.versionId), before)
    assert.equal(await countRows(t.deps, 'files'), files, 'the uploaded file was not stored')
  })

  test('a new version invites every party again and becomes the one shown', async () => {
    await b.get(`/collaborations/${c.collaborationId}/declaration/versions/new`)
    const empty = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/declaration/versions`, { title: '', bodyText: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /<a href="#f-title">Skriv programförklaringens titel<\/a>/)
    const res = await postMultipart(t.app, b, `/collaborations/${c.collaborationId}/declaration/versions`, {
      title: 'Reviderad programförklaring',
      bodyText: 'Reviderad text.',
      adoptedOn: '2024-01-15',
    })
    assert.equal(res.statusCode, 303)
    const page = await b.get(`/collaborations/${c.collaborationId}/declaration`)
    assert.match(textOf(page.body), /Reviderad programförklaring/)
    const board = await b.get(`/collaborations/${c.collaborationId}/signatures`)
    assert.match(textOf(board.body), /Reviderad programförklaring, version 2: 0 av 3 parter har undertecknat/)
    assert.equal((await b.get(`/collaborations/${c.collaborationId}/declaration?version=1`)).statusCode, 200)
    // Records on the old version are history: no more steps.
    const old = await b.get(`/signatures/${c.signatures['kommun-0581']}`)
    assert.match(textOf(old.body), /äldre version/)
    assert.doesNotMatch(old.body, /\/steps"/)
  })
})

describe('attachments', () => {
  test('a PDF decision is attached and downloadable by partners', async () => {
    const id = c.signatures['kommun-0580']
    await b.get(`/signatures/${id}`)
    const res = await postMultipart(
      t.app,
      b,
      `/signatures/${id}/attachments`,
      { description: 'Protokollsutdrag KS 2022-01-25 § 12' },
      { name: 'file', filename: 'protokoll.pdf', data: SMALL_PDF },
    )
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 300))
    const page = await b.get(`/signatures/${id}`)
    assert.match(textOf(page.body), /Protokollsutdrag KS 2022-01-25 § 12/)
    const fileId = /href="\/files\/([0-9a-f-]{36})"/.exec(page.body)![1]
    assert.equal((await b.get(`/files/${fileId}`)).statusCode, 200)
  })

  for (const [label, filename, data, message] of [
    ['a 30 MB file', 'stor.pdf', HUGE_PDF, /Filen är för stor. Den får vara högst 20 MB./],
    ['a program disguised as a PDF', 'beslut.pdf', DISGUISED_EXE, /Filen måste vara en PDF eller ett Word-dokument/],
  ] as const) {
    test(`${label} is refused on the file field and nothing is stored`, async () => {
      const id = c.signatures['kommun-0580']
      const files = await countRows(t.deps, 'files')
      const attachments = await countRows(t.deps, 'signature_attachments')
      await b.get(`/signatures/${id}`)
      const res = await postMultipart(t.app, b, `/signatures/${id}/attachments`, { description: 'Beslut' }, { name: 'file', filename, data })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /<div class="error-summary"/)
      assert.match(res.body, /<a href="#f-file">/)
      assert.match(textOf(res.body), message)
      assert.equal(await countRows(t.deps, 'files'), files)
      assert.equal(await countRows(t.deps, 'signature_attachments'), attachments)
    })
  }

  test('a viewer may not attach (403)', async () => {
    const viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
    const vb = new TestBrowser(t.app)
    await vb.login(viewer.email, viewer.password)
    await vb.get(`/signatures/${c.signatures['kommun-0580']}`)
    const res = await postMultipart(
      t.app,
      vb,
      `/signatures/${c.signatures['kommun-0580']}/attachments`,
      {},
      { name: 'file', filename: 'x.pdf', data: SMALL_PDF },
    )
    assert.equal(res.statusCode, 403)
  })
})
