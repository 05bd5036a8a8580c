import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import { TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, buildCollaboration, buildMeeting, buildPerson, buildSeat } from '../bodies/seats.test-factories.ts'
import { bodies } from '../bodies/bodies.tables.ts'

let t: TestApp
let c: TestCollaboration
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  c = await buildCollaboration(t.deps, { signedOn: '2022-03-16' })
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.viewer = await buildUser(t.deps, { role: 'viewer', organisationCode: 'kommun-0581' })
  users.outsider = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
})
after(() => t.close())

const as = (role: string) => signedIn(t.app, users[role])

interface ApiRule {
  kind: string
  status: string
  explanation: string
}
async function apiRule(b: TestBrowser, orgId: string, kind: string, collaborationId = c.id): Promise<ApiRule> {
  const res = await b.get(`/api/v1/collaborations/${collaborationId}/compliance`)
  assert.equal(res.statusCode, 200, res.body)
  const party = res.json().parties.find((p: { organisationId: string }) => p.organisationId === orgId)
  return party.rules.find((r: ApiRule) => r.kind === kind)
}

test('a municipality without a working-group seat is "not yet met" until the period ends; the coordinator follows the fix link, adds an official seat and it turns green', async () => {
  const b = await as('coordinator')
  const page = await b.get(`/collaborations/${c.id}/compliance`)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /tag--yellow">Ännu inte uppfyllt/)
  assert.match(page.body, /Kommunen har ingen tjänsteperson i någon arbetsgrupp sedan 2022-03-16\. Ska vara uppfyllt senast 2027-12-31 \(periodens slut\)\./)
  assert.match(page.body, /Gäller ej/, 'non-municipalities are not applicable')
  const fix = `/bodies/${c.workingGroupId}/seats/new?organisationId=${c.org['kommun-0580']}&amp;level=official`
  assert.ok(page.body.includes(`href="${fix}"`), 'the cell links to the form that fixes it')
  const form = await b.get(fix.replace('&amp;', '&'))
  assert.equal(form.statusCode, 200)
  assert.match(form.body, new RegExp(`<option value="${c.org['kommun-0580']}" selected`), 'the party is chosen already')
  const before = await apiRule(b, c.org['kommun-0580'], 'working_group_official')
  assert.deepEqual(before, {
    kind: 'working_group_official',
    status: 'yellow',
    explanation: 'Kommunen har ingen tjänsteperson i någon arbetsgrupp sedan 2022-03-16.',
  })

  await b.get(`/collaborations/${c.id}/people/new`)
  const created = await b.post(`/collaborations/${c.id}/people/new`, {
    name: 'Greta Grön',
    title: 'Samordnare',
    organisationId: c.org['kommun-0580'],
    email: '',
    phone: '',
  })
  assert.equal(created.statusCode, 303)
  const people = await b.get(`/collaborations/${c.id}/people`)
  assert.match(people.body, /Greta Grön/)
  const personId = /people\/([0-9a-f-]{36})\/edit"[^>]*>Ändra<span class="visually-hidden"> Greta Grön/.exec(people.body)![1]
  await b.get(`/bodies/${c.workingGroupId}/seats/new`)
  const seat = await b.post(`/bodies/${c.workingGroupId}/seats/new`, {
    personId,
    organisationId: c.org['kommun-0580'],
    role: 'member',
    level: 'official',
    membership: 'ordinary',
    validFrom: '2024-02-01',
  })
  assert.equal(seat.statusCode, 303)

  const afterRule = await apiRule(b, c.org['kommun-0580'], 'working_group_official')
  assert.equal(afterRule.status, 'green')
  assert.equal(afterRule.explanation, 'Har tjänsteperson i Arbetsgrupp trygghet sedan 2024-02-01.')
  assert.match((await b.get(`/collaborations/${c.id}/compliance`)).body, /Har tjänsteperson i Arbetsgrupp trygghet sedan 2024-02-01/)
})

test('an ended seat still counts for the working-group history', async () => {
  const person = await buildPerson(t.deps, c.org['kommun-0581'])
  await buildSeat(t.deps, {
    bodyId: c.workingGroupId,
    personId: person.id,
    organisationId: c.org['kommun-0581'],
    validFrom: '2022-03-01',
    validTo: '2022-12-31',
  })
  const r = await apiRule(await as('viewer'), c.org['kommun-0581'], 'working_group_official')
  assert.equal(r.status, 'green')
  assert.match(r.explanation, /Har haft tjänsteperson i Arbetsgrupp trygghet 2022-03-01–2022-12-31/)
})

test('steering chief and attendance are evaluated from the seats and the meetings', async () => {
  const chief = await buildPerson(t.deps, c.org['region-ostergotland'])
  const sub = await buildPerson(t.deps, c.org['polisomrade-ostergotland'])
  const regionSeat = await buildSeat(t.deps, {
    bodyId: c.steeringId,
    personId: chief.id,
    organisationId: c.org['region-ostergotland'],
    level: 'chief',
    validFrom: '2022-02-02',
  })
  const policeSeat = await buildSeat(t.deps, {
    bodyId: c.steeringId,
    personId: sub.id,
    organisationId: c.org['polisomrade-ostergotland'],
    level: 'chief',
    membership: 'substitute',
  })
  await buildMeeting(t.deps, c.steeringId, 30, [{ seatId: regionSeat.id }, { seatId: policeSeat.id, status: 'absent' }])
  await buildMeeting(t.deps, c.steeringId, 90, [{ seatId: policeSeat.id, status: 'substitute_present' }])
  await buildMeeting(t.deps, c.steeringId, 120, [], 'cancelled')
  await buildMeeting(t.deps, c.steeringId, 500, [{ seatId: policeSeat.id }])
  const b = await as('viewer')
  assert.equal((await apiRule(b, c.org['region-ostergotland'], 'steering_chief')).status, 'green')
  const police = await apiRule(b, c.org['polisomrade-ostergotland'], 'steering_chief')
  assert.equal(police.status, 'yellow')
  assert.match(police.explanation, /bara en ersättare/)
  const regionAttendance = await apiRule(b, c.org['region-ostergotland'], 'steering_attendance')
  assert.deepEqual([regionAttendance.status, regionAttendance.explanation.slice(0, 52)], ['green', 'Närvarande vid 1 av 2 möten (50 %) de senaste 12 mån'])
  assert.equal((await apiRule(b, c.org['polisomrade-ostergotland'], 'steering_attendance')).status, 'green')
  const lkp = await apiRule(b, c.org['kommun-0580'], 'steering_attendance')
  assert.equal(lkp.status, 'red')
  assert.match(lkp.explanation, /Har inte varit närvarande vid något av styrgruppens 2 möten sedan/)
  assert.match((await b.get(`/collaborations/${c.id}/compliance`)).body, /Lokal regel – ingår inte i programförklaringen/)
})

test('before signing a party owes nothing yet; a reader sees no fix links', async () => {
  const fresh = await buildCollaboration(t.deps)
  const b = await as('viewer')
  const r = await apiRule(b, fresh.org['kommun-0580'], 'working_group_official', fresh.id)
  assert.deepEqual([r.status, r.explanation], ['not_yet', 'Åtagandena börjar gälla när parten har undertecknat.'])
  const page = await b.get(`/collaborations/${fresh.id}/compliance`)
  assert.match(page.body, /Gäller ännu inte – inte undertecknat/)
  assert.doesNotMatch(page.body, /seats\/new\?organisationId/, 'a reader is not offered actions they may not take')
})

test('the coordinator configures a rule with a deadline and its quoted source; bad input and stale saves change nothing; others may not', async () => {
  const b = await as('coordinator')
  const rulesPage = await b.get(`/collaborations/${c.id}/compliance/rules`)
  assert.equal(rulesPage.statusCode, 200)
  const ruleId = /compliance-rules\/([0-9a-f-]{36})\/edit"[^>]*>Ändra regeln<span class="visually-hidden"> Tjänsteperson i arbetsgrupp/.exec(rulesPage.body)![1]
  const form = await b.get(`/compliance-rules/${ruleId}/edit`)
  const version = /name="version" value="(\d+)"/.exec(form.body)![1]
  const bad = await b.post(`/compliance-rules/${ruleId}/edit`, {
    enabled: 'on',
    partyKinds: 'municipality',
    deadlineMode: 'months_after_signature',
    deadlineMonths: '0',
    version,
  })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /Ange antal månader som ett heltal mellan 1 och 120/)
  const quote = 'Kommunen förbinder sig i och med undertecknandet också att en tjänsteperson medverkar i minst en arbetsgrupp under denna period.'
  const ok = await b.post(`/compliance-rules/${ruleId}/edit`, {
    enabled: 'on',
    partyKinds: 'municipality',
    deadlineMode: 'months_after_signature',
    deadlineMonths: '6',
    sourceQuote: quote,
    version,
  })
  assert.equal(ok.statusCode, 303)
  const nkp = await apiRule(b, c.org['kommun-0581'], 'working_group_official')
  assert.equal(nkp.status, 'green', 'Norrköping met it within six months (its seat from 2022-03-01 counts)')
  const page = (await b.get(`/collaborations/${c.id}/compliance`)).body
  assert.ok(page.includes(quote), 'the quoted sentence is shown beside the rule')
  assert.match(page, /inom 6 månader från undertecknandet \(tidsfrist satt av samordnaren\)/)
  const stale = await b.post(`/compliance-rules/${ruleId}/edit`, { enabled: 'on', deadlineMode: 'period_end', version })
  assert.equal(stale.statusCode, 409, 'a stale version overwrites nothing')
  const [audit] = await queryRows<{ n: number }>(
    t.deps.db,
    sql`select count(*)::int as n from audit_events where action = 'compliance_rule.updated' and entity_id = ${ruleId}`,
  )
  assert.equal(audit.n, 1)
  const reader = await as('viewer')
  assert.equal((await reader.get(`/compliance-rules/${ruleId}/edit`)).statusCode, 403)
  assert.equal(
    (await (await as('outsider')).post(`/compliance-rules/${ruleId}/edit`, { enabled: 'on', deadlineMode: 'period_end', version: '2' })).statusCode,
    403,
  )
  assert.equal((await b.get('/compliance-rules/not-a-uuid/edit')).statusCode, 404)
})

test('only partners see compliance: others get 403 (problem+json from the API), the anonymous 401', async () => {
  const outsider = await as('outsider')
  assert.equal((await outsider.get(`/collaborations/${c.id}/compliance`)).statusCode, 403)
  const api = await outsider.get(`/api/v1/collaborations/${c.id}/compliance`)
  assert.equal(api.statusCode, 403)
  assert.match(String(api.headers['content-type']), /application\/problem\+json/)
  assert.equal((await new TestBrowser(t.app).get(`/api/v1/collaborations/${c.id}/compliance`)).statusCode, 401)
  assert.equal((await outsider.get('/api/v1/collaborations/00000000-0000-4000-8000-000000000000/compliance')).statusCode, 404)
})

test('the endpoints are documented in the OpenAPI document', async () => {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json()
  assert.ok(doc.paths['/api/v1/collaborations/{id}/compliance'].get)
  assert.ok(doc.paths['/api/v1/bodies/{bodyId}/seats'].get)
  assert.ok(doc.paths['/api/v1/bodies/{bodyId}/seats'].post)
})

test('derived views respect visibility: a seat in a restricted body counts, but only those who may see it learn where (issue 7 A5)', async () => {
  const fresh = await buildCollaboration(t.deps, { signedOn: '2022-03-16' })
  const [secret] = await t.deps.db
    .insert(bodies)
    .values({ collaborationId: fresh.id, kind: 'working_group', name: 'Hemlig arbetsgrupp', organisationId: fresh.ownerId, visibility: 'organisation' })
    .returning()
  const person = await buildPerson(t.deps, fresh.org['kommun-0580'])
  await buildSeat(t.deps, { bodyId: secret.id, personId: person.id, organisationId: fresh.org['kommun-0580'], validFrom: '2023-01-01' })
  const other = await buildPerson(t.deps, fresh.org['kommun-0581'])
  await buildSeat(t.deps, {
    bodyId: fresh.workingGroupId,
    personId: other.id,
    organisationId: fresh.org['kommun-0581'],
    validFrom: '2023-01-01',
    visibility: 'organisation',
  })

  const reader = await as('viewer') // a reader at Norrköping
  const lkp = await apiRule(reader, fresh.org['kommun-0580'], 'working_group_official', fresh.id)
  assert.deepEqual([lkp.status, lkp.explanation], ['green', 'Uppfyllt av en representant i ett organ som du inte har behörighet att se.'])
  const own = await apiRule(reader, fresh.org['kommun-0581'], 'working_group_official', fresh.id)
  assert.equal(own.explanation, 'Har tjänsteperson i Arbetsgrupp trygghet sedan 2023-01-01.', 'a party sees its own organisation-only seat')
  const page = (await reader.get(`/collaborations/${fresh.id}/compliance`)).body
  assert.doesNotMatch(page, /Hemlig arbetsgrupp/)
  assert.doesNotMatch(page, new RegExp(secret.id), 'no link leads to the restricted body')

  const coordinator = await as('coordinator')
  assert.equal(
    (await apiRule(coordinator, fresh.org['kommun-0580'], 'working_group_official', fresh.id)).explanation,
    'Har tjänsteperson i Hemlig arbetsgrupp sedan 2023-01-01.',
  )
  assert.equal(
    (await apiRule(coordinator, fresh.org['kommun-0581'], 'working_group_official', fresh.id)).explanation,
    'Har tjänsteperson i Arbetsgrupp trygghet sedan 2023-01-01.',
  )
})
