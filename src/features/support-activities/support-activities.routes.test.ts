import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { supportActivitiesOf, supportSummary } from './index.ts'
import { buildSupportActivity } from './support-activities.test-factories.ts'
import { supportActivities } from './support-activities.tables.ts'

let t: TestApp
let lst: string
let lkp: string
let ydre: string
let stockholmCity: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  lst = (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  ydre = (await findOrganisationByCode(t.deps.db, 'kommun-0512'))!.id
  stockholmCity = (await findOrganisationByCode(t.deps.db, 'kommun-0180'))!.id
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.stockholm = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.admin = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const rowsOf = (title: string) => t.deps.db.select().from(supportActivities).where(eq(supportActivities.title, title))
const auditsOf = (action: string, entityId: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
const fields = (over: Record<string, string> = {}) => ({
  heldOn: '2024-05-14',
  kind: 'training',
  title: 'Utbildning i lägesbildsarbete',
  municipalityId: lkp,
  description: 'Lag 2023:196: hur en lägesbild tas fram.',
  hours: '2',
  minutesPart: '30',
  participants: '18',
  ...over,
})

describe('recording support', () => {
  test('the county coordinator records an activity: stored in minutes, audited, listed in Swedish', async () => {
    const b = await as('county')
    const form = await b.get(`/support-activities/new?board=${lst}`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Hela länet/)
    const res = await b.post(`/support-activities/new?board=${lst}`, fields())
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/support-activities?board=${lst}&year=2024`)
    const [row] = await rowsOf('Utbildning i lägesbildsarbete')
    assert.equal(row.minutes, 150)
    assert.equal(row.participants, 18)
    assert.equal(row.organisationId, lst)
    assert.equal(row.municipalityId, lkp)
    assert.equal((await auditsOf('support_activity.created', row.id)).length, 1)
    const list = await b.get(res.headers.location as string)
    assert.match(list.body, /Stödinsatsen ”Utbildning i lägesbildsarbete” är registrerad/)
    assert.match(list.body, /2 tim 30 min/)
    assert.match(list.body, /Linköpings kommun/)
    assert.match(list.body, /14 maj 2024/)
  })

  test('invalid input re-renders the error summary and stores nothing', async () => {
    const b = await as('county')
    await b.get(`/support-activities/new?board=${lst}`)
    const res = await b.post(
      `/support-activities/new?board=${lst}`,
      fields({ title: 'Ogiltig insats', heldOn: '2026-02-30', kind: 'party', minutesPart: '75', participants: '100001', hours: 'två' }),
    )
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /error-summary/)
    assert.match(res.body, /<title>Fel: /)
    for (const id of ['heldOn', 'kind', 'hours', 'minutesPart', 'participants']) assert.match(res.body, new RegExp(`href="#f-${id}"`), id)
    assert.match(res.body, /value="Ogiltig insats"/, 'what was typed stays')
    assert.equal((await rowsOf('Ogiltig insats')).length, 0)
  })

  test('a year outside 1900–2100 is refused', async () => {
    const b = await as('county')
    await b.get(`/support-activities/new?board=${lst}`)
    const res = await b.post(`/support-activities/new?board=${lst}`, fields({ title: 'Fel år', heldOn: '1899-12-31' }))
    assert.equal(res.statusCode, 400)
    assert.equal((await rowsOf('Fel år')).length, 0)
  })

  test('a municipality of another county is a field error, and nothing is stored', async () => {
    const b = await as('county')
    await b.get(`/support-activities/new?board=${lst}`)
    const res = await b.post(`/support-activities/new?board=${lst}`, fields({ title: 'Fel län', municipalityId: stockholmCity }))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /href="#f-municipalityId"/)
    assert.match(res.body, /Välj en kommun i länsstyrelsens län/)
    assert.equal((await rowsOf('Fel län')).length, 0)
  })

  test('a county-wide activity has no municipality and no time when none is given', async () => {
    const b = await as('county')
    await b.get(`/support-activities/new?board=${lst}`)
    const res = await b.post(
      `/support-activities/new?board=${lst}`,
      fields({ title: 'Regbrå nätverksträff', kind: 'meeting', municipalityId: '', hours: '', minutesPart: '', participants: '' }),
    )
    assert.equal(res.statusCode, 303)
    const [row] = await rowsOf('Regbrå nätverksträff')
    assert.equal(row.municipalityId, null)
    assert.equal(row.minutes, null)
    assert.equal(row.participants, null)
  })

  test('editing saves with the version; a stale version is a 409 showing both, nothing overwritten', async () => {
    const a = await buildSupportActivity(t.deps, { title: 'Att ändra' })
    const b = await as('county')
    const form = await b.get(`/support-activities/${a.id}/edit`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /value="1" name="version"|name="version" value="1"/)
    const ok = await b.post(`/support-activities/${a.id}/edit`, fields({ title: 'Ändrad', version: '1', kind: 'advice' }))
    assert.equal(ok.statusCode, 303)
    const stale = await b.post(`/support-activities/${a.id}/edit`, fields({ title: 'Skriven ovanpå', version: '1' }))
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Någon annan har sparat stödinsatsen/)
    assert.match(stale.body, /Ändrad/)
    assert.equal((await rowsOf('Skriven ovanpå')).length, 0)
    assert.equal((await auditsOf('support_activity.updated', a.id)).length, 1)
  })

  test('deleting removes the row and audits it', async () => {
    const a = await buildSupportActivity(t.deps, { title: 'Att ta bort' })
    const b = await as('county')
    await b.get(`/support-activities/${a.id}/edit`)
    const res = await b.post(`/support-activities/${a.id}/delete`)
    assert.equal(res.statusCode, 303)
    assert.equal((await rowsOf('Att ta bort')).length, 0)
    assert.equal((await auditsOf('support_activity.deleted', a.id)).length, 1)
  })
})

describe('who', () => {
  test('another county’s coordinator does not see the activity (404) and cannot change it', async () => {
    const a = await buildSupportActivity(t.deps, { title: 'Östgötsk rådgivning' })
    const b = await as('stockholm')
    assert.equal((await b.get(`/support-activities/${a.id}/edit`)).statusCode, 404)
    await b.get('/support-activities')
    assert.equal((await b.post(`/support-activities/${a.id}/delete`)).statusCode, 404)
    assert.equal((await b.post(`/support-activities/${a.id}/edit`, fields({ version: '1' }))).statusCode, 404)
    const list = await b.get(`/support-activities?board=${lst}&year=2025`)
    assert.equal(list.statusCode, 200, 'their own board’s list')
    assert.doesNotMatch(list.body, /Östgötsk rådgivning/)
    assert.equal((await rowsOf('Östgötsk rådgivning')).length, 1)
  })

  test('a municipality’s editor reads their own municipality’s activities but cannot write', async () => {
    await buildSupportActivity(t.deps, { title: 'Linköpings rådgivning', heldOn: '2025-04-01' })
    await buildSupportActivity(t.deps, { title: 'Ydres rådgivning', heldOn: '2025-04-02', municipalityCode: 'kommun-0512' })
    const mine = await buildSupportActivity(t.deps, { title: 'Ännu en för Linköping', heldOn: '2025-04-03' })
    const b = await as('linkoping')
    const list = await b.get('/support-activities?year=2025')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Linköpings rådgivning/)
    assert.doesNotMatch(list.body, /Ydres rådgivning/)
    assert.doesNotMatch(list.body, /Registrera stödinsats/)
    assert.equal((await b.get(`/support-activities/new?board=${lst}`)).statusCode, 403)
    assert.equal((await b.post(`/support-activities/new?board=${lst}`, fields({ title: 'Kommunens egen' }))).statusCode, 403)
    assert.equal((await rowsOf('Kommunens egen')).length, 0)
    assert.equal((await b.get(`/support-activities/${mine.id}/edit`)).statusCode, 403)
    assert.equal((await b.post(`/support-activities/${mine.id}/delete`)).statusCode, 403)
    assert.equal((await rowsOf('Ännu en för Linköping')).length, 1)
    const other = await as('norrkoping')
    assert.equal((await other.get(`/support-activities/${mine.id}/edit`)).statusCode, 404)
  })

  test('the admin writes', async () => {
    const b = await as('admin')
    await b.get(`/support-activities/new?board=${lst}`)
    const res = await b.post(`/support-activities/new?board=${lst}`, fields({ title: 'Adminens insats' }))
    assert.equal(res.statusCode, 303)
  })

  test('anonymous visitors are sent to the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/support-activities' })
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/login/)
  })
})

describe('the summary', () => {
  test('counts by kind and total minutes per municipality match the rows, on the page and from the export', async () => {
    await buildSupportActivity(t.deps, { heldOn: '2021-02-01', kind: 'meeting', municipalityCode: null, minutes: 120, title: 'Regbrå 1' })
    await buildSupportActivity(t.deps, { heldOn: '2021-06-01', kind: 'meeting', municipalityCode: null, minutes: 90, title: 'Regbrå 2' })
    await buildSupportActivity(t.deps, { heldOn: '2021-03-01', kind: 'advice', municipalityCode: 'kommun-0512', minutes: 60, title: 'Ydre 1' })
    await buildSupportActivity(t.deps, { heldOn: '2021-04-01', kind: 'advice', municipalityCode: 'kommun-0512', minutes: 45, title: 'Ydre 2' })
    await buildSupportActivity(t.deps, { heldOn: '2021-05-01', kind: 'training', municipalityCode: 'kommun-0512', minutes: null, title: 'Ydre 3' })
    await buildSupportActivity(t.deps, { heldOn: '2022-01-01', kind: 'advice', municipalityCode: 'kommun-0512', minutes: 999, title: 'Nästa år' })
    await buildSupportActivity(t.deps, {
      heldOn: '2021-05-01',
      kind: 'advice',
      boardCode: 'lansstyrelsen-01',
      municipalityCode: 'kommun-0180',
      title: 'Annat län',
    })

    const rows = await supportActivitiesOf(t.deps, lst, '2021-01-01', '2021-12-31')
    assert.equal(rows.length, 5)
    const summary = await supportSummary(t.deps, lst, '2021-01-01', '2021-12-31')
    const ydreRow = summary.find((s) => s.municipalityId === ydre)!
    assert.deepEqual(ydreRow.byKind, { meeting: 0, training: 1, advice: 2, other: 0 })
    assert.equal(ydreRow.count, 3)
    assert.equal(ydreRow.minutes, 105)
    assert.equal(ydreRow.municipalityName, 'Ydre kommun')
    const county = summary.at(-1)!
    assert.equal(county.municipalityId, null)
    assert.deepEqual(county.byKind, { meeting: 2, training: 0, advice: 0, other: 0 })
    assert.equal(county.minutes, 210)
    assert.equal(
      summary.reduce((n, s) => n + s.count, 0),
      rows.length,
    )

    const b = await as('county')
    const page = await b.get(`/support-activities?board=${lst}&year=2021&municipality=${ydre}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Ydre 1/)
    assert.doesNotMatch(page.body, /Regbrå 1/, 'the municipality filter leaves out the county-wide rows')
    assert.match(page.body, /1 tim 45 min/)
    const csv = await b.get(`/support-activities.csv?board=${lst}&year=2021`)
    assert.equal(csv.statusCode, 200)
    assert.match(String(csv.headers['content-type']), /text\/csv/)
    assert.equal((csv.body.match(/Regbrå|Ydre \d/g) ?? []).length, 5)
    assert.doesNotMatch(csv.body, /Annat län|Nästa år/)
  })
})
