import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { buildCollaboration, buildMeeting, buildPerson, buildSeat } from '../features/bodies/seats.test-factories.ts'
import { SMALL_PDF, buildCollaborationWithDeclaration } from '../features/declarations/declarations.test-factories.ts'
import type { RegisteredRoute } from '../platform/deps.ts'
import { TestBrowser } from '../test-support/browser.ts'
import { buildPlan } from '../features/plans/plans.test-factories.ts'
import { buildSurvey } from '../features/surveys/surveys.test-factories.ts'
import { buildActionPlan, buildReport } from '../features/situation-reports/situation-reports.test-factories.ts'
import { yearlyReports } from '../features/yearly-reports/yearly-reports.tables.ts'
import { buildUser } from '../test-support/factories.ts'
import { buildTestApp, type TestApp } from '../test-support/test-app.ts'
import { type FoundForm, crawl, findingsOf, followable, pageParts, routeOf } from './crawl.ts'
import { type TextField, formShape, textFields } from './form-fields.ts'
import { PAYLOADS } from './inspect.ts'
import { fillRoute } from './route-fill.ts'

/**
 * B12: every XSS payload (xss-payloads.txt, 126 of them, from the OWASP filter-evasion patterns)
 * goes through every form that has free text, then every page, CSV, ICS and DOCX that can show it is
 * parsed and must carry no element or attribute from a payload (inline SVG is part of the pages);
 * every CSV cell that a spreadsheet would run as a formula fails too.
 *
 * Enumerated, not sampled: the forms are the registered routes that declare their schema
 * (`config.form`), their text fields are read from the schema (form-fields.ts), and the pages are
 * found by crawling from every registered GET route as an administrator. To keep the run sane on two
 * cores, every payload goes through ONE representative text field of each form (its longest), packed
 * as many to a submission as the field holds; every other text field gets a rotating subset of at
 * least ten payloads (fewer only where the field is too short to hold ten of them). So every payload
 * reaches at least one field of every form, and every field sees at least ten payloads.
 *
 * Each submission is checked where it lands (the page after the redirect, the re-rendered form on a
 * 400, or the Word document), and the whole site is crawled again at the end.
 */
let t: TestApp
let admin: TestBrowser
before(async () => {
  // Thousands of requests from one address: the rate limit is not under test here.
  t = await buildTestApp({ RATE_LIMIT_MAX: '1000000' })
  const c = await buildCollaboration(t.deps)
  const person = await buildPerson(t.deps, c.org['kommun-0580'])
  await buildSeat(t.deps, { bodyId: c.steeringId, personId: person.id, organisationId: c.org['kommun-0580'] })
  await buildMeeting(t.deps, c.steeringId, 3, [], 'planned')
  await buildCollaborationWithDeclaration(t.deps)
  await buildPlan(t.deps)
  // A lägesbild draft, and an åtgärdsplan whose problems its problems form offers.
  await buildActionPlan(t.deps)
  await buildReport(t.deps, { periodStart: '2025-01-01' })
  // A survey with a question, so its question forms are found and sent payloads.
  await buildSurvey(t.deps, { organisationId: c.org['kommun-0580'] as string })
  // A yearly report out for comments, so its narrative, comment and adoption forms are found.
  await t.deps.db
    .insert(yearlyReports)
    .values({ collaborationId: c.id, organisationId: c.ownerId, kind: 'follow_up', year: 2025, title: 'Uppföljning 2025', status: 'review' })
  const user = await buildUser(t.deps, { role: 'admin', organisationCode: 'lansstyrelsen-05' })
  admin = new TestBrowser(t.app)
  await admin.login(user.email, user.password)
})
after(() => t?.close())

/** A value the field's schema accepts, for the fields that are not free text and came empty. */
function plausible(route: RegisteredRoute, name: string, type: string): string | undefined {
  const schema = formShape(route.form!)[name]
  if (!schema) return undefined
  const late = /(end|to|until|due|expires)/i.test(name)
  const candidates = [
    type === 'email' || /email/i.test(name) ? `x-${randomBytes(4).toString('hex')}@test.invalid` : '',
    late ? '2030-12-31' : '2026-06-01',
    late ? '12:00' : '10:00',
    '1',
    'on',
  ]
  return candidates.find((v) => v && schema.safeParse(v).success)
}

/** The payloads to put in each text field of one form, submission by submission. */
function plan(fields: TextField[], formNo: number): Map<string, string[]>[] {
  const rep = [...fields].sort((a, b) => b.max - a.max)[0]
  const repQueue = PAYLOADS.filter((p) => p.length <= rep.max)
  const given = new Map(fields.map((f) => [f.name, 0]))
  const pointer = new Map(fields.map((f, k) => [f.name, (formNo * 17 + k * 29) % PAYLOADS.length]))
  const subs: Map<string, string[]>[] = []
  while (repQueue.length || fields.some((f) => given.get(f.name)! < 10 && PAYLOADS.some((p) => p.length <= f.max))) {
    const sub = new Map<string, string[]>()
    const pack = (f: TextField, take: () => string | undefined, limit: number) => {
      const out: string[] = []
      let length = 0
      for (let p = take(); p !== undefined; p = out.length < limit ? take() : undefined) {
        if (length + p.length + 1 > f.max) break
        out.push(p)
        length += p.length + 1
      }
      return out
    }
    const repChunk: string[] = []
    let repLength = 0
    while (repQueue.length && repChunk.length < 40 && (repChunk.length === 0 || repLength + repQueue[0].length + 1 <= rep.max)) {
      const p = repQueue.shift()!
      repChunk.push(p)
      repLength += p.length + 1
    }
    sub.set(rep.name, repChunk)
    for (const f of fields) {
      if (f === rep) continue
      const want = given.get(f.name)! < 10 ? 10 : 1
      const take = () => {
        for (let i = 0; i < PAYLOADS.length; i++) {
          const p = PAYLOADS[pointer.get(f.name)!]
          pointer.set(f.name, (pointer.get(f.name)! + 1) % PAYLOADS.length)
          if (p.length < f.max) return p
        }
        return undefined
      }
      const chosen = pack(f, take, want)
      sub.set(f.name, chosen)
      given.set(f.name, given.get(f.name)! + chosen.length)
    }
    given.set(rep.name, given.get(rep.name)! + sub.get(rep.name)!.length)
    subs.push(sub)
    if (subs.length > 200) throw new Error('plan does not converge')
  }
  return subs
}

function encodeMultipart(fields: [string, string][], files: string[]) {
  const boundary = `----tillsammans-${randomBytes(6).toString('hex')}`
  const parts: Buffer[] = fields.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const name of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="beslut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      SMALL_PDF,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

/** Fills a form as found on its page: its own values, plausible ones where empty, payloads in the text fields. */
async function submit(browser: TestBrowser, route: RegisteredRoute, form: FoundForm, texts: Map<string, string[]>): Promise<LightMyRequestResponse> {
  const values: [string, string][] = []
  const files: string[] = []
  const radios = new Set<string>()
  for (const f of form.fields) {
    if (texts.has(f.name)) continue
    if (f.kind === 'file') files.push(f.name)
    else if (f.type === 'checkbox') f.checked && values.push([f.name, f.value])
    else if (f.type === 'radio') {
      if (!radios.has(f.name) && (f.checked || !form.fields.some((g) => g.name === f.name && g.checked))) {
        radios.add(f.name)
        values.push([f.name, f.value])
      }
    } else {
      const v = f.value || (f.kind === 'select' ? f.options[0] : undefined) || plausible(route, f.name, f.type) || ''
      values.push([f.name, v])
    }
  }
  for (const [name, payloads] of texts) if (form.fields.some((f) => f.name === name)) values.push([name, payloads.join(' ')])
  const csrf = values.find(([k]) => k === '_csrf') ? [] : ([['_csrf', browser.csrf]] as [string, string][])
  if (form.multipart) {
    const { payload, type } = encodeMultipart([...csrf, ...values.filter(([k]) => k === '_csrf'), ...values.filter(([k]) => k !== '_csrf')], files)
    return browser.request('POST', form.action, { raw: payload, headers: { 'content-type': type } })
  }
  const body = new URLSearchParams([...csrf, ...values])
  return browser.request('POST', form.action, { raw: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
}

test('no payload through any text field of any form becomes markup, a formula, or an ICS or Word property', async () => {
  const findings: string[] = []
  const kinds = new Map<string, number>()
  const routes = t.deps.routes
  // Edits before creations in each round: a new declaration version makes the older one read-only.
  // Login is left out: it stores nothing and signs the administrator out (its form is checked by the crawl).
  const isEdit = (url: string) => (/:\w+(\/edit)?$/.test(url) ? 0 : 1)
  const formRoutes = routes.filter((r) => r.form && textFields(r.form).length > 0 && r.url !== '/login').sort((a, b) => isEdit(a.url) - isEdit(b.url))
  const seeds = ['/']
  for (const r of routes) if (r.method === 'GET' && !r.url.startsWith('/api/') && !r.url.startsWith('/static/')) seeds.push(await fillRoute(t.deps, r.url))

  const statuses = new Map<string, Map<number, number>>()
  const fieldsSeen = new Map<string, Map<string, Set<string>>>()
  const submitted = new Set<string>()
  for (let round = 0; round < 3 && submitted.size < formRoutes.length; round++) {
    const forms = await crawl(t.app, admin, routes, seeds, { findings, kinds })
    for (const [formNo, route] of formRoutes.entries()) {
      if (submitted.has(route.url)) continue
      const found = forms.filter((f) => routeOf([route], 'POST', f.action.split('?')[0]))
      if (found.length === 0) continue
      submitted.add(route.url)
      // Forms that share an action (one per signature step) are each filled; the page is read again before
      // every submission so hidden versions and the workflow's next step are current.
      const variants = new Map(found.map((f) => [f.fields.map((x) => `${x.name}=${x.name === 'step' ? x.value : ''}`).join('&'), f]))
      for (const first of variants.values()) {
        const fields = textFields(route.form!).filter((f) => first.fields.some((x) => x.name === f.name))
        if (fields.length === 0) continue
        for (const texts of plan(fields, formNo)) {
          const page = await admin.get(first.page)
          const { forms: fresh } = pageParts(page.body, first.page)
          const form =
            fresh.find(
              (f) =>
                f.action === first.action &&
                f.fields.map((x) => `${x.name}=${x.name === 'step' ? x.value : ''}`).join('&') === [...variants.entries()].find(([, v]) => v === first)![0],
            ) ?? first
          const res = await submit(admin, route, form, texts)
          const byStatus = statuses.get(route.url) ?? new Map<number, number>()
          byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1)
          statuses.set(route.url, byStatus)
          const seen = fieldsSeen.get(route.url) ?? new Map<string, Set<string>>()
          for (const [name, ps] of texts) for (const p of ps) seen.set(name, (seen.get(name) ?? new Set()).add(p))
          fieldsSeen.set(route.url, seen)
          findings.push(...(await findingsOf(res, `POST ${route.url}`)))
          if (process.env.DEBUG_XSS && res.statusCode >= 400)
            console.log(
              'DBG',
              route.url,
              res.statusCode,
              JSON.stringify(form.fields.map((f) => [f.name, f.value.slice(0, 20)])),
              (res.body.match(/<a href="#[^"]+">[^<]+|<title>[^<]+|"detail":"[^"]+/g) ?? []).join(' | ').slice(0, 400),
            )
          const next = res.statusCode === 303 ? followable(String(res.headers.location)) : undefined
          if (next) findings.push(...(await findingsOf(await admin.get(next), `GET ${next} after POST ${route.url}`)))
        }
      }
    }
  }
  // Everything once more, now that the payloads are stored: lists, the audit log and its CSV, exports, calendars.
  const visited = new Set<string>()
  await crawl(t.app, admin, routes, seeds, { findings, kinds, visited, perRoute: 4 })
  // Every export was read after the payloads were stored: each CSV, ICS and page route answered 200 at least once.
  const exports = routes.filter((r) => r.method === 'GET' && /\.(csv|ics)$/.test(r.url) && r.policy !== 'public').map((r) => r.url)
  assert.deepEqual(
    exports.filter((u) => !visited.has(u)),
    [],
    'every CSV and ICS export was checked',
  )

  const notReached = formRoutes.filter((r) => !submitted.has(r.url)).map((r) => r.url)
  assert.deepEqual(notReached, [], 'every form with text fields was found on a page and submitted')
  // Changing one's password needs the current one: every submission is refused and re-rendered
  // (checked above); a password is never shown again, so there is nothing stored to look at.
  const neverSaved = [...statuses]
    .filter(([url, s]) => url !== '/account/password' && !s.has(303) && !s.has(200))
    .map(([url, s]) => `${url}: ${JSON.stringify([...s])}`)
  assert.deepEqual(neverSaved, [], 'every form accepted its payloads at least once (else nothing was stored to show)')
  for (const r of formRoutes) {
    const seen = fieldsSeen.get(r.url)!
    const union = new Set([...seen.values()].flatMap((s) => [...s]))
    assert.equal(union.size, PAYLOADS.length, `${r.url}: every payload reached a field`)
    for (const [name, ps] of seen) assert.ok(ps.size >= 10 || ps.size >= PAYLOADS.filter((p) => p.length < 50).length, `${r.url} ${name}: ${ps.size} payloads`)
  }
  for (const kind of ['text/html', 'text/csv', 'text/calendar']) assert.ok(kinds.get(kind), `no ${kind} response was checked`)
  assert.deepEqual(findings, [])
})
