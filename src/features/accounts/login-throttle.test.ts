import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, mock, test } from 'node:test'
import argon2 from 'argon2'
import { sql } from 'drizzle-orm'
import { buildUser } from '../../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { RULES, forgetRefusals } from './login-throttle.ts'
import type { ThrottleRule } from './login-throttle.repo.ts'

// Issue 7 A2: 100 parallel password guesses were all checked, past both the per-account and the
// per-address limit. Runs on PGlite and, with TEST_DATABASE_URL, on the PostgreSQL server.
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

/** Every argon2 verification the server runs: the expensive step an attacker wants as many of as possible. */
let checks = 0
beforeEach(() => {
  checks = 0
  const original = argon2.verify.bind(argon2)
  mock.method(argon2, 'verify', (...args: Parameters<typeof argon2.verify>) => {
    checks++
    return original(...args)
  })
})
afterEach(() => mock.restoreAll())

/** A login form post from a given address, with a valid anonymous CSRF token. */
async function loginFrom(ip: string) {
  const page = await t.app.inject({ method: 'GET', url: '/login', remoteAddress: ip })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  return (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: ip,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    })
}

/**
 * The most password checks the schedule allows within `ms`: the free ones, then one more each time a
 * whole wait has passed (base, 2·base, 4·base …). On a loaded machine 100 requests take seconds to
 * arrive, so a late one may rightly be let through after a wait.
 */
function allowedChecks(rule: ThrottleRule, ms: number) {
  let n = rule.free
  for (let waited = 0, wait = rule.baseSeconds * 1000; waited + wait <= ms; waited += wait, wait *= 2) n++
  return n
}

/** Makes the throttle's waiting time pass (as if the clock had moved on), without touching the counts. */
async function waitOut() {
  await t.deps.db.execute(sql`update login_throttle set blocked_until = now() - interval '1 second'`)
  forgetRefusals()
}

describe('login throttling', () => {
  test('100 parallel guesses at one account: a handful of passwords are checked, the rest are refused unchecked', async () => {
    const u = await buildUser(t.deps)
    const post = await loginFrom('10.1.0.1')
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(u.email, `gissning-${i}`)))
    const allowed = allowedChecks(RULES.accountAtAddress, Date.now() - started)
    const codes = answers.map((a) => a.statusCode)
    assert.ok(
      codes.every((c) => c === 400 || c === 429),
      String(codes),
    )
    assert.ok(checks >= 1 && checks <= allowed, `${checks} password checks ran, ${allowed} allowed`)
    assert.equal(codes.filter((c) => c === 400).length, checks, 'only a checked password can be called wrong')
    const refused = answers.find((a) => a.statusCode === 429)!
    assert.match(refused.body, /För många inloggningsförsök/)
    assert.match(String(refused.headers['retry-after']), /^\d+$/)
  })

  test('100 parallel guesses at 100 accounts from one address stop at the per-address limit', async () => {
    const post = await loginFrom('10.1.0.2')
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(`spray-${i}@test.invalid`, 'Sommar2026!!')))
    const allowed = allowedChecks(RULES.address, Date.now() - started)
    assert.ok(checks >= RULES.address.free && checks <= allowed, `${checks} password checks ran, ${allowed} allowed`)
    assert.equal(answers.filter((a) => a.statusCode === 429).length, 100 - checks)
  })

  test('a few quick typos are free; after them each failure must wait longer; the right password works once the wait is over', async () => {
    const u = await buildUser(t.deps)
    const post = await loginFrom('10.1.0.3')
    for (let i = 0; i < 5; i++) assert.equal((await post(u.email, `fel-${i}`)).statusCode, 400, `typo ${i + 1} is checked at once`)
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      const refused = await post(u.email, 'för-tidigt')
      assert.equal(refused.statusCode, 429)
      assert.match(refused.body, /Vänta \d+ sekunder/)
      waits.push(Number(refused.headers['retry-after']))
      await waitOut()
      if (round < 3) assert.equal((await post(u.email, `fel-igen-${round}`)).statusCode, 400, 'after the wait, the next guess is checked')
    }
    for (let i = 1; i < waits.length; i++) assert.ok(waits[i] > waits[i - 1], `delays grow: ${waits}`)
    assert.ok(waits[0] <= 5, `the first wait is short: ${waits}`)
    assert.equal((await post(u.email, u.password)).statusCode, 303)
  })

  test('an office behind one address: one person’s typos do not keep a colleague out', async () => {
    const typist = await buildUser(t.deps)
    const colleague = await buildUser(t.deps)
    const post = await loginFrom('10.1.0.4')
    for (let i = 0; i < 12; i++) {
      await post(typist.email, `skrev-fel-${i}`)
      await waitOut()
    }
    assert.equal((await post(colleague.email, colleague.password)).statusCode, 303)
  })

  test('failures from someone else’s address do not lock the owner out for a quarter of an hour', async () => {
    const owner = await buildUser(t.deps)
    const attacker = await loginFrom('10.1.0.5')
    for (let i = 0; i < 6; i++) await attacker(owner.email, `angrepp-${i}`)
    const home = await loginFrom('10.1.0.6')
    assert.equal((await home(owner.email, owner.password)).statusCode, 303)
  })
})
