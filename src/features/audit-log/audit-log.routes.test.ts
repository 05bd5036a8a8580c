import assert from 'node:assert/strict'
import { after, before, describe, mock, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { audit } from '../../platform/audit/audit.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { TestBrowser } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'

let t: TestApp
let coordinator: BuiltUser
let editor: BuiltUser
let b: TestBrowser
/** Länsstyrelsen Östergötland: events about it are within the coordinator's scope. */
let ownOrg: string
const today = formatIsoDate(new Date())

before(async () => {
  t = await buildTestApp()
  coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05', email: 'samordnare@lst.test' })
  editor = await buildUser(t.deps, { role: 'editor', email: 'redaktor@linkoping.test' })
  const org = (await findOrganisationByCode(t.deps.db, 'kommun-0581'))!
  ownOrg = (await findOrganisationByCode(t.deps.db, 'lansstyrelsen-05'))!.id
  // An event with nested before/after, written as a service would; its key order is not alphabetical.
  await t.deps.db.transaction((tx) =>
    audit(
      tx,
      { actor: { label: 'system' }, requestId: 'req-42' },
      {
        action: 'plan.approved',
        entityType: 'plan',
        entityId: 'plan-1',
        organisationId: org.id,
        before: { status: 'draft' },
        after: { status: 'approved', note: 'Beslut; "klart"', b: 1, a: { d: 1, c: 2 } },
      },
    ),
  )
  b = new TestBrowser(t.app)
  await b.login(coordinator.email, coordinator.password)
})
after(() => t.close())

/** Sequence numbers have gaps (a rolled-back transaction uses one up), so tests ask rather than count. */
async function one(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.deps.db, query)
  return row.n
}
const planSeq = () => one(sql`select seq::int as n from audit_events where action = 'plan.approved'`)
const eventCount = () => one(sql`select count(*)::int as n from audit_events`)

/** The table rows of a list page (one string per <tr> in the body). */
const tableRows = (html: string) => [...(html.split('<tbody>')[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1])

describe('audit log pages', () => {
  test('a coordinator sees the events, newest first, with Swedish labels, and the menu item', async () => {
    const res = await b.get('/admin/audit')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1 class="heading-l">Granskningslogg<\/h1>/)
    assert.match(res.body, /<a href="\/admin\/audit" class="nav__link" aria-current="page">Granskningslogg<\/a>/)
    const rows = tableRows(res.body)
    assert.ok(rows.length >= 4, `rows: ${rows.length}`)
    assert.match(rows[0], /Inloggning/, 'the login just made is the newest event')
    assert.match(rows[0], /samordnare@lst\.test/)
    assert.match(rows[0], new RegExp(`${today} \\d\\d:\\d\\d`))
    assert.match(res.body, /Användare skapad/)
    assert.match(res.body, /Norrköpings kommun/)
    assert.match(res.body, /plan\.approved/, 'an unknown action shows its raw code')
    assert.match(res.body, /<form method="get" action="\/admin\/audit" class="filters"/)
  })

  test('a label registered by another feature is used', async () => {
    t.deps.auditLabels.actions({ 'plan.approved': 'accounts.audit.roleGranted' })
    const res = await b.get('/admin/audit?action=plan.approved')
    assert.match(tableRows(res.body)[0], /Roll tilldelad/)
  })

  test('filters: by actor (part of the e-mail), by action (exact and group) and by period', async () => {
    const byActor = tableRows((await b.get('/admin/audit?actor=SAMORDNARE')).body)
    assert.ok(byActor.length >= 1)
    for (const r of byActor) assert.match(r, /samordnare@lst\.test/)

    const created = tableRows((await b.get('/admin/audit?action=user.created')).body)
    assert.equal(created.length, 2, 'two users were created')
    for (const r of created) assert.match(r, /Användare skapad/)

    const sessions = tableRows((await b.get('/admin/audit?action=session.*')).body)
    assert.ok(sessions.length >= 1)
    for (const r of sessions) assert.match(r, /Inloggning/)

    const page = await b.get('/admin/audit?action=session.*')
    assert.match(page.body, /<option value="session\.\*" selected>Alla session\.\*<\/option>/)
    assert.match(page.body, /<option value="user\.created">Användare skapad \(user\.created\)<\/option>/)

    assert.ok(tableRows((await b.get(`/admin/audit?from=${today}&to=${today}`)).body).length >= 4, 'to is inclusive')
    assert.match((await b.get('/admin/audit?from=2000-01-01&to=2000-12-31')).body, /Inga händelser matchar filtret/)
    assert.match((await b.get('/admin/audit?from=2100-01-01')).body, /Inga händelser matchar filtret/)

    const plan = tableRows((await b.get('/admin/audit?entityType=plan&entityId=plan-1')).body)
    assert.equal(plan.length, 1)
  })

  test('a period is read as whole Stockholm days, `to` included, across the switch to summer time', async () => {
    // 29 March 2026 in Stockholm runs from 23:00 UTC on the 28th (CET) to 22:00 UTC on the 29th (CEST).
    const at = async (iso: string, entityId: string) => {
      mock.timers.enable({ apis: ['Date'], now: new Date(iso) })
      try {
        await t.deps.db.transaction((tx) =>
          audit(tx, { actor: { label: 'system' } }, { action: 'dst.test', entityType: 'plan', entityId, organisationId: ownOrg }),
        )
      } finally {
        mock.timers.reset()
      }
    }
    await at('2026-03-28T22:59:59.999Z', 'before-midnight')
    await at('2026-03-28T23:00:00.000Z', 'first-second')
    await at('2026-03-29T21:59:59.999Z', 'last-second')
    await at('2026-03-29T22:00:00.000Z', 'next-day')
    const day = tableRows((await b.get('/admin/audit?action=dst.test&from=2026-03-29&to=2026-03-29')).body)
    assert.equal(day.length, 2)
    assert.match(day[0], /last-sec/)
    assert.match(day[1], /first-se/)
    assert.equal(tableRows((await b.get('/admin/audit?action=dst.test&to=2026-03-28')).body).length, 1)
    assert.equal(tableRows((await b.get('/admin/audit?action=dst.test&from=2026-03-30')).body).length, 1)
  })

  test('pages of 50, newest first, with links to older and back to newer events', async () => {
    await t.deps.db.transaction(async (tx) => {
      for (let i = 1; i <= 120; i++)
        await audit(tx, { actor: { label: 'system' } }, { action: 'bulk.item', entityType: 'plan', entityId: `item-${i}`, organisationId: ownOrg })
    })
    const first = await b.get('/admin/audit?action=bulk.item')
    const rows1 = tableRows(first.body)
    assert.equal(rows1.length, 50)
    assert.match(rows1[0], /Plan item-120</)
    assert.doesNotMatch(first.body, /rel="prev"/)
    const older = /<a href="([^"]+)" rel="next">Äldre händelser/.exec(first.body)![1].replaceAll('&amp;', '&')
    assert.match(older, /action=bulk\.item&before=\d+/)
    const second = await b.get(older)
    assert.match(tableRows(second.body)[0], /Plan item-70</)
    const third = await b.get(/<a href="([^"]+)" rel="next">/.exec(second.body)![1].replaceAll('&amp;', '&'))
    const rows3 = tableRows(third.body)
    assert.equal(rows3.length, 20)
    assert.match(rows3[19], /Plan item-1</)
    assert.doesNotMatch(third.body, /rel="next"/)
    const back = await b.get(/<a href="([^"]+)" rel="prev">Nyare händelser/.exec(third.body)![1].replaceAll('&amp;', '&'))
    assert.match(tableRows(back.body)[0], /Plan item-70</)
    assert.match(tableRows(back.body)[49], /Plan item-21</)
  })

  test('invalid filters re-render with the error summary (400) and keep what was typed', async () => {
    const bad = await b.get('/admin/audit?from=2026-02-30&to=igår&actor=kalle')
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /<title>Fel: Granskningslogg/)
    assert.match(bad.body, /<a href="#f-from">Datumet finns inte i kalendern<\/a>/)
    assert.match(bad.body, /<a href="#f-to">Skriv datumet som ÅÅÅÅ-MM-DD/)
    assert.match(bad.body, /value="2026-02-30"/)
    assert.match(bad.body, /value="igår"/)
    assert.match(bad.body, /value="kalle"/)

    const reversed = await b.get('/admin/audit?from=2026-05-02&to=2026-05-01')
    assert.equal(reversed.statusCode, 400)
    assert.match(reversed.body, /<a href="#f-to">Till och med-datumet måste vara samma som eller efter/)
  })

  test('the detail page shows before/after field by field in words (JSON on request), the hashes and the request id', async () => {
    const seq = await planSeq()
    const list = await b.get('/admin/audit?action=plan.approved')
    assert.match(list.body, new RegExp(`href="/admin/audit/${seq}"`))
    const res = await b.get(`/admin/audit/${seq}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, new RegExp(`Händelse ${seq}`))
    assert.match(res.body, /<h2 class="heading-m">Ändringar<\/h2>/)
    assert.match(res.body, /<th scope="row">Status <strong class="tag tag--yellow">Ändrat<\/strong><\/th><td>draft<\/td><td>approved<\/td>/)
    // A field the event added counts as changed too.
    assert.match(
      res.body,
      /<th scope="row">Anteckning <strong[^>]*>Ändrat<\/strong><\/th><td><span class="hint">–<\/span><\/td><td>Beslut; &quot;klart&quot;<\/td>/,
    )
    assert.match(
      res.body,
      /<th scope="row"><code>a<\/code> <strong[^>]*>Ändrat<\/strong><\/th><td><span class="hint">–<\/span><\/td><td><code>\{&quot;c&quot;:2,&quot;d&quot;:1\}<\/code><\/td>/,
    )
    assert.match(res.body, /<summary>Visa uppgifterna som JSON/)
    assert.match(res.body, /<pre[^>]*>\{\n {2}&quot;status&quot;: &quot;draft&quot;\n\}<\/pre>/)
    assert.match(res.body, /&quot;a&quot;: \{\n {4}&quot;c&quot;: 2,\n {4}&quot;d&quot;: 1\n {2}\},/)
    assert.match(res.body, /Beslut; \\&quot;klart\\&quot;/)
    assert.match(res.body, /req-42/)
    assert.match(res.body, /<code>[0-9a-f]{64}<\/code>/)
    assert.match(res.body, /Norrköpings kommun/)
    assert.equal((await b.get('/admin/audit/999999999')).statusCode, 404)
    assert.equal((await b.get('/admin/audit/abc')).statusCode, 404)
  })

  test('the CSV export has a BOM, ; separators, CRLF, quoting and the same filters', async () => {
    const res = await b.get('/admin/audit.csv?action=plan.approved')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(res.headers['content-disposition']), /attachment; filename="granskningslogg-\d{4}-\d\d-\d\d\.csv"/)
    assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf')
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n')
    assert.match(lines[0], /^Nr;Tidpunkt;Utförd av;/)
    assert.equal(lines.length, 3, 'header, one event, and the final CRLF')
    assert.match(lines[1], /;Systemet;;plan\.approved;Roll tilldelad;plan;plan-1;Norrköpings kommun;/)
    assert.match(lines[1], /;\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00;/)
    assert.match(lines[1], /;"\{""a"":\{""c"":2,""d"":1\},""b"":1,""note"":""Beslut; \\""klart\\"""",""status"":""approved""\}";/)
    const all = await b.get('/admin/audit.csv')
    assert.ok(all.body.split('\r\n').length > 4)
    assert.equal((await b.get('/admin/audit.csv?from=nej')).statusCode, 400)
  })

  test('the chain check says OK with the number of events', async () => {
    const page = await b.get('/admin/audit/verify')
    assert.equal(page.statusCode, 200)
    const res = await b.post('/admin/audit/verify')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /OK – kedjan är obruten/)
    assert.match(res.body, new RegExp(`Alla ${await eventCount()} händelser stämmer`))
  })

  test('viewers and editors get 403; anonymous visitors are sent to the login page', async () => {
    const viewer = await buildUser(t.deps, { role: 'viewer' })
    for (const u of [viewer, editor]) {
      const other = new TestBrowser(t.app)
      await other.login(u.email, u.password)
      const home = await other.get('/')
      assert.doesNotMatch(home.body, /href="\/admin\/audit"/, 'no menu item')
      for (const url of ['/admin/audit', '/admin/audit.csv', '/admin/audit/1', '/admin/audit/verify']) assert.equal((await other.get(url)).statusCode, 403, url)
      assert.equal((await other.post('/admin/audit/verify')).statusCode, 403)
    }
    const anon = await t.app.inject({ method: 'GET', url: '/admin/audit?actor=x' })
    assert.equal(anon.statusCode, 303)
    assert.equal(anon.headers.location, `/login?return=${encodeURIComponent('/admin/audit?actor=x')}`)
  })

  // Last: it breaks the chain on purpose.
  test('after tampering the chain check names the first broken event', async () => {
    const seq = await planSeq()
    await t.deps.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`)
    await t.deps.db.execute(sql`update audit_events set action = 'forged' where seq = ${seq}`)
    await t.deps.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`)
    await b.get('/admin/audit/verify')
    const res = await b.post('/admin/audit/verify')
    assert.match(res.body, /Kedjan är bruten/)
    assert.match(res.body, new RegExp(`Den första felaktiga länken är händelse ${seq}`))
    assert.match(res.body, /Uppgifterna har ändrats efter att händelsen registrerades/)
    assert.match(res.body, new RegExp(`href="/admin/audit/${seq}"`))
  })
})
