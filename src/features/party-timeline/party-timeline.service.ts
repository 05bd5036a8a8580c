import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { seatSpansOfCollaboration } from '../bodies/index.ts'
import { getCollaboration, listParties } from '../collaborations/index.ts'
import { signingsOfCollaboration } from '../declarations/index.ts'
import { partyPlanHistory } from '../plans/index.ts'

/** One dated thing a party did in the collaboration. */
export type TimelineEvent =
  | { kind: 'joined'; date: string }
  | { kind: 'left'; date: string }
  | { kind: 'signed'; date: string; versionNo: number }
  | { kind: 'seat'; date: string; bodyId: string; bodyName: string }
  | { kind: 'planAdopted'; date: string; planId: string; planKind: string; title: string }

export interface PartyTimeline {
  organisationId: string
  name: string
  isConvenor: boolean
  /** Dated events within the collaboration's period, oldest first. */
  events: TimelineEvent[]
  /** Follow-up entries on the party's plans per year of the period (years without any are absent). */
  followUps: { year: number; entries: number }[]
}

export interface CollaborationTimeline {
  collaboration: { id: string; name: string; periodStart: string; periodEnd: string }
  /** The period's years, 2022 … 2027 for ÖTMB. */
  years: number[]
  parties: PartyTimeline[]
}

/**
 * The evaluation's timeline 2022–2027 per party (issue 10 §6): when it joined and signed, took its
 * seats (the first seat per body taken within the period), had its plans adopted, and how many follow-up entries it made per
 * year. Each source filters by what the actor may see: signatures for partners only, bodies and
 * seats by their visibility, plans by the plans policy. A collaboration the actor may not see is a
 * 404. @throws NotFoundError
 */
export async function partyTimeline(deps: Deps, actor: Actor | undefined, collaborationId: string): Promise<CollaborationTimeline> {
  const { collaboration: c } = await getCollaboration(deps, actor, collaborationId)
  const first = Number(c.periodStart.slice(0, 4))
  const last = Number(c.periodEnd.slice(0, 4))
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)
  const inPeriod = (date: string | null | undefined): date is string => !!date && date >= c.periodStart && date <= c.periodEnd
  const [parties, signings, seats] = await Promise.all([
    listParties(deps.db, c.id, { former: true }),
    signingsOfCollaboration(deps, actor, c.id),
    seatSpansOfCollaboration(deps, actor, c.id),
  ])
  const result: PartyTimeline[] = []
  for (const p of sortBySv(parties, (x) => x.name)) {
    const events: TimelineEvent[] = []
    if (inPeriod(p.joinedOn)) events.push({ kind: 'joined', date: p.joinedOn })
    if (inPeriod(p.leftOn)) events.push({ kind: 'left', date: p.leftOn })
    for (const s of signings)
      if (s.organisationId === p.organisationId && inPeriod(s.signedOn)) events.push({ kind: 'signed', date: s.signedOn, versionNo: s.versionNo })
    const firstSeat = new Map<string, { date: string; bodyName: string }>()
    for (const s of seats) {
      // A seat taken before the period began is no joining within it.
      if (s.organisationId !== p.organisationId || !inPeriod(s.validFrom)) continue
      const seen = firstSeat.get(s.bodyId)
      if (!seen || s.validFrom < seen.date) firstSeat.set(s.bodyId, { date: s.validFrom, bodyName: s.bodyName })
    }
    for (const [bodyId, s] of firstSeat) events.push({ kind: 'seat', date: s.date, bodyId, bodyName: s.bodyName })
    const plans = await partyPlanHistory(deps, actor, p.organisationId)
    for (const pl of plans.adopted)
      if (inPeriod(pl.adoptedOn)) events.push({ kind: 'planAdopted', date: pl.adoptedOn, planId: pl.id, planKind: pl.kind, title: pl.title })
    events.sort((a, b) => a.date.localeCompare(b.date))
    result.push({
      organisationId: p.organisationId,
      name: p.name,
      isConvenor: p.isConvenor,
      events,
      followUps: plans.followUpsByYear.filter((f) => f.year >= first && f.year <= last),
    })
  }
  // The convenor first, then the parties in Swedish order.
  result.sort((a, b) => Number(b.isConvenor) - Number(a.isConvenor))
  return { collaboration: { id: c.id, name: c.name, periodStart: c.periodStart, periodEnd: c.periodEnd }, years, parties: result }
}
