import { randomBytes } from 'node:crypto'
import type { Deps } from '../../platform/deps.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { complianceRules } from '../compliance/compliance.tables.ts'
import { declarationVersions, partySignatures } from '../declarations/declarations.tables.ts'
import { attendance, meetings } from '../meetings/meetings.tables.ts'
import { bodies, people, seats } from './bodies.tables.ts'

/**
 * Test data for seats and compliance, built straight into the tables so the tests do not depend
 * on the ÖTMB reference load. Parents are created when missing.
 */

export interface TestCollaboration {
  id: string
  ownerId: string
  /** Organisation ids by code (kommun-0580 …). */
  org: Record<string, string>
  steeringId: string
  workingGroupId: string
  preparationId: string
}

export const DEFAULT_PARTIES = ['lansstyrelsen-05', 'kommun-0580', 'kommun-0581', 'polisomrade-ostergotland', 'region-ostergotland']

export async function orgId(deps: Deps, code: string): Promise<string> {
  const o = await findOrganisationByCode(deps.db, code)
  if (!o) throw new Error(`No organisation ${code}`)
  return o.id
}

export async function buildCollaboration(
  deps: Deps,
  opts: {
    parties?: string[]
    periodStart?: string
    periodEnd?: string
    rules?: boolean
    attendanceParams?: Record<string, number>
    /** Every party signed version 1 of the declaration on this day (commitments start at the signature). */
    signedOn?: string
  } = {},
): Promise<TestCollaboration> {
  const codes = opts.parties ?? DEFAULT_PARTIES
  const org: Record<string, string> = {}
  for (const code of codes) org[code] = await orgId(deps, code)
  const ownerId = org['lansstyrelsen-05'] ?? (await orgId(deps, 'lansstyrelsen-05'))
  const [c] = await deps.db
    .insert(collaborations)
    .values({
      code: `test-${randomBytes(4).toString('hex')}`,
      name: 'Östergötland tillsammans mot brott (test)',
      shortName: 'ÖTMB',
      countyCode: '05',
      periodStart: opts.periodStart ?? '2022-01-01',
      periodEnd: opts.periodEnd ?? '2027-12-31',
      organisationId: ownerId,
    })
    .returning()
  await deps.db
    .insert(collaborationParties)
    .values(codes.map((code) => ({ collaborationId: c.id, organisationId: org[code], isConvenor: code === 'lansstyrelsen-05' })))
  const body = async (kind: 'steering' | 'working_group' | 'preparation', name: string) =>
    (await deps.db.insert(bodies).values({ collaborationId: c.id, kind, name, organisationId: ownerId }).returning())[0].id
  const steeringId = await body('steering', 'Styrgrupp')
  const preparationId = await body('preparation', 'Beredningsgrupp')
  const workingGroupId = await body('working_group', 'Arbetsgrupp trygghet')
  if (opts.rules !== false) {
    await deps.db.insert(complianceRules).values([
      { collaborationId: c.id, kind: 'working_group_official', partyKinds: ['municipality'] },
      { collaborationId: c.id, kind: 'steering_chief', deadlineMode: 'immediate' },
      { collaborationId: c.id, kind: 'steering_attendance', deadlineMode: 'immediate', params: opts.attendanceParams ?? { thresholdPercent: 50, months: 12 } },
    ])
  }
  if (opts.signedOn) {
    const [v] = await deps.db.insert(declarationVersions).values({ collaborationId: c.id, versionNo: 1, title: 'Programförklaring (test)' }).returning()
    await deps.db
      .insert(partySignatures)
      .values(codes.map((code) => ({ declarationVersionId: v.id, organisationId: org[code], status: 'signed' as const, signedOn: opts.signedOn })))
  }
  return { id: c.id, ownerId, org, steeringId, workingGroupId, preparationId }
}

export async function buildPerson(deps: Deps, organisationId: string, name = `Person ${randomBytes(3).toString('hex')}`) {
  const [p] = await deps.db.insert(people).values({ name, organisationId, title: 'Samordnare' }).returning()
  return p
}

export async function buildSeat(
  deps: Deps,
  values: { bodyId: string; personId: string; organisationId: string } & Partial<
    Pick<typeof seats.$inferInsert, 'level' | 'membership' | 'role' | 'validFrom' | 'validTo' | 'visibility'>
  >,
) {
  const level = values.level ?? 'official'
  const [s] = await deps.db
    .insert(seats)
    .values({ validFrom: '2022-01-01', visibility: level === 'chief' ? 'public' : 'partners', ...values, level })
    .returning()
  return s
}

/** A held meeting of a body, `daysAgo` days back, with the given seats' attendance. */
export async function buildMeeting(
  deps: Deps,
  bodyId: string,
  daysAgo: number,
  present: { seatId: string; status?: 'present' | 'absent' | 'substitute_present' }[] = [],
  status: 'planned' | 'held' | 'cancelled' = 'held',
) {
  let startsAt = new Date(Date.now() - daysAgo * 86_400_000)
  // A two-hour meeting must not run past midnight in Sweden: the meeting form has one date, so such a
  // fixture could never be saved again (the test would depend on the hour it runs). Earlier stays past.
  const hour = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(startsAt))
  if (hour >= 22) startsAt = new Date(startsAt.getTime() - 3 * 3_600_000)
  const [m] = await deps.db
    .insert(meetings)
    .values({ bodyId, title: 'Möte', startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), status })
    .returning()
  if (present.length) await deps.db.insert(attendance).values(present.map((p) => ({ meetingId: m.id, seatId: p.seatId, status: p.status ?? 'present' })))
  return m
}
