import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { type TestBrowser, signedIn } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { meetingTodos } from './index.ts'
import { type BuiltCollaboration, type BuiltSeat, buildCollaboration, buildMeeting, buildSeat } from './meetings.test-factories.ts'

/**
 * Justering as a real act (issue 6 E12), through the pages: only after the meeting, with minutes and
 * §§; justerare among those present; each confirms with their own account; the minutes then lock
 * (services and database); the protocol exists as DOCX and tagged PDF only after.
 */

let t: TestApp
let c: BuiltCollaboration
let anna: BuiltSeat
let nils: BuiltSeat
let lena: BuiltSeat
let secretary: TestBrowser
let annaB: TestBrowser
let nilsB: TestBrowser
let other: TestBrowser
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'justering-test-'))
const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps)
  anna = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0580', name: 'Anna Lind', email: 'anna.lind@linkoping.example.se' })
  nils = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'kommun-0581', name: 'Nils Norr', email: 'nils.norr@norrkoping.example.se' })
  lena = await buildSeat(t.deps, { bodyId: c.bodyId, partyCode: 'lansstyrelsen-05', name: 'Lena Länsdotter' })
  secretary = await signedIn(t.app, await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' }))
  // The justerare's own accounts: the same e-mail addresses as their seats (letter case aside).
  annaB = await signedIn(
    t.app,
    await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0580', email: 'Anna.Lind@linkoping.example.se', name: 'Anna Lind' }),
  )
  nilsB = await signedIn(
    t.app,
    await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581', email: 'nils.norr@norrkoping.example.se', name: 'Nils Norr' }),
  )
  other = await signedIn(t.app, await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' }))
})
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true })
  return t.close()
})

const version = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''
const meetingRow = async (id: string) => (await queryRows<Record<string, any>>(t.deps.db, sql`select * from meetings where id = ${id}`))[0]
const justerareRows = (id: string) =>
  queryRows<{ name: string; method: string | null; confirmed_at: Date | null }>(
    t.deps.db,
    sql`select name, method, confirmed_at from meeting_justerare where meeting_id = ${id} order by position`,
  )
const dayOffset = (days: number) => new Date(Date.now() + days * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })

/** A meeting with attendance (Anna and Nils present, Lena absent), minutes text and two §§. */
async function heldMeeting(date: string): Promise<string> {
  const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date, title: `Styrgruppsmöte ${date}` })
  const b = secretary
  const ok = async (p: Promise<{ statusCode: number }>) => assert.equal((await p).statusCode, 303)
  await ok(
    b.post(`/meetings/${id}/attendance`, { [`status_${anna.seatId}`]: 'present', [`status_${nils.seatId}`]: 'present', [`status_${lena.seatId}`]: 'absent' }),
  )
  await ok(
    b.post(`/meetings/${id}/minutes`, {
      minutesText: 'Mötet öppnades.\n\nLägesbilden presenterades.',
      version: version((await b.get(`/meetings/${id}/minutes`)).body),
    }),
  )
  await ok(b.post(`/meetings/${id}/decisions/new`, { title: 'Verksamhetsplan', decisionText: 'Styrgruppen fastställer verksamhetsplanen.' }))
  await ok(b.post(`/meetings/${id}/decisions/new`, { title: 'Lägesbild', decisionText: 'Lägesbilden godkänns.' }))
  await ok(b.post(`/meetings/${id}/action-items/new`, { title: 'Sammanställ statistiken', ownerPersonId: anna.personId, status: 'open' }))
  return id
}

const request = async (id: string, justerare: string[], b = secretary, headers: Record<string, string> = {}) =>
  b.post(`/meetings/${id}/justering`, { justerare, version: version((await secretary.get(`/meetings/${id}/justering`)).body) }, headers)

describe('sending minutes for justering', () => {
  test('before the meeting has taken place it is refused, in Swedish and in English, and nothing is written', async () => {
    const date = dayOffset(7)
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date, title: 'Kommande möte' })
    const page = await secretary.get(`/meetings/${id}/justering`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Mötet har inte ägt rum ännu\. Protokollet kan justeras först efter mötet\./)
    const sv = await secretary.post(`/meetings/${id}/justering`, { justerare: anna.seatId, version: version(page.body) || '1' })
    assert.equal(sv.statusCode, 400)
    assert.match(sv.body, /<a href="#f-justerare">Mötet har inte ägt rum ännu\. Protokollet kan justeras först efter mötet\.<\/a>/)
    const en = await secretary.post(`/meetings/${id}/justering`, { justerare: anna.seatId, version: '1' }, { 'accept-language': 'en' })
    // A signed-in user's language is the cookie's or the browser's; either way the refusal reads in English.
    assert.equal(en.statusCode, 400)
    const english = await secretary.get('/language?lang=en&return=%2F')
    assert.equal(english.statusCode, 303)
    const en2 = await secretary.post(`/meetings/${id}/justering`, { justerare: anna.seatId, version: '1' })
    assert.equal(en2.statusCode, 400)
    assert.match(en2.body, /The meeting has not taken place yet\. The minutes can be approved only after the meeting\./)
    await secretary.get('/language?lang=sv&return=%2F')
    assert.equal((await meetingRow(id)).justering_requested_at, null)
    assert.deepEqual(await justerareRows(id), [])
  })

  test('without minutes or without a numbered decision the page says why and the request is refused', async () => {
    const id = await buildMeeting(t.deps, { bodyId: c.bodyId, date: '2026-03-03' })
    await secretary.post(`/meetings/${id}/attendance`, { [`status_${anna.seatId}`]: 'present' })
    const page = await secretary.get(`/meetings/${id}`)
    assert.match(page.body, /Protokollet är inte skrivet\./)
    assert.match(page.body, /Protokollet har inga numrerade beslut \(§\)\./)
    assert.equal((await request(id, [anna.seatId])).statusCode, 400)
  })

  test('a justerare who was not present is refused (both languages); more than two is refused', async () => {
    const id = await heldMeeting('2026-03-10')
    const absent = await request(id, [lena.seatId])
    assert.equal(absent.statusCode, 400)
    assert.match(absent.body, /<a href="#f-justerare">En justerare måste ha varit närvarande på mötet<\/a>/)
    await secretary.get('/language?lang=en&return=%2F')
    const absentEn = await request(id, [lena.seatId])
    assert.match(absentEn.body, /A minute checker must have been present at the meeting/)
    await secretary.get('/language?lang=sv&return=%2F')
    const three = await request(id, [anna.seatId, nils.seatId, lena.seatId])
    assert.equal(three.statusCode, 400)
    assert.match(three.body, /Välj en eller två justerare/)
    assert.deepEqual(await justerareRows(id), [])
  })
})

describe('justering with own accounts', () => {
  let id: string
  before(async () => {
    id = await heldMeeting('2025-04-14')
  })

  test('two justerare confirm with their own accounts; the minutes lock only after the second', async () => {
    assert.equal((await request(id, [anna.seatId, nils.seatId])).statusCode, 303)
    assert.deepEqual(
      (await justerareRows(id)).map((j) => [j.name, j.method]),
      [
        ['Anna Lind', null],
        ['Nils Norr', null],
      ],
    )
    // Meanwhile the minutes cannot change.
    const frozen = await secretary.post(`/meetings/${id}/decisions/new`, { title: 'Sent', decisionText: 'För sent.' })
    assert.equal(frozen.statusCode, 409)
    assert.match(frozen.body, /Protokollet väntar på justering/)

    // The home page's to-do list sees it for Anna.
    const annaUser = (await queryRows<{ id: string }>(t.deps.db, sql`select id from users where lower(email) = 'anna.lind@linkoping.example.se'`))[0]
    const actor = {
      userId: annaUser.id,
      email: 'Anna.Lind@linkoping.example.se',
      name: 'Anna Lind',
      organisationId: anna.partyId,
      organisationName: 'Linköpings kommun',
      roles: [{ organisationId: anna.partyId, role: 'viewer' as const }],
      via: 'session' as const,
      mustChangePassword: false,
    }
    assert.deepEqual(
      (await meetingTodos(t.deps, actor)).toJustera.map((m) => m.href),
      [`/meetings/${id}/justering`],
    )

    // Someone else cannot justera in their place.
    const page = await annaB.get(`/meetings/${id}`)
    assert.match(page.body, /href="\/meetings\/[^"]+\/justering">Justera protokollet</)
    assert.equal((await other.get(`/meetings/${id}/justering`)).statusCode, 403)
    assert.equal((await other.post(`/meetings/${id}/justering/confirm`, { version: String((await meetingRow(id)).version) })).statusCode, 403)

    const confirm = await annaB.get(`/meetings/${id}/justering`)
    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /Är du säker\? Din justering registreras\. Protokollet låses när alla justerare har justerat\./)
    assert.match(confirm.body, /§ 1 Verksamhetsplan/)
    assert.equal((await annaB.post(`/meetings/${id}/justering/confirm`, { version: version(confirm.body) })).statusCode, 303)
    assert.equal((await meetingRow(id)).minutes_approved_at, null, 'one of two: not locked yet')
    assert.equal((await annaB.post(`/meetings/${id}/justering/confirm`, { version: version(confirm.body) })).statusCode, 403, 'not twice')

    const second = await nilsB.get(`/meetings/${id}/justering`)
    assert.match(second.body, /Är du säker\? Protokollet låses när du justerar och kan därefter inte ändras\./)
    assert.equal((await nilsB.post(`/meetings/${id}/justering/confirm`, { version: version(second.body) })).statusCode, 303)
    const row = await meetingRow(id)
    assert.ok(row.minutes_approved_at)
    assert.equal(row.minutes_approved_by, 'Anna Lind, Nils Norr')
    assert.deepEqual(
      (await justerareRows(id)).map((j) => j.method),
      ['account', 'account'],
    )
    assert.deepEqual((await meetingTodos(t.deps, actor)).toJustera, [])
  })

  test('locked minutes are immutable: every edit is refused (409) and the database refuses a direct change', async () => {
    const before = await meetingRow(id)
    for (const [url, fields] of [
      [`/meetings/${id}/minutes`, { minutesText: 'Ändrat', version: String(before.version) }],
      [`/meetings/${id}/decisions/new`, { title: 'Nytt', decisionText: 'Nytt' }],
      [`/meetings/${id}/attendance`, { [`status_${lena.seatId}`]: 'present' }],
      [`/meetings/${id}/justering/withdraw`, {}],
    ] as const) {
      const res = await secretary.post(url, fields)
      assert.equal(res.statusCode, 409, url)
      assert.match(res.body, /Protokollet är justerat/)
    }
    await assert.rejects(t.deps.db.execute(sql`update meetings set minutes_text = 'Ändrat i databasen' where id = ${id}`))
    await assert.rejects(t.deps.db.execute(sql`update meeting_decisions set decision_text = 'Ändrat' where meeting_id = ${id}`))
    await assert.rejects(t.deps.db.execute(sql`delete from meeting_attendance where meeting_id = ${id}`))
    assert.equal((await meetingRow(id)).minutes_text, before.minutes_text)
  })

  test('the protocol as Word converts with LibreOffice and holds the §§, attendance, action items and justerare', {
    skip: !has('soffice') || !has('pdftotext'),
  }, async () => {
    const res = await annaB.get(`/meetings/${id}/protocol.docx`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-disposition']), /filename="Protokoll Styrgrupp 2025-04-14\.docx"/)
    const docx = path.join(tmp, 'protokoll.docx')
    fs.writeFileSync(docx, res.rawPayload)
    execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    })
    const flat = execFileSync('pdftotext', [path.join(tmp, 'protokoll.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [
      'Protokoll – Styrgrupp',
      'Närvarande Anna Lind, Linköpings kommun Nils Norr, Norrköpings kommun',
      'Frånvarande Lena Länsdotter',
      '§ 1 Verksamhetsplan Styrgruppen fastställer verksamhetsplanen.',
      '§ 2 Lägesbild Lägesbilden godkänns.',
      'Sammanställ statistiken – ansvarig Anna Lind',
      'Justering Anna Lind, justerat',
    ])
      assert.ok(flat.includes(expected), `${expected} in: ${flat}`)
    // Declared Swedish, with headings that have outline levels.
    const xml = execFileSync('unzip', ['-p', docx, 'word/styles.xml', 'docProps/core.xml'], { encoding: 'utf8' })
    assert.match(xml, /w:lang w:val="sv-SE"/)
    assert.match(xml, /<dc:language>sv-SE<\/dc:language>/)
    assert.match(xml, /<w:outlineLvl w:val="2"\/>/)
  })

  test('the protocol as a tagged PDF made by Chromium holds the §§', {
    skip: !fs.existsSync(t?.deps.config.chromiumPath ?? '/usr/bin/chromium') || !has('pdftotext'),
  }, async () => {
    const res = await nilsB.get(`/meetings/${id}/protocol.pdf`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    const pdf = path.join(tmp, 'protokoll-chromium.pdf')
    fs.writeFileSync(pdf, res.rawPayload)
    assert.match(res.rawPayload.toString('latin1'), /\/StructTreeRoot/, 'tagged')
    const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    assert.match(flat, /§ 1 Verksamhetsplan/)
    assert.match(flat, /§ 2 Lägesbild/)
  })
})

describe('justering on paper and taking it back', () => {
  test('the secretary records a paper justering after a confirmation page; the date must be between the meeting and today', async () => {
    const id = await heldMeeting('2026-05-05')
    assert.equal((await request(id, [nils.seatId])).statusCode, 303)
    // Taking it back clears the justerare; the minutes can change again.
    assert.equal((await secretary.post(`/meetings/${id}/justering/withdraw`)).statusCode, 303)
    assert.deepEqual(await justerareRows(id), [])
    assert.equal((await meetingRow(id)).justering_requested_at, null)
    assert.equal((await request(id, [nils.seatId])).statusCode, 303)

    const page = await secretary.get(`/meetings/${id}/justering`)
    assert.match(page.body, /Är du säker\? Protokollet låses när du justerar och kan därefter inte ändras\./)
    const early = await secretary.post(`/meetings/${id}/justering/record`, { justeradOn: '2026-05-01', version: version(page.body) })
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /Justeringsdatumet kan inte vara före mötet eller i framtiden/)
    assert.equal((await secretary.post(`/meetings/${id}/justering/record`, { justeradOn: '2026-05-07', version: version(page.body) })).statusCode, 303)
    const [j] = await justerareRows(id)
    assert.equal(j.method, 'recorded')
    assert.ok((await meetingRow(id)).minutes_approved_at)
    const protocol = await secretary.get(`/meetings/${id}/protocol`)
    assert.match(protocol.body, /Nils Norr, justerat 2026-05-07 \(på papper, registrerat av sekreteraren\)/)
  })

  test('the protocol does not exist before justering; the kallelse and the meeting’s calendar file do', async () => {
    const id = await heldMeeting('2026-05-20')
    assert.equal((await secretary.get(`/meetings/${id}/protocol.docx`)).statusCode, 409)
    assert.equal((await secretary.get(`/meetings/${id}/protocol.pdf`)).statusCode, 409)
    const kallelse = await annaB.get(`/meetings/${id}/kallelse.docx`)
    assert.equal(kallelse.statusCode, 200)
    assert.match(String(kallelse.headers['content-disposition']), /Kallelse Styrgrupp 2026-05-20\.docx/)
    const ics = await annaB.get(`/meetings/${id}/meeting.ics`)
    assert.equal(ics.statusCode, 200)
    assert.match(ics.body, /DTSTAMP:\d{8}T\d{6}Z\r\n/)
    assert.ok(ics.body.endsWith('END:VCALENDAR\r\n'))
  })
})
