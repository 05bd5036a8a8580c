import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { buildPlan } from '../plans/plans.test-factories.ts'
import { plans } from '../plans/plans.tables.ts'
import { buildActionPlan, buildReport } from '../situation-reports/situation-reports.test-factories.ts'
import { workProcessOverview } from './index.ts'
import { todayInSweden } from './work-process.service.ts'
import { workProcessChecks } from './work-process.tables.ts'

let t: TestApp
let lkp: string
let lpo: string
let nkp: string
let lpoNkp: string
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  const id = async (code: string) => (await findOrganisationByCode(t.deps.db, code))!.id
  lkp = await id('kommun-0580')
  lpo = await id('lpo-linkoping')
  nkp = await id('kommun-0581')
  lpoNkp = await id('lpo-norrkoping')
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.reader = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.police = await buildUser(t.deps, { role: 'editor', organisationCode: 'polisomrade-ostergotland' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.stockholm = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0180' })
  users.stockholmCounty = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])
const pairUrl = () => `/work-process/${lkp}/${lpo}`
const checkUrl = (key: string) => `${pairUrl()}/checks/${key}`
const stored = async (key: string) =>
  (
    await t.deps.db
      .select()
      .from(workProcessChecks)
      .where(and(eq(workProcessChecks.municipalityId, lkp), eq(workProcessChecks.policeAreaId, lpo), eq(workProcessChecks.checkKey, key)))
  )[0]

describe('recording a manual point', () => {
  test('the municipality’s editor ticks the joint decision: 303 to the pair, stored with date and evidence, audited', async () => {
    const b = await as('editor')
    const form = await b.get(checkUrl('joint-decision'))
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Gemensamt beslut av polisledningen och kommunstyrelsen/)
    const res = await b.post(checkUrl('joint-decision'), {
      state: 'done',
      doneOn: '2022-09-12',
      evidenceUrl: 'https://www.linkoping.se/kommunstyrelsen/protokoll-2022-09-12',
      note: 'KS § 312 och polisområdets beslut samma vecka.',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${pairUrl()}#step-1`)
    const row = await stored('joint-decision')
    assert.deepEqual([row.state, row.doneOn, row.version], ['done', '2022-09-12', 1])
    const [a] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_events where action = 'work_process_check.created' and entity_id = ${row.id}`,
    )
    assert.equal(a.n, 1)
    const page = await b.get(pairUrl())
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /https:\/\/www\.linkoping\.se\/kommunstyrelsen\/protokoll-2022-09-12/)
    assert.match(page.body, /Markerad för hand/)
  })

  test('the police area’s editor (at the polisområde above the LPO) may record too', async () => {
    const b = await as('police')
    const res = await b.post(checkUrl('police-situation-report'), { state: 'done', doneOn: '2023-03-01' })
    assert.equal(res.statusCode, 303)
    assert.equal((await stored('police-situation-report')).state, 'done')
  })

  test('another municipality’s editor reads the pair but may not record: 403, nothing stored', async () => {
    const b = await as('norrkoping')
    assert.equal((await b.get(pairUrl())).statusCode, 200)
    assert.equal((await b.get(checkUrl('roles-mandates'))).statusCode, 403)
    assert.equal((await b.post(checkUrl('roles-mandates'), { state: 'done', doneOn: '2022-10-01' })).statusCode, 403)
    assert.equal(await stored('roles-mandates'), undefined)
  })

  test('the municipality’s reader reads and may not record; another county finds nothing (404)', async () => {
    const reader = await as('reader')
    assert.equal((await reader.get(pairUrl())).statusCode, 200)
    assert.equal((await reader.post(checkUrl('roles-mandates'), { state: 'done', doneOn: '2022-10-01' })).statusCode, 403)
    for (const who of ['stockholm', 'stockholmCounty']) {
      const b = await as(who)
      assert.equal((await b.get(pairUrl())).statusCode, 404, who)
      assert.equal((await b.post(checkUrl('roles-mandates'), { state: 'done', doneOn: '2022-10-01' })).statusCode, 404, who)
    }
  })

  test('a pair the reference data does not have, and an unknown point, are 404', async () => {
    const b = await as('county')
    assert.equal((await b.get(`/work-process/${lkp}/${lpoNkp}`)).statusCode, 404)
    assert.equal((await b.get(checkUrl('no-such-point'))).statusCode, 404)
  })

  test('a stale version is a 409 showing the stored check; nothing is overwritten', async () => {
    const editor = await as('editor')
    const county = await as('county')
    await editor.get(checkUrl('staff-dialogues'))
    assert.equal((await editor.post(checkUrl('staff-dialogues'), { state: 'open', note: 'Planeras i vår.' })).statusCode, 303)
    // Both open the form at version 1; the coordinator saves first.
    await county.get(checkUrl('staff-dialogues'))
    assert.equal((await county.post(checkUrl('staff-dialogues'), { state: 'done', doneOn: '2023-04-20', version: '1' })).statusCode, 303)
    await editor.get(checkUrl('staff-dialogues'))
    const res = await editor.post(checkUrl('staff-dialogues'), { state: 'not_applicable', version: '1' })
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /Punkten har ändrats/)
    assert.match(res.body, /name="version" value="2"/)
    const row = await stored('staff-dialogues')
    assert.deepEqual([row.state, row.doneOn, row.version], ['done', '2023-04-20', 2])
    // A second "first save" of a point that has a check is stale too.
    assert.equal((await editor.post(checkUrl('staff-dialogues'), { state: 'open' })).statusCode, 409)
  })

  test('a javascript: evidence URL is refused with a field error; done without a date too', async () => {
    const b = await as('editor')
    await b.get(checkUrl('citizen-dialogues'))
    const res = await b.post(checkUrl('citizen-dialogues'), { state: 'done', doneOn: '2023-05-10', evidenceUrl: 'javascript:alert(1)' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Fel:/)
    assert.match(res.body, /href="#f-evidenceUrl"/)
    assert.match(res.body, /Ange en adress som börjar med https:\/\/ eller http:\/\//)
    const noDate = await b.post(checkUrl('citizen-dialogues'), { state: 'done', evidenceUrl: 'https://example.se/dialog' })
    assert.equal(noDate.statusCode, 400)
    assert.match(noDate.body, /href="#f-doneOn"/)
    assert.equal(await stored('citizen-dialogues'), undefined)
    // A page of the platform is accepted.
    assert.equal((await b.post(checkUrl('citizen-dialogues'), { state: 'done', doneOn: '2023-05-10', evidenceUrl: '/meetings' })).statusCode, 303)
  })
})

describe('automatic points and the overview', () => {
  test('the platform ticks the lägesbild, SÖ and ML points; a hand-made "open" cannot untick them', async () => {
    const { problems } = await buildActionPlan(t.deps)
    const report = await buildReport(t.deps, { status: 'adopted', periodStart: '2024-01-01', problemIds: problems.map((p) => p.id) })
    const { plan: ml } = await buildPlan(t.deps, { status: 'published', visibility: 'public' })
    await t.deps.db
      .update(plans)
      .set({ publishedAt: new Date('2025-01-20T10:00:00Z') })
      .where(eq(plans.id, ml.id))
    const [soId] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`insert into plans (kind, organisation_id, partner_organisation_id, title, period_start, period_end, status, adopted_on, signatories, visibility)
          values ('local_agreement', ${lkp}, ${lpo}, 'SÖ', '2024-01-01', '2027-12-31', 'adopted', '2024-02-15',
                  ${JSON.stringify([
                    { role: 'KSO', name: 'A', signedOn: '2024-02-15' },
                    { role: 'LPO-chef', name: 'B', signedOn: '2024-02-16' },
                  ])}::jsonb, 'partners') returning id`,
    )
    const b = await as('editor')
    await b.get(checkUrl('municipal-situation-report'))
    assert.equal((await b.post(checkUrl('municipal-situation-report'), { state: 'open', note: 'Revideras 2026.' })).statusCode, 303)
    const page = await b.get(pairUrl())
    assert.match(page.body, new RegExp(`href="/situation-reports/${report.id}"`))
    assert.match(page.body, new RegExp(`href="/plans/${soId.id}"`))
    assert.match(page.body, new RegExp(`href="/public/medborgarloften/${ml.id}"`))
    assert.match(page.body, /Anteckning: Revideras 2026\./)

    const overview = await workProcessOverview(t.deps.db, '05', todayInSweden())
    const row = overview.find((r) => r.municipalityId === lkp && r.policeAreaId === lpo)!
    const step = (n: number) => row.steps.find((s) => s.number === n)!
    // Step 1: the joint decision only; step 2: the lägesbild and the police's; step 3: prioritised, analysed, SÖ and the citizen dialogues.
    assert.deepEqual([step(1).done, step(1).total, step(1).state], [1, 2, 'in_progress'])
    assert.deepEqual([step(2).done, step(2).total, step(2).state], [3, 3, 'done'])
    assert.deepEqual([step(3).done, step(3).total, step(3).state], [4, 4, 'done'])
    assert.deepEqual([step(4).done, step(4).total], [1, 3])
    assert.deepEqual([step(5).done, step(5).total, step(5).state], [0, 3, 'not_started'])
    // Norrköping has nothing at all.
    const n = overview.find((r) => r.municipalityId === nkp)!
    assert.equal(n.policeAreaId, lpoNkp)
    assert.ok(n.steps.every((s) => s.state === 'not_started' && s.done === 0))
    // Every Östergötland municipality has its pair.
    assert.equal(overview.length, 13)
  })

  test('the overview page shows the same counts as the export, linking each cell to the pair', async () => {
    const b = await as('county')
    const res = await b.get('/work-process')
    assert.equal(res.statusCode, 200)
    const row = (await workProcessOverview(t.deps.db, '05', todayInSweden())).find((r) => r.municipalityId === lkp)!
    const html = res.body
    const start = html.indexOf(`href="/work-process/${lkp}/${lpo}"`)
    const end = html.indexOf('</tr>', start)
    const cells = html.slice(start, end)
    for (const s of row.steps) {
      const label = s.state === 'done' ? 'Klart' : s.state === 'in_progress' ? `Pågår (${s.done} av ${s.total})` : `Ej påbörjat (0 av ${s.total})`
      assert.ok(cells.includes(`href="/work-process/${lkp}/${lpo}#step-${s.number}"`), `link for step ${s.number}`)
      assert.ok(cells.includes(label), `step ${s.number}: ${label}`)
    }
    assert.match(html, /Brås arbetsprocess i Östergötlands län/)
    // The police's editor at the polisområde has every pair of its LPOs as its own.
    const police = await (await as('police')).get('/work-process')
    const own = police.body.slice(police.body.indexOf('Er kommun och ert lokalpolisområde'), police.body.indexOf('<table'))
    assert.equal((own.match(/<li>/g) ?? []).length, 13)
  })

  test('a plan kept to the organisation counts for its own parties and the county, not for another municipality', async () => {
    await t.deps.db
      .update(plans)
      .set({ visibility: 'organisation' })
      .where(and(eq(plans.organisationId, lkp), eq(plans.kind, 'local_agreement')))
    const count = async (who: string) => {
      const page = await (await as(who)).get(pairUrl())
      return (page.body.match(/href="\/plans\/[0-9a-f-]+"/g) ?? []).length
    }
    assert.ok((await count('editor')) > (await count('norrkoping')))
    assert.equal(await count('county'), await count('editor'))
    // The export counts it for the county, and not when asked for what the partners see.
    const step3 = async (scope: 'all' | 'partners') =>
      (await workProcessOverview(t.deps.db, '05', todayInSweden(), scope)).find((r) => r.municipalityId === lkp)!.steps[2].done
    assert.equal((await step3('all')) - (await step3('partners')), 1)
  })

  test('the municipality’s link leads to its current pair; another county gets 404', async () => {
    const b = await as('reader')
    const res = await b.get(`/organisations/${lkp}/work-process`)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, pairUrl())
    assert.equal((await (await as('stockholm')).get(`/organisations/${lkp}/work-process`)).statusCode, 404)
    // Not a municipality.
    assert.equal((await b.get(`/organisations/${lpo}/work-process`)).statusCode, 404)
  })
})
