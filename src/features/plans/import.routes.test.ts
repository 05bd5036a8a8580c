import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { todayInSweden } from './follow-up.service.ts'
import { followUpEntries } from './follow-up.tables.ts'
import { nextPeriod, periodOf } from './periods.ts'
import { buildPlan } from './plans.test-factories.ts'
import { planItems, plans } from './plans.tables.ts'

let t: TestApp
const users: Record<string, BuiltUser> = {}
let promisePlanId: string
let actionPlanId: string

// Periods relative to today, so the test means the same whatever day it runs.
const today = todayInSweden()
const monthsBack = (n: number) => {
  let p = periodOf('monthly', `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`)
  for (let i = 0; i < 12 - n; i++) p = nextPeriod(p)
  return p
}
const lastMonth = monthsBack(1).key
const fourMonthsAgo = monthsBack(4).key
const year = Number(today.slice(0, 4))

before(async () => {
  t = await buildTestApp()
  users.editor = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580', name: 'Lina Linköping' })
  users.reporter = await buildUser(t.deps, { role: 'reporter', organisationCode: 'kommun-0580' })
  users.norrkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })
  users.county = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  promisePlanId = (await buildPlan(t.deps)).plan.id
  const owner = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!
  const lpo = (await findOrganisationByCode(t.deps.db, 'lpo-linkoping'))!
  const [ap] = await t.deps.db
    .insert(plans)
    .values({
      kind: 'action_plan',
      organisationId: owner.id,
      partnerOrganisationId: lpo.id,
      title: 'Åtgärdsplan Skäggetorp',
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 1}-12-31`,
      status: 'adopted',
    })
    .returning()
  actionPlanId = ap.id
})
after(() => t.close())

const as = (who: string) => signedIn(t.app, users[who])

/** A multipart form as a browser sends it: the CSRF token first, then the file. */
function multipart(csrf: string, filename: string, data: Buffer) {
  const boundary = '----import-test-boundary'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { raw: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function upload(b: TestBrowser, planId: string, filename: string, data: Buffer) {
  await b.get(`/plans/${planId}/import`)
  return b.request('POST', `/plans/${planId}/import`, multipart(b.csrf, filename, data))
}

const itemsOf = (planId: string) => t.deps.db.select().from(planItems).where(eq(planItems.planId, planId))
const entriesOf = async (planId: string) => {
  const ids = new Set((await itemsOf(planId)).map((i) => i.id))
  return (await t.deps.db.select().from(followUpEntries)).filter((e) => ids.has(e.itemId))
}
const imports = (planId: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'plan.imported'), eq(auditEvents.entityId, planId)))

async function workbook(header: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Åtgärdsplan')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('importing an åtgärdsplan from XLSX', () => {
  const header = ['Id', 'Typ', 'Nr', 'Rubrik', 'Problem', 'Orsaker', 'Start', 'Slut', 'Period', 'Status', 'Utfall']
  test('a file with two bad rows is refused, listing both with row and column; nothing is stored', async () => {
    const b = await as('editor')
    const file = await workbook(header, [
      ['P1', 'problem', 1, 'Otrygghet vid centrum', '', '', '', '', '', '', ''],
      ['O1', 'orsak', 1, 'Dålig belysning', 'P1', '', '', '', '', '', ''],
      ['A1', 'åtgärd', 1, 'Byta belysning', '', 'O1', `${year}-01-01`, `${year}-12-31`, lastMonth, 'pågår', 3],
      ['A2', 'åtgärd', 2, 'Trygghetsvandring', '', 'O1', 'i våras', '', '', '', ''],
    ])
    const res = await upload(b, actionPlanId, 'plan.xlsx', file)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Filen importerades inte: den har 2 problem/)
    assert.ok(
      res.body.includes('Rad 4, kolumn Status: ”pågår” är inte en status – använd ej påbörjad, enligt plan, risk, avvikelse eller klar'),
      res.body.match(/<li>Rad[^<]*/g)?.join('\n'),
    )
    assert.ok(res.body.includes('Rad 5, kolumn Start: ”i våras” är inte ett datum'))
    assert.equal((await itemsOf(actionPlanId)).length, 0)
    assert.equal((await imports(actionPlanId)).length, 0)
  })

  test('the corrected file imports problems, causes and measures with their links and the period’s entry', async () => {
    const b = await as('editor')
    const file = await workbook(header, [
      ['P1', 'problem', 1, 'Otrygghet vid centrum', '', '', '', '', '', '', ''],
      ['O1', 'orsak', 1, 'Dålig belysning', 'P1', '', '', '', '', '', ''],
      ['A1', 'åtgärd', 1, 'Byta belysning', '', 'O1', `${year - 1}-01-01`, `${year}-12-31`, lastMonth, 'risk', 3],
    ])
    const res = await upload(b, actionPlanId, 'plan.xlsx', file)
    assert.equal(res.statusCode, 303, res.body.match(/<li>Rad[^<]*/g)?.join('\n'))
    const items = await itemsOf(actionPlanId)
    assert.deepEqual(items.map((i) => `${i.externalId} ${i.kind}`).sort(), ['A1 measure', 'O1 cause', 'P1 problem'])
    const cause = items.find((i) => i.externalId === 'O1')!
    assert.equal(cause.parentId, items.find((i) => i.externalId === 'P1')!.id)
    const [entry] = await entriesOf(actionPlanId)
    assert.equal(entry.status, 'at_risk')
    assert.equal(entry.outputValue, 3)
    const page = await b.get(`/plans/${actionPlanId}`)
    assert.match(page.body, /Orsak 1/)
    assert.match(page.body, /Byta belysning/)
  })
})

describe('importing a medborgarlöfte from CSV', () => {
  const csv = (status: string, output: string) =>
    Buffer.from(
      '\uFEFFId;Vem lovar;Löfte;Mål antal;Enhet;Period;Status;Utfall;Timmar;Kommentar\r\n' +
        `L1;Polisen;"genomföra narkotikasök; i skolmiljö";6;narkotikasök;${lastMonth};${status};${output};1,5;Två sök\r\n` +
        `L2;kommunen och polisen;=1+2 trygghetsvandringar;2,5;vandringar;${fourMonthsAgo};enligt plan;1;;\r\n`,
    )

  test('a good CSV with BOM, semicolons and decimal commas imports, audited once with its counts', async () => {
    const b = await as('editor')
    const res = await upload(b, promisePlanId, 'löften.csv', csv('enligt plan', '2'))
    assert.equal(res.statusCode, 303, res.body.match(/<li>Rad[^<]*/g)?.join('\n'))
    assert.equal(res.headers.location, `/plans/${promisePlanId}`)
    const items = (await itemsOf(promisePlanId)).filter((i) => i.externalId)
    const l1 = items.find((i) => i.externalId === 'L1')!
    const l2 = items.find((i) => i.externalId === 'L2')!
    assert.equal(l1.title, 'genomföra narkotikasök; i skolmiljö')
    assert.equal(l1.promisor, 'police')
    assert.equal(l2.promisor, 'joint')
    assert.equal(l2.targetValue, 2.5)
    const entries = await entriesOf(promisePlanId)
    const e1 = entries.find((e) => e.itemId === l1.id)!
    assert.deepEqual(
      [e1.periodKey, e1.status, e1.outputValue, e1.outputUnit, e1.minutesSpent, e1.narrative],
      [lastMonth, 'on_track', 2, 'narkotikasök', 90, 'Två sök'],
    )
    // Four months ago is long past its due date: marked late, as a late entry from the form would be.
    assert.equal(entries.find((e) => e.itemId === l2.id)!.late, true)
    const audits = await imports(promisePlanId)
    assert.equal(audits.length, 1)
    assert.equal((audits[0].after as { itemsCreated: number }).itemsCreated, 2)
    assert.equal((audits[0].after as { entriesCreated: number }).entriesCreated, 2)
    const page = await b.get(`/plans/${promisePlanId}`)
    assert.match(page.body, /Importen är klar: 2 nya rader/)
  })

  test('re-importing with changed Status and Utfall updates the rows and entries, without duplicates', async () => {
    const b = await as('editor')
    const itemsBefore = (await itemsOf(promisePlanId)).length
    const entriesBefore = (await entriesOf(promisePlanId)).length
    const res = await upload(b, promisePlanId, 'löften.csv', csv('risk', '3,5'))
    assert.equal(res.statusCode, 303)
    assert.equal((await itemsOf(promisePlanId)).length, itemsBefore)
    const entries = await entriesOf(promisePlanId)
    assert.equal(entries.length, entriesBefore)
    const l1 = (await itemsOf(promisePlanId)).find((i) => i.externalId === 'L1')!
    const e1 = entries.find((e) => e.itemId === l1.id)!
    assert.deepEqual([e1.status, e1.outputValue, e1.version, e1.late], ['at_risk', 3.5, 2, false])
    const audits = await imports(promisePlanId)
    assert.equal(audits.length, 2)
    const counts = audits.map((a) => a.after as Record<string, number>).find((a) => a.entriesUpdated === 1)!
    assert.deepEqual([counts.itemsCreated, counts.itemsUnchanged, counts.entriesUnchanged], [0, 2, 1])
  })

  test('the plan’s export imports back without changing anything', async () => {
    const b = await as('editor')
    const exported = await b.get(`/plans/${promisePlanId}/export.csv`)
    assert.equal(exported.statusCode, 200)
    const entriesBefore = await entriesOf(promisePlanId)
    const seen = new Set((await imports(promisePlanId)).map((a) => a.seq))
    const res = await upload(b, promisePlanId, 'export.csv', exported.rawPayload)
    assert.equal(res.statusCode, 303, res.body.match(/<li>Rad[^<]*/g)?.join('\n'))
    const [latest] = (await imports(promisePlanId)).filter((a) => !seen.has(a.seq)).map((a) => a.after as Record<string, number>)
    assert.deepEqual([latest.itemsCreated, latest.itemsUpdated, latest.entriesCreated, latest.entriesUpdated], [0, 0, 0, 0])
    assert.deepEqual((await entriesOf(promisePlanId)).map((e) => e.version).sort(), entriesBefore.map((e) => e.version).sort())
  })
})

test('a plan of three hundred rows with their entries imports in one go', async () => {
  const { plan } = await buildPlan(t.deps)
  const b = await as('editor')
  let csv = 'Id;Vem lovar;Löfte;Mål antal;Enhet;Period;Status;Utfall;Timmar\r\n'
  for (let n = 1; n <= 300; n++) csv += `R${n};Polisen;Löfte nummer ${n};${n};insatser;${lastMonth};enligt plan;${n % 7};0,5\r\n`
  const started = Date.now()
  const res = await upload(b, plan.id, 'stor.csv', Buffer.from(csv))
  const ms = Date.now() - started
  assert.equal(
    res.statusCode,
    303,
    res.body
      .match(/<li>Rad[^<]*/g)
      ?.slice(0, 5)
      .join('\n'),
  )
  assert.equal((await itemsOf(plan.id)).filter((i) => i.externalId).length, 300)
  assert.equal((await entriesOf(plan.id)).length, 300)
  console.log(`300 rows with entries imported in ${ms} ms`)
})

describe('who may import', () => {
  for (const who of ['norrkoping', 'county', 'reporter']) {
    test(`${who} may read the plan but not import: 403 before the upload is read`, async () => {
      const b = await as(who)
      assert.equal((await b.get(`/plans/${promisePlanId}`)).statusCode, 200)
      assert.equal((await b.get(`/plans/${promisePlanId}/import`)).statusCode, 403)
      // A body that cannot be parsed at all: reading it would fail with another status.
      const res = await b.request('POST', `/plans/${promisePlanId}/import`, {
        raw: Buffer.from('not multipart at all'),
        headers: { 'content-type': 'multipart/form-data; boundary=nothing-matches' },
      })
      assert.equal(res.statusCode, 403)
      assert.doesNotMatch((await b.get(`/plans/${promisePlanId}`)).body, /\/import"/)
    })
  }

  test('the editor sees the import link; a plan kind without a format has no import', async () => {
    const b = await as('editor')
    assert.match((await b.get(`/plans/${promisePlanId}`)).body, new RegExp(`href="/plans/${promisePlanId}/import"`))
    const owner = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!
    const [so] = await t.deps.db
      .insert(plans)
      .values({ kind: 'local_agreement', organisationId: owner.id, title: 'SÖ', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` })
      .returning()
    assert.equal((await b.get(`/plans/${so.id}/import`)).statusCode, 404)
    assert.equal((await b.get(`/plans/${so.id}/export.csv`)).statusCode, 200)
  })
})

describe('templates and exports', () => {
  test('the template has the header row and example rows that an import passes over', async () => {
    const b = await as('editor')
    const res = await b.get(`/plans/${actionPlanId}/import/template.xlsx`)
    assert.equal(res.statusCode, 200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1)
    assert.deepEqual(header.slice(0, 4), ['Id', 'Typ', 'Nr', 'Rubrik'])
    assert.match(String(wb.worksheets[0].getRow(2).getCell(1).value), /^EXEMPEL/)
    const csv = await b.get(`/plans/${promisePlanId}/import/template.csv`)
    assert.match(csv.body, /^\uFEFFId;Nr;Vem lovar;Löfte/)
    const before = (await itemsOf(actionPlanId)).length
    const res2 = await upload(b, actionPlanId, 'mall.xlsx', res.rawPayload)
    assert.equal(res2.statusCode, 303)
    assert.equal((await itemsOf(actionPlanId)).length, before)
  })

  test('exports hold what the pages show, only for readers, and neutralise formulas in CSV and XLSX', async () => {
    const b = await as('norrkoping')
    const csv = await b.get(`/plans/${promisePlanId}/export.csv`)
    assert.equal(csv.statusCode, 200)
    assert.match(String(csv.headers['content-type']), /^text\/csv/)
    assert.match(csv.body, /genomföra narkotikasök; i skolmiljö/)
    assert.match(csv.body, /;risk;3,5;1,5;Två sök;/)
    assert.ok(csv.body.includes(";'=1+2 trygghetsvandringar;"), csv.body)
    const xlsx = await b.get(`/plans/${promisePlanId}/export.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const cells: unknown[] = []
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.value)))
    assert.ok(cells.includes("'=1+2 trygghetsvandringar"))
    assert.ok(!cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c), 'no formula cells')
    assert.ok(cells.includes(3.5))

    const l1 = (await itemsOf(promisePlanId)).find((i) => i.externalId === 'L1')!
    const history = await b.get(`/plan-items/${l1.id}/export.csv`)
    assert.equal(history.statusCode, 200)
    assert.ok(history.body.includes(`"=""${lastMonth}""";Rapporterad;risk;Två sök;3,5;narkotikasök;1,5;Lina Linköping;`), history.body)
    const item = await b.get(`/plan-items/${l1.id}`)
    assert.match(item.body, new RegExp(`href="/plan-items/${l1.id}/export.csv"`))

    const owner = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!
    const list = await b.get(`/organisations/${owner.id}/plans.csv`)
    assert.match(list.body, /Åtgärdsplan Skäggetorp/)
    assert.match((await b.get(`/organisations/${owner.id}/plans`)).body, new RegExp(`href="/organisations/${owner.id}/plans.xlsx"`))

    // A plan kept to its own parties is not exported to another municipality.
    const [own] = await t.deps.db.update(plans).set({ visibility: 'organisation' }).where(eq(plans.id, promisePlanId)).returning()
    assert.equal((await b.get(`/plans/${own.id}/export.csv`)).statusCode, 404)
    assert.ok(!(await b.get(`/organisations/${owner.id}/plans.csv`)).body.includes(promisePlanId))
  })
})
