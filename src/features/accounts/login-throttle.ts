import type { Db } from '../../platform/db/types.ts'
import { TooManyAttempts } from './accounts.errors.ts'
import { admit, failed, succeeded, type ThrottleRule, waitFor } from './login-throttle.repo.ts'

/**
 * Login throttling that holds under concurrency and across instances (issue 7 A2). The numbers:
 *
 * | key                     | free quick failures | then waits        | longest wait |
 * |-------------------------|---------------------|-------------------|--------------|
 * | account at one address  | 5                   | 2, 4, 8 … seconds | 15 minutes   |
 * | account, any address    | 10                  | 2, 4, 8 … seconds | 1 minute     |
 * | one address, any account| 30                  | 2, 4, 8 … seconds | 5 minutes    |
 *
 * A wait runs from the end of the failed check (not its start). A key forgets its failures after an
 * hour without attempts; a successful login clears the account's
 * keys and gives the address back the attempt it was charged. So a person's own typos slow only that
 * person at that address; someone guessing from elsewhere can delay the owner by at most a minute
 * (never a lockout); an office behind one address notices nothing until 30 failures within the hour;
 * and a guesser gets at most one password check per wait.
 */
export const RULES = {
  accountAtAddress: { free: 5, baseSeconds: 2, capSeconds: 15 * 60, forgetAfterSeconds: 3600 },
  account: { free: 10, baseSeconds: 2, capSeconds: 60, forgetAfterSeconds: 3600 },
  address: { free: 30, baseSeconds: 2, capSeconds: 5 * 60, forgetAfterSeconds: 3600 },
} satisfies Record<string, ThrottleRule>

/** How long one instance may hold an account's checking lease (an argon2 check takes well under a second). */
const LEASE_SECONDS = 30

const keysFor = (email: string, ip: string) => {
  const account = `account:${email.trim().toLowerCase()}`
  return { account, accountAtAddress: `${account}|ip:${ip}`, address: `ip:${ip}` }
}

class Refused extends Error {
  constructor(readonly key: string) {
    super(key)
  }
}

// Refusals remembered in this process (key → until, ms): a burst of attempts behind a refused one is
// answered from memory instead of each asking the database. Only a refusal is remembered; letting an
// attempt through is always decided, and counted, in the database.
const refusedUntil = new Map<string, number>()
function remember(key: string, seconds: number) {
  if (refusedUntil.size > 10_000) refusedUntil.clear()
  refusedUntil.set(key, Date.now() + seconds * 1000)
}
/** For tests that make time pass by moving the database's clock fields: this process forgets too. */
export const forgetRefusals = () => refusedUntil.clear()

function remembered(keys: string[]): number {
  let until = 0
  for (const k of keys) until = Math.max(until, refusedUntil.get(k) ?? 0)
  return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0
}

// One check at a time per account in this process: concurrent attempts queue here (instead of all
// racing to the database), and the lease in the database does the same across instances.
const queues = new Map<string, Promise<unknown>>()
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(work, work)
  const tail = run.catch(() => undefined)
  queues.set(key, tail)
  try {
    return await run
  } finally {
    if (queues.get(key) === tail) queues.delete(key)
  }
}

/**
 * Runs `check` (the password check; true = signed in) only if the account, the account at this
 * address and the address all let an attempt through now. The attempt is counted before the check,
 * atomically in one transaction, so a crash or a parallel burst cannot skip the count.
 * @throws TooManyAttempts (nothing checked) with the seconds to wait
 */
export async function throttled(db: Db, who: { email: string; ip: string }, check: () => Promise<boolean>): Promise<boolean> {
  const keys = keysFor(who.email, who.ip)
  const all = [keys.account, keys.accountAtAddress, keys.address]
  return oneAtATime(keys.account, async () => {
    const known = remembered(all)
    if (known > 0) throw new TooManyAttempts(Math.max(known, 2))
    try {
      // Always in this order (account first), so concurrent transactions never wait on each other in a cycle.
      await db.transaction(async (tx) => {
        if (!(await admit(tx, keys.account, RULES.account, LEASE_SECONDS))) throw new Refused(keys.account)
        if (!(await admit(tx, keys.accountAtAddress, RULES.accountAtAddress))) throw new Refused(keys.accountAtAddress)
        if (!(await admit(tx, keys.address, RULES.address))) throw new Refused(keys.address)
      })
    } catch (err) {
      if (!(err instanceof Refused)) throw err
      const wait = await waitFor(db, err.key)
      if (wait.seconds > 0) remember(err.key, wait.seconds)
      throw new TooManyAttempts(wait.checking && wait.seconds === 0 ? 0 : Math.max(wait.seconds, 2))
    }
    let ok = false
    try {
      ok = await check()
      return ok
    } finally {
      if (ok) await succeeded(db, [keys.account, keys.accountAtAddress], keys.address, keys.account)
      else
        await failed(
          db,
          [
            { key: keys.account, rule: RULES.account },
            { key: keys.accountAtAddress, rule: RULES.accountAtAddress },
            { key: keys.address, rule: RULES.address },
          ],
          keys.account,
        )
    }
  })
}
