import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { TestBrowser, signedIn } from '../../test-support/browser.ts'
import { type BuiltUser, buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { type TestCollaboration, buildCollaboration } from '../bodies/seats.test-factories.ts'
import { buildCollaborationWithDeclaration } from '../declarations/declarations.test-factories.ts'

/** The home page as a to-do list (issue 6 E11), through the same door users use. */
let t: TestApp
let signedCollab: TestCollaboration
let invited: Awaited<ReturnType<typeof buildCollaborationWithDeclaration>>
const users: Record<string, BuiltUser> = {}

before(async () => {
  t = await buildTestApp()
  signedCollab = await buildCollaboration(t.deps, { signedOn: '2022-03-16' })
  invited = await buildCollaborationWithDeclaration(t.deps)
  users.linkoping = await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0580' })
  users.coordinator = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-05' })
  users.otherCounty = await buildUser(t.deps, { role: 'coordinator', organisationCode: 'lansstyrelsen-01' })
})
after(() => t.close())

const home = async (who: string) => {
  const res = await (await signedIn(t.app, users[who])).get('/')
  assert.equal(res.statusCode, 200)
  return res.body
}

test('a party editor sees the next signature step of its party, linked to the memo', async () => {
  const body = await home('linkoping')
  assert.match(body, /<h2 class="heading-l">Att göra<\/h2>/)
  assert.ok(
    body.includes(`href="/signatures/${invited.signatures['kommun-0580']}/memo">Linköpings kommun är inbjuden att underteckna programförklaringen för ÖTMB.`),
    'the invitation with its next step',
  )
})

test('a party editor sees its own unmet commitments, with the status in words', async () => {
  const body = await home('linkoping')
  assert.ok(body.includes(`href="/collaborations/${signedCollab.id}/compliance">Linköpings kommun i ÖTMB: Tjänsteperson i arbetsgrupp.`))
  assert.match(body, /tag--yellow">Ännu inte uppfyllt<\/strong> <a href="\/collaborations\/[0-9a-f-]+\/compliance">Linköpings kommun i ÖTMB: Tjänsteperson/)
  assert.doesNotMatch(body, /Norrköpings kommun i ÖTMB/, 'not other parties’ commitments')
})

test('the coordinator sees the county picture: signatures and commitments of the collaborations their county owns', async () => {
  const body = await home('coordinator')
  assert.ok(body.includes(`href="/collaborations/${invited.collaborationId}/signatures">0 av`))
  assert.ok(body.includes(`href="/collaborations/${signedCollab.id}/signatures">5 av 5 parter har undertecknat programförklaringen för ÖTMB.`))
  assert.match(body, new RegExp(`href="/collaborations/${signedCollab.id}/compliance">Åtaganden i ÖTMB: \\d+ inte uppfyllda`))
})

test('a coordinator of another county sees nothing of Östergötland', async () => {
  const body = await home('otherCounty')
  assert.doesNotMatch(body, /ÖTMB/)
  assert.match(body, /Du har inget att göra just nu\./)
})

test('signed out there is no to-do list', async () => {
  const res = await new TestBrowser(t.app).get('/')
  assert.equal(res.statusCode, 200)
  assert.doesNotMatch(res.body, /Att göra/)
})

test('a provider that fails leaves the page and the other sections standing', async () => {
  t.deps.todos.add('broken', async () => {
    throw new Error('boom')
  })
  const body = await home('linkoping')
  assert.match(body, /Linköpings kommun är inbjuden att underteckna/)
})

test('the list is kept per user, and a write by any path (here plain SQL) shows on the next request', async () => {
  const browser = await signedIn(t.app, users.linkoping)
  const first = (await browser.get('/')).body
  assert.match(first, /Linköpings kommun är inbjuden att underteckna programförklaringen för ÖTMB/)
  await t.deps.db.execute(sql`update party_signatures set status = 'decided', decision_date = '2022-01-25' where id = ${invited.signatures['kommun-0580']}`)
  const second = (await browser.get('/')).body
  assert.ok(second.includes(`href="/signatures/${invited.signatures['kommun-0580']}">Linköpings kommun har beslutat om programförklaringen för ÖTMB.`))
})
