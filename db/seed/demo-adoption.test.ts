import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import { buildTestApp, type TestApp } from '../../src/test-support/test-app.ts'
import { loadDemoAdoption } from './demo-adoption.ts'
import { loadDemoPeople } from './demo-people.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T & Record<string, unknown>>(t.deps.db, q)

test('the demo’s joint decision meeting and signing carry every party’s answer, and Valdemarsvik’s memo is a draft; a second run writes nothing', async () => {
  await loadDemoPeople(t.deps)
  const first = await loadDemoAdoption(t.deps)
  assert.ok(first)
  // The story's signatures made on the joint signing's day now point at it; Ydre and Valdemarsvik did not sign.
  const signed = await rows<{ code: string; at: string | null }>(
    sql`select o.code, s.signed_at_event_id::text as at from party_signatures s join organisations o on o.id = s.organisation_id where s.status = 'signed'`,
  )
  assert.ok(signed.length >= 15)
  assert.ok(signed.every((s) => s.at === first.signingId))
  assert.ok(!signed.some((s) => s.code === 'kommun-0512' || s.code === 'kommun-0563'))
  const events = await rows<{ kind: string; event_date: string; start_time: string | null; place: string }>(
    sql`select kind, event_date::text, start_time::text, place from joint_events order by event_date`,
  )
  assert.deepEqual(events, [
    { kind: 'decision_meeting', event_date: '2022-02-02', start_time: '13:00:00', place: 'Linköpings slott' },
    { kind: 'signing', event_date: '2022-03-16', start_time: '10:00:00', place: 'Linköpings slott' },
  ])
  const answers = await rows<{ code: string; answer: string }>(
    sql`select o.code, p.answer from joint_event_parties p join organisations o on o.id = p.organisation_id where p.joint_event_id = ${first.decisionMeetingId}`,
  )
  const of = (code: string) => answers.find((a) => a.code === code)?.answer
  assert.equal(answers.length, 19)
  assert.equal(of('kommun-0512'), 'declines')
  assert.equal(of('kommun-0563'), 'no_answer')
  assert.equal(of('kommun-0580'), 'attends')
  const [draft] = await rows<{ fields: Record<string, string> }>(
    sql`select d.fields from memo_drafts d join party_signatures s on s.id = d.party_signature_id join organisations o on o.id = s.organisation_id where o.code = 'kommun-0563'`,
  )
  assert.match(draft.fields.heading, /, godkännande$/)
  assert.match(draft.fields.matter, /gemensamt beslutsmöte .* onsdag den 2 februari 2022 kl\. 13\.00–15\.00 på Linköpings slott/)
  assert.match(draft.fields.basis, /^Bilaga 2 – Inbjudan till gemensamt beslutsmöte/m)
  assert.match(draft.fields.basis, /godkännande, 2026-11-16\n/)
  assert.equal(draft.fields.mbl, '')
  const count = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0].n)
  const before = await count()
  const again = await loadDemoAdoption(t.deps)
  assert.deepEqual(again, { ...first, written: 0 })
  assert.equal(await count(), before)
})
