import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { type BuiltCollaboration, buildCollaboration, buildMeeting, buildSeat } from './meetings.test-factories.ts'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

let t: TestApp
let c: BuiltCollaboration
let coordinator: TestBrowser

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind' })
  const u = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  coordinator = new TestBrowser(t.app)
  await coordinator.login(u.email, u.password)
})
after(() => t.close())

/** Posts the agenda form as a browser does with a file chosen: multipart, with the CSRF token. */
async function postAgendaWithFile(meetingId: string, fields: Record<string, string>, file: { name: string; data: Buffer }) {
  await coordinator.get(`/meetings/${meetingId}/agenda/new`)
  const boundary = '----meetings-test'
  const parts = Object.entries({ _csrf: coordinator.csrf, ...fields }).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  )
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return t.app.inject({
    method: 'POST',
    url: `/meetings/${meetingId}/agenda/new`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `tm_session=${coordinator.cookie('tm_session')}` },
  })
}

const agendaTitles = async (meetingId: string) =>
  (await queryRows<{ title: string }>(t.deps.db, sql`select title from agenda_items where meeting_id = ${meetingId} order by position`)).map((r) => r.title)

describe('agenda', () => {
  test('an item with a PDF attachment is added and the attachment downloads; a disguised file is refused and nothing is stored', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-02-02' })
    const ok = await postAgendaWithFile(m, { title: 'Lägesbild', presenter: 'Polisen', plannedMinutes: '20' }, { name: 'lägesbild.pdf', data: PDF })
    assert.equal(ok.statusCode, 303)
    const [item] = await queryRows<{ id: string; file_id: string; planned_minutes: number }>(
      t.deps.db,
      sql`select id, file_id, planned_minutes from agenda_items where meeting_id = ${m}`,
    )
    assert.ok(item.file_id)
    assert.equal(item.planned_minutes, 20)
    const download = await coordinator.get(`/meetings/${m}/agenda/${item.id}/file`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.deepEqual(download.rawPayload, PDF)

    const files = async () => Number((await queryRows<{ n: string }>(t.deps.db, sql`select count(*)::text as n from files`))[0].n)
    const filesBefore = await files()
    const bad = await postAgendaWithFile(m, { title: 'Förklädd' }, { name: 'beslut.pdf', data: Buffer.from('MZ detta är ingen pdf') })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /<a href="#f-file">/)
    assert.match(bad.body, /value="Förklädd"/)
    assert.equal(await files(), filesBefore)
    assert.deepEqual(await agendaTitles(m), ['Lägesbild'])
  })

  test('items keep their order and can be moved and removed', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-03-03' })
    for (const title of ['Inledning', 'Lägesbild', 'Övrigt']) assert.equal((await coordinator.post(`/meetings/${m}/agenda/new`, { title })).statusCode, 303)
    const ids = await queryRows<{ id: string; title: string }>(t.deps.db, sql`select id, title from agenda_items where meeting_id = ${m} order by position`)
    const id = (title: string) => ids.find((i) => i.title === title)!.id
    await coordinator.get(`/meetings/${m}`)
    assert.equal((await coordinator.post(`/meetings/${m}/agenda/${id('Övrigt')}/move`, { direction: 'up' })).statusCode, 303)
    assert.deepEqual(await agendaTitles(m), ['Inledning', 'Övrigt', 'Lägesbild'])
    assert.equal((await coordinator.post(`/meetings/${m}/agenda/${id('Inledning')}/move`, { direction: 'up' })).statusCode, 303)
    assert.deepEqual(await agendaTitles(m), ['Inledning', 'Övrigt', 'Lägesbild'])
    assert.equal((await coordinator.post(`/meetings/${m}/agenda/${id('Övrigt')}/delete`)).statusCode, 303)
    assert.deepEqual(await agendaTitles(m), ['Inledning', 'Lägesbild'])
    assert.equal((await coordinator.post(`/meetings/${m}/agenda/new`, { title: '' })).statusCode, 400)
  })

  test('every meeting page renders for the coordinator', async () => {
    const m = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-04-04' })
    assert.equal((await coordinator.post(`/meetings/${m}/decisions/new`, { title: 'Beslut', decisionText: 'Text' })).statusCode, 303)
    assert.equal((await coordinator.post(`/meetings/${m}/action-items/new`, { title: 'Åtgärd', ownerName: 'Extern', status: 'open' })).statusCode, 303)
    const [d] = await queryRows<{ id: string }>(t.deps.db, sql`select id from meeting_decisions where meeting_id = ${m}`)
    const [a] = await queryRows<{ id: string }>(t.deps.db, sql`select id from action_items where meeting_id = ${m}`)
    for (const url of [
      `/bodies/${c.bodyId}/meetings`,
      `/bodies/${c.bodyId}/meetings/new`,
      `/meetings/${m}`,
      `/meetings/${m}/edit`,
      `/meetings/${m}/agenda/new`,
      `/meetings/${m}/attendance`,
      `/meetings/${m}/minutes`,
      `/meetings/${m}/decisions/new`,
      `/meetings/${m}/decisions/${d.id}/edit`,
      `/meetings/${m}/action-items/new`,
      `/action-items/${a.id}/edit`,
      `/meetings/${m}/distribution`,
      `/collaborations/${c.collaborationId}/time`,
      '/calendar',
    ]) {
      const res = await coordinator.get(url)
      assert.equal(res.statusCode, 200, url)
      assert.match(res.body, /<h1 class="heading-l">/, url)
    }
    assert.equal((await coordinator.get('/meetings/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await coordinator.get('/meetings/inte-ett-id')).statusCode, 404)
  })
})
