/**
 * Test data for the meetings tests until the ÖTMB reference load exists: a collaboration owned by
 * Länsstyrelsen Östergötland with Linköping, Norrköping and the länsstyrelse as parties, a steering
 * body, people with seats and meetings. Inserted directly: these are fixtures, not the behaviour under test.
 */
import { randomBytes } from 'node:crypto'
import type { Deps } from '../../platform/deps.ts'
import { bodies, people, seats } from '../bodies/bodies.tables.ts'
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { meetings } from './meetings.tables.ts'
import { stockholmInstant } from './meetings.time.ts'
import type { TestBrowser } from '../../test-support/browser.ts'

export const PARTY_CODES = ['lansstyrelsen-05', 'kommun-0580', 'kommun-0581'] as const

export async function orgId(deps: Deps, code: string): Promise<string> {
  const org = await findOrganisationByCode(deps.db, code)
  if (!org) throw new Error(`No organisation ${code}`)
  return org.id
}

export interface BuiltCollaboration {
  collaborationId: string
  bodyId: string
  ownerId: string
}

/** Länsstyrelsen convenes; `parties` adds more (the police as a convening party, say). */
export async function buildCollaboration(
  deps: Deps,
  overrides: { bodyName?: string; parties?: { code: string; convenor?: boolean }[] } = {},
): Promise<BuiltCollaboration> {
  const ownerId = await orgId(deps, 'lansstyrelsen-05')
  const [c] = await deps.db
    .insert(collaborations)
    .values({
      code: `test-${randomBytes(4).toString('hex')}`,
      name: 'Östergötland tillsammans mot brott',
      shortName: 'ÖTMB',
      countyCode: '05',
      periodStart: '2022-01-01',
      periodEnd: '2027-12-31',
      organisationId: ownerId,
    })
    .returning()
  for (const code of PARTY_CODES) {
    await deps.db
      .insert(collaborationParties)
      .values({ collaborationId: c.id, organisationId: await orgId(deps, code), isConvenor: code === 'lansstyrelsen-05' })
  }
  for (const p of overrides.parties ?? []) {
    await deps.db.insert(collaborationParties).values({ collaborationId: c.id, organisationId: await orgId(deps, p.code), isConvenor: !!p.convenor })
  }
  const bodyId = await buildBody(deps, c.id, ownerId, overrides.bodyName ?? 'Styrgrupp')
  return { collaborationId: c.id, bodyId, ownerId }
}

export async function buildBody(deps: Deps, collaborationId: string, ownerId: string, name: string): Promise<string> {
  const [b] = await deps.db.insert(bodies).values({ collaborationId, kind: 'steering', name, organisationId: ownerId, visibility: 'public' }).returning()
  return b.id
}

export interface BuiltSeat {
  seatId: string
  personId: string
  partyId: string
}

/** A person (with an e-mail unless told otherwise) holding a seat for a party in a body. */
export async function buildSeat(
  deps: Deps,
  o: { bodyId: string; partyCode: string; name: string; email?: string | null; level?: 'chief' | 'official'; validFrom?: string; validTo?: string | null },
): Promise<BuiltSeat> {
  const partyId = await orgId(deps, o.partyCode)
  const email = o.email === undefined ? `${o.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@example.se` : o.email
  const [p] = await deps.db.insert(people).values({ name: o.name, organisationId: partyId, email }).returning()
  const level = o.level ?? 'chief'
  const [s] = await deps.db
    .insert(seats)
    .values({
      bodyId: o.bodyId,
      personId: p.id,
      organisationId: partyId,
      level,
      validFrom: o.validFrom ?? '2022-01-01',
      validTo: o.validTo ?? null,
      visibility: level === 'chief' ? 'public' : 'partners',
    })
    .returning()
  return { seatId: s.id, personId: p.id, partyId }
}

/** A meeting at a Stockholm date and time (default 13:00–15:00). */
export async function buildMeeting(deps: Deps, o: { bodyId: string; date: string; start?: string; end?: string; title?: string }): Promise<string> {
  const [m] = await deps.db
    .insert(meetings)
    .values({
      bodyId: o.bodyId,
      title: o.title ?? `Möte ${o.date}`,
      startsAt: stockholmInstant(o.date, o.start ?? '13:00'),
      endsAt: stockholmInstant(o.date, o.end ?? '15:00'),
      place: 'Länsstyrelsen, Linköping',
    })
    .returning()
  return m.id
}

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''

/**
 * Justering through the pages, the way a secretary records a paper justering: the seat present,
 * minutes text and a § (unless there already are), sent for justering to that seat, recorded today.
 * For tests that need locked minutes; the justering rules themselves are tested in justering.test.ts.
 */
export async function justeraOnPaper(b: TestBrowser, meetingId: string, seatId: string): Promise<void> {
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode !== 303) throw new Error(`${what}: ${res.statusCode}\n${res.body.slice(0, 2000)}`)
  }
  ok(await b.post(`/meetings/${meetingId}/attendance`, { [`status_${seatId}`]: 'present' }), 'attendance')
  const page = await b.get(`/meetings/${meetingId}`)
  if (!/<h3[^>]*>§ \d+/.test(page.body))
    ok(await b.post(`/meetings/${meetingId}/decisions/new`, { title: 'Lägesbild', decisionText: 'Lägesbilden godkänns.' }), 'decision')
  const minutes = await b.get(`/meetings/${meetingId}/minutes`)
  if (!/<textarea[^>]*>[^<]+<\/textarea>/.test(minutes.body))
    ok(await b.post(`/meetings/${meetingId}/minutes`, { minutesText: 'Mötet öppnades.', version: versionIn(minutes.body) }), 'minutes')
  ok(
    await b.post(`/meetings/${meetingId}/justering`, { justerare: seatId, version: versionIn((await b.get(`/meetings/${meetingId}/justering`)).body) }),
    'request',
  )
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })
  ok(
    await b.post(`/meetings/${meetingId}/justering/record`, { justeradOn: today, version: versionIn((await b.get(`/meetings/${meetingId}/justering`)).body) }),
    'record',
  )
}
