import { type SQL, lt, sql } from 'drizzle-orm'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Db } from '../../platform/db/types.ts'
import { loginThrottle } from './accounts.tables.ts'

/** How one kind of key slows down: `free` quick failures, then base·2ⁿ seconds, at most `capSeconds`. */
export interface ThrottleRule {
  free: number
  baseSeconds: number
  capSeconds: number
  /** Counting starts over after this long without an attempt on the key. */
  forgetAfterSeconds: number
}

/** The wait after `n` counted failures, as an SQL interval (the exponent is capped so it never overflows). */
const delayAfter = (n: SQL, r: ThrottleRule) =>
  sql`case when ${n} < ${r.free} then interval '0'
      else least(make_interval(secs => ${r.baseSeconds} * power(2, least(${n} - ${r.free}, 30))), make_interval(secs => ${r.capSeconds})) end`

/**
 * Lets one attempt through on a key and counts it, in one statement: the row is locked while it is
 * read and written, so of many concurrent attempts exactly as many get through as the rule allows.
 * With `leaseSeconds`, the attempt also takes the key's checking lease (refused while another holds it).
 * Returns false when the attempt must wait.
 */
export async function admit(tx: Db, key: string, rule: ThrottleRule, leaseSeconds?: number): Promise<boolean> {
  const t = sql.identifier('t')
  const counted = sql`case when ${t}.last_attempt_at < now() - make_interval(secs => ${rule.forgetAfterSeconds}) then 1 else ${t}.failures + 1 end`
  const lease = leaseSeconds ? sql`now() + make_interval(secs => ${leaseSeconds})` : sql`null`
  const rows = await queryRows<{ failures: number }>(
    tx,
    sql`insert into login_throttle as t (key, failures, last_attempt_at, blocked_until, checking_until)
        values (${key}, 1, now(), now() + ${delayAfter(sql`1`, rule)}, ${lease})
        on conflict (key) do update set
          failures = ${counted},
          last_attempt_at = now(),
          blocked_until = now() + ${delayAfter(counted, rule)},
          checking_until = ${leaseSeconds ? lease : sql`t.checking_until`}
        where t.blocked_until <= now() ${leaseSeconds ? sql`and (t.checking_until is null or t.checking_until <= now())` : sql``}
        returning failures`,
  )
  return rows.length === 1
}

/** Seconds until the key lets an attempt through again, and whether a check is running right now. */
export async function waitFor(db: Db, key: string): Promise<{ seconds: number; checking: boolean }> {
  const rows = await queryRows<{ blocked: number | string | null; checking: boolean }>(
    db,
    sql`select ceil(greatest(max(extract(epoch from blocked_until - now())), 0))::int as blocked,
               coalesce(bool_or(checking_until > now()), false) as checking
        from login_throttle where key = ${key}`,
  )
  return { seconds: Number(rows[0]?.blocked ?? 0), checking: !!rows[0]?.checking }
}

/** A successful login: the account's counts start over; the address gives back the one attempt it was charged. */
export async function succeeded(db: Db, accountKeys: string[], addressKey: string, leaseKey: string) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update login_throttle set failures = 0, blocked_until = now(), checking_until = null where key in ${accountKeys}`)
    await tx.execute(sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${addressKey}`)
    await tx.execute(sql`update login_throttle set checking_until = null where key = ${leaseKey}`)
  })
}

/**
 * A failed (or interrupted) check: the failure stays counted, and its wait is counted again from now,
 * since a slow check must not use up the wait that follows it. The lease is given back.
 */
export async function failed(db: Db, keys: { key: string; rule: ThrottleRule }[], leaseKey: string) {
  await db.transaction(async (tx) => {
    for (const { key, rule } of keys) {
      await tx.execute(sql`update login_throttle set blocked_until = greatest(blocked_until, now() + ${delayAfter(sql`failures`, rule)}) where key = ${key}`)
    }
    await tx.execute(sql`update login_throttle set checking_until = null where key = ${leaseKey}`)
  })
}

/** Housekeeping: rows nobody has tried for a day hold nothing that still matters. */
export async function deleteStaleThrottles(db: Db, before: Date) {
  await db.delete(loginThrottle).where(lt(loginThrottle.lastAttemptAt, before))
}
