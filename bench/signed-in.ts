import { clean, log, ms, num, pct, perSec, type Row, withProblems } from './rows.ts'
import { CONNECTIONS, DURATION_S, type Load, load, signIn } from './throughput.ts'

/**
 * Issue 7 D18: signed-in pages, each beside the login page of the same app in the same run. Goals
 * about throughput are ratios to that login page, so a slower or busier machine moves both sides.
 */
export type DbKind = 'PGlite' | 'PostgreSQL'

export const DEMO_USER = 'lansstyrelsen@demo.test'
export const DEMO_NAME = 'Lena Samordnare'
const DEMO_PASSWORD = 'tillsammans-demo'
const P99_GOAL_MS = 100

// Issue 7's figures from its machine: the login page 16,700 req/s; /organisations 210 req/s on
// PostgreSQL and 96 req/s on PGlite. "5× today's req/s" becomes 5× today's share of the login page.
const ISSUE7_LOGIN = 16_700
const ISSUE7_ORGANISATIONS: Record<DbKind, number> = { PostgreSQL: 210, PGlite: 96 }

interface Page {
  path: string
  what: string
  /** Minimum req/s as a share of the login page's, per database, and where it comes from. */
  share?: { min: Record<DbKind, number>; why: (kind: DbKind) => string }
}

const PAGES: Page[] = [
  {
    path: '/',
    what: 'home page',
    share: { min: { PostgreSQL: 0.25, PGlite: 0.1 }, why: () => 'issue 7' },
  },
  {
    path: '/organisations',
    what: '290 municipalities and the other parties',
    share: {
      min: { PostgreSQL: (5 * ISSUE7_ORGANISATIONS.PostgreSQL) / ISSUE7_LOGIN, PGlite: (5 * ISSUE7_ORGANISATIONS.PGlite) / ISSUE7_LOGIN },
      why: (kind) => `5 × issue 7's ${ISSUE7_ORGANISATIONS[kind]} of ${num(ISSUE7_LOGIN)} req/s`,
    },
  },
  { path: '/collaborations', what: 'the collaborations the user may see' },
  { path: '/account', what: 'my account' },
]

/** Signs in as the demo coordinator and loads each page with that session (all connections share it). */
export async function signedInRows(kind: DbKind, base: string, login: Load, loads: Record<string, Load>): Promise<Row[]> {
  const cookie = await signIn(base, DEMO_USER, DEMO_PASSWORD)
  // The home page is public: make sure it is the signed-in one that gets measured.
  const home = await (await fetch(`${base}/`, { headers: { cookie } })).text()
  if (!home.includes(DEMO_NAME)) throw new Error(`the home page does not greet ${DEMO_NAME}: the session is not used`)
  const rows: Row[] = []
  for (const page of PAGES) {
    log(`${kind}: GET ${page.path} signed in as ${DEMO_USER}`)
    const l = (loads[`${kind}:${page.path}`] = await load(`${base}${page.path}`, { cookie }))
    const ratio = l.reqPerSec / login.reqPerSec
    const minShare = page.share?.min[kind]
    const fast = l.p99 <= P99_GOAL_MS
    const enough = minShare === undefined || ratio >= minShare
    const goals = [`p99 ≤ ${P99_GOAL_MS} ms`]
    if (minShare !== undefined) goals.unshift(`≥ ${pct(minShare)} of the login page (${page.share!.why(kind)})`)
    rows.push({
      benchmark: `${kind}, signed in: GET ${page.path} (${page.what}), requests/s and p99 (${CONNECTIONS} connections, ${DURATION_S} s)`,
      result: withProblems(`${perSec(l)} (${pct(ratio)} of the login page), p99 ${ms(l.p99)} (p50 ${ms(l.p50)})`, l),
      reference: `login page, same app: ${perSec(login)}, p99 ${ms(login.p99)}`,
      goal: goals.join('; '),
      verdict: fast && enough && clean(l) ? 'PASS' : 'FAIL',
    })
  }
  return rows
}
