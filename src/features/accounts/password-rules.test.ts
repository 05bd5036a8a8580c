import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { TestBrowser } from '../../test-support/browser.ts'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'

// Issue 7 A6: a new password is neither a common one (the shipped list) nor the account's own e-mail.
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

async function changeTo(newPassword: string, email?: string) {
  const u = await buildUser(t.deps, { email })
  const b = new TestBrowser(t.app)
  await b.login(u.email, u.password)
  await b.get('/account/password')
  const res = await b.post('/account/password', { currentPassword: u.password, newPassword, confirmPassword: newPassword })
  return { res, u }
}

describe('choosing a password', () => {
  for (const common of ['123456qwerty', 'QWERTY123456', 'iloveyou1234']) {
    test(`a common password (${common}) is refused with a field error, whatever its case`, async () => {
      const { res, u } = await changeTo(common)
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /<a href="#f-newPassword">Lösenordet är ett av de vanligaste/)
      await new TestBrowser(t.app).login(u.email, u.password) // the old password still works
    })
  }

  test('the account’s own e-mail address (or the part before @) is refused', async () => {
    const email = 'karin.karlsson.lkpg@test.invalid'
    const { res } = await changeTo('Karin.Karlsson.Lkpg@Test.Invalid', email)
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Lösenordet får inte vara din e-postadress/)
    const local = await changeTo('karin.karlsson.lkpg', 'karin.karlsson.lkpg@kommun.test')
    assert.equal(local.res.statusCode, 400)
  })

  test('an uncommon password of 12 characters or more is accepted', async () => {
    const { res } = await changeTo('blåbärssylt-på-tisdagar')
    assert.equal(res.statusCode, 303)
  })
})
