import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Visibility } from '../collaborations/index.ts'
import type { EvalAttendance, EvalBody, EvalMeeting, EvalParty, EvalRule, EvalSeat } from './compliance.evaluate.ts'

/*
 * Read-only reporting queries over the collaboration, bodies, seats and meetings tables (allowed by
 * the architecture for reports). Dates are cast to text so both drivers hand back 'YYYY-MM-DD'
 * strings rather than Date objects in the server's time zone.
 */

export interface CollaborationRow {
  id: string
  name: string
  shortName: string
  organisationId: string
  periodStart: string
  periodEnd: string
}

export async function findCollaboration(db: Db, id: string): Promise<CollaborationRow | undefined> {
  const [row] = await queryRows<CollaborationRow>(
    db,
    sql`select id, name, short_name as "shortName", organisation_id as "organisationId",
               period_start::text as "periodStart", period_end::text as "periodEnd"
        from collaborations where id = ${id}`,
  )
  return row
}

export interface RuleRow extends EvalRule {
  id: string
  version: number
}

/** Every configured rule, switched off ones too (the rules page shows them all). */
export async function rules(db: Db, collaborationId: string): Promise<RuleRow[]> {
  return queryRows<RuleRow>(
    db,
    sql`select id, kind, params, enabled, party_kinds as "partyKinds", applies_from::text as "appliesFrom", deadline_mode as "deadlineMode",
               deadline_months as "deadlineMonths", source_quote as "sourceQuote", version
        from compliance_rules where collaboration_id = ${collaborationId}`,
  )
}

export interface PartyRow extends EvalParty {
  /** The party's record on the newest declaration version it has one on (for the "record signature" link). */
  signatureId: string | null
}

/**
 * Parties still in the collaboration today (a party that has left carries no commitments), each with
 * its decision: the status on the newest version it has a record on, and the first day it signed any
 * version (a new version does not restart the commitments of a party that signed an earlier one).
 */
export async function activeParties(db: Db, collaborationId: string, today: string): Promise<PartyRow[]> {
  return queryRows<PartyRow>(
    db,
    sql`select o.id as "organisationId", o.name, o.kind, cp.joined_on::text as "joinedOn",
               latest.id as "signatureId", latest.status as "signatureStatus", first_signed.signed_on::text as "signedOn"
        from collaboration_parties cp join organisations o on o.id = cp.organisation_id
        left join lateral (
          select ps.id, ps.status from party_signatures ps join declaration_versions dv on dv.id = ps.declaration_version_id
          where dv.collaboration_id = cp.collaboration_id and ps.organisation_id = cp.organisation_id
          order by dv.version_no desc limit 1
        ) latest on true
        left join lateral (
          select min(ps.signed_on) as signed_on from party_signatures ps join declaration_versions dv on dv.id = ps.declaration_version_id
          where dv.collaboration_id = cp.collaboration_id and ps.organisation_id = cp.organisation_id and ps.signed_on is not null
        ) first_signed on true
        where cp.collaboration_id = ${collaborationId} and (cp.left_on is null or cp.left_on >= ${today}::date)`,
  )
}

export interface Visible {
  visibility: Visibility
  /** The owner whose own users see an `organisation` record. */
  ownerId: string
}
export type BodyRow = EvalBody & Visible
export type SeatRow = EvalSeat & Visible

/** The bodies the rules look at, and every seat in them (ended ones too: history counts), with their visibility. */
export async function bodiesAndSeats(db: Db, collaborationId: string): Promise<{ bodies: BodyRow[]; seats: SeatRow[] }> {
  const rows = await queryRows<
    EvalBody & { bodyVisibility: Visibility; bodyOwner: string; seatId: string | null; seatVisibility: Visibility } & Omit<EvalSeat, 'id' | 'bodyId'>
  >(
    db,
    sql`select b.id, b.kind, b.name, b.visibility as "bodyVisibility", b.organisation_id as "bodyOwner",
               s.id as "seatId", s.organisation_id as "organisationId", s.level, s.membership, s.visibility as "seatVisibility",
               s.valid_from::text as "validFrom", s.valid_to::text as "validTo"
        from bodies b left join seats s on s.body_id = b.id
        where b.collaboration_id = ${collaborationId} and b.kind in ('steering', 'working_group')`,
  )
  const bodies = new Map<string, BodyRow>()
  const seats: SeatRow[] = []
  for (const r of rows) {
    bodies.set(r.id, { id: r.id, kind: r.kind, name: r.name, visibility: r.bodyVisibility, ownerId: r.bodyOwner })
    if (r.seatId) {
      seats.push({
        id: r.seatId,
        bodyId: r.id,
        organisationId: r.organisationId,
        level: r.level,
        membership: r.membership,
        validFrom: r.validFrom,
        validTo: r.validTo,
        visibility: r.seatVisibility,
        ownerId: r.organisationId,
      })
    }
  }
  return { bodies: [...bodies.values()], seats }
}

/** The steering body's meetings held since `from` (not cancelled, already begun) and their attendance. */
export async function steeringMeetings(db: Db, collaborationId: string, from: Date): Promise<{ meetings: EvalMeeting[]; attendance: EvalAttendance[] }> {
  const meetings = await queryRows<{ id: string; bodyId: string; startsAt: string | Date; status: string }>(
    db,
    sql`select m.id, m.body_id as "bodyId", m.starts_at as "startsAt", m.status
        from meetings m join bodies b on b.id = m.body_id
        where b.collaboration_id = ${collaborationId} and b.kind = 'steering'
          and m.status <> 'cancelled' and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < now()`,
  )
  const attendance = await queryRows<EvalAttendance>(
    db,
    sql`select a.meeting_id as "meetingId", a.seat_id as "seatId", a.status
        from meeting_attendance a join meetings m on m.id = a.meeting_id join bodies b on b.id = m.body_id
        where b.collaboration_id = ${collaborationId} and b.kind = 'steering'
          and m.status <> 'cancelled' and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < now()`,
  )
  return { meetings: meetings.map((m) => ({ ...m, startsAt: new Date(m.startsAt) })), attendance }
}
