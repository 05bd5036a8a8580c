import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { queryRows } from '../platform/db/query-rows.ts'
import type { RegisteredRoute } from '../platform/deps.ts'
import { buildTestApp, type TestApp } from '../test-support/test-app.ts'
import { type Client, COLUMNS, type Column, type Fixtures, buildMatrixFixtures } from './role-matrix.fixtures.ts'
import { pathFor } from './role-matrix.paths.ts'
import { MATRIX, type Outcome, type Row, parseRow } from './role-matrix.table.ts'
import { MUTATING } from './route-fill.ts'

/**
 * B11: the role × record matrix. For every registered route that takes a record in its path, the
 * table in role-matrix.table.ts says what each of twelve actors gets, and every cell is run here
 * against the fixtures of role-matrix.fixtures.ts. A route without a row fails, as does a row for a
 * route that no longer exists.
 *
 * Mutating requests carry the session's own CSRF token (JSON: the header), so that only
 * authorisation decides. A form gets an empty form: an allowed actor gets a 400 (the form's errors)
 * or does the thing; a refused one must get the refusal, never the form's field errors, which would
 * tell them the record exists and show them its values (the record check comes before validation).
 * An API write gets the row's valid JSON body (`json`), since Fastify checks a body against the
 * published schema before any handler. Within a route the refused cells run first and the allowed
 * ones after, the rows that change what other rows see (justering, removals) run last, and a row
 * whose allowed cells delete a record gets a fresh one per cell (`params`).
 *
 * `ROLE_MATRIX_PRINT=1` prints the observed outcomes in the table's format, for writing a new row.
 */
let t: TestApp
let fx: Fixtures
before(async () => {
  // Some fifteen hundred requests from one address: the rate limit is not under test here.
  t = await buildTestApp({ RATE_LIMIT_MAX: '1000000' })
  fx = await buildMatrixFixtures(t.deps, t.app)
})
after(() => t?.close())

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`
const takesRecord = (r: RegisteredRoute) => r.method !== 'HEAD' && /:\w/.test(r.url)

/** What a response means for the matrix. */
function outcomeOf(res: LightMyRequestResponse): Outcome | `unexpected ${number}` {
  const s = res.statusCode
  if (s === 401 || (s >= 300 && s < 400 && /^\/login(\?|$)/.test(String(res.headers.location ?? '')))) return 'login'
  if (s === 403) return 'forbidden'
  if (s === 404) return 'hidden'
  // A 400 (the form's errors) and a 409 (a stale version, locked minutes) come after the record check.
  if ((s >= 200 && s < 400) || s === 400 || s === 409) return 'ok'
  return `unexpected ${s}`
}

async function send(
  client: Client,
  method: string,
  url: string,
  uploads: boolean,
  json: unknown,
  form: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const api = url.startsWith('/api/')
  if (client.kind === 'anonymous') {
    return t.app.inject({
      method: method as 'GET',
      url,
      ...(MUTATING.has(method) ? (api ? { payload: json as object } : { payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }) : {}),
    })
  }
  if (client.kind === 'token') {
    const headers = { authorization: `Bearer ${client.secret}` }
    return t.app.inject({ method: method as 'GET', url, headers, ...(MUTATING.has(method) ? { payload: json as object } : {}) })
  }
  const b = client.browser
  if (!MUTATING.has(method)) return b.get(url)
  if (api) return b.request(method, url, { json, headers: { 'x-csrf-token': b.csrf } })
  if (uploads) return b.request(method, url, { multipart: { _csrf: b.csrf } })
  return b.request(method, url, { form: { ...form, _csrf: b.csrf } })
}

test('every route that takes a record has a row, and every row a route', () => {
  const routes = t.deps.routes.filter(takesRecord).map(key)
  const rows = Object.keys(MATRIX)
  assert.deepEqual(
    routes.filter((k) => !rows.includes(k)),
    [],
    'routes without a row in role-matrix.table.ts',
  )
  assert.deepEqual(
    rows.filter((k) => !routes.includes(k)),
    [],
    'rows for routes that do not exist',
  )
})

test('every cell of the role × record matrix', async () => {
  const started = Date.now()
  // Printing a new row: a route without one runs with every cell expected `ok`.
  const rowOf = (r: RegisteredRoute): Row | undefined =>
    MATRIX[key(r)] ?? (process.env.ROLE_MATRIX_PRINT ? { cells: COLUMNS.map(() => 'ok').join(' ') } : undefined)
  const routes = t.deps.routes.filter(takesRecord).filter(rowOf)
  const phase = (r: RegisteredRoute) => (rowOf(r)!.last ? 2 : MUTATING.has(r.method) ? 1 : 0)
  routes.sort((a, b) => phase(a) - phase(b))
  const failures: string[] = []
  const printed: string[] = []
  let cells = 0
  for (const r of routes) {
    const row = rowOf(r)!
    const expected = parseRow(row.cells)
    // Refused cells first: an allowed write may change what the next actor finds.
    const order = [...COLUMNS].sort((a, b) => Number(expected[a] === 'ok') - Number(expected[b] === 'ok'))
    const observed = {} as Record<Column, string>
    for (const col of order) {
      const params = { ...(await row.params?.(t.deps, fx)) }
      const url = pathFor(fx, r.url, params)
      const res = await send(fx.clients[col], r.method, url, !!r.uploads, row.json?.(fx) ?? {}, row.form?.(fx) ?? {})
      const got = outcomeOf(res)
      observed[col] = got
      cells++
      if (got !== expected[col]) failures.push(`${key(r)} as ${col}: expected ${expected[col]}, got ${got} (${res.statusCode} ${url})`)
    }
    printed.push(`  '${key(r)}': { cells: '${COLUMNS.map((c) => SHORT[observed[c]] ?? observed[c]).join(' ')}' },`)
  }
  if (process.env.ROLE_MATRIX_PRINT) console.log(printed.join('\n'))
  console.log(`role matrix: ${routes.length} routes × ${COLUMNS.length} columns = ${cells} cells in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  assert.deepEqual(failures, [])
})

const SHORT: Record<string, string> = { ok: 'ok', forbidden: '403', hidden: '404', login: 'in' }

test('an empty attendance list from a party with a seat changes nothing, not even the meeting’s version', async () => {
  // The cell above (PUT …/attendance as tokenWrite) answers 200; what it must not do is touch the
  // meeting: a version bump would turn every open edit form of the meeting stale for nothing.
  const versionOf = async () =>
    (await queryRows<{ version: number }>(t.deps.db, sql`select version from meetings where id = ${fx.plannedMeetingId}`))[0].version
  const before = await versionOf()
  const client = fx.clients.tokenWrite as { secret: string }
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/meetings/${fx.plannedMeetingId}/attendance`,
    headers: { authorization: `Bearer ${client.secret}` },
    payload: { entries: [] },
  })
  assert.equal(res.statusCode, 200, res.body)
  assert.equal(await versionOf(), before)
})
