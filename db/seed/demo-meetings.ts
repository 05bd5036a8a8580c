/**
 * Demo mode: styrgrupp and beredningsgrupp meetings from the start of the year before last up to today
 * (issue 6 F19: two years and more), with
 * attendance from the demo seats, minutes with numbered decisions (§), action items and justering;
 * the next meeting of each body; and the latest beredningsgrupp meeting waiting for its second
 * justerare, the police's kommunpolis, whose person has the demo account polisen@demo.test — so that
 * account has minutes to justera on its home page.
 *
 * Dates follow a fixed rule (styrgrupp the second Wednesday of four months, beredningsgrupp the
 * first Tuesday of eight), so they are the same whichever day the data is seeded; which of them are
 * past depends on the seeding day. Insert-if-missing by body and start time: a restart the same day
 * writes nothing, a restart later only adds the meetings that have come into the window since.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { bodies, people, seats } from '../../src/features/bodies/bodies.tables.ts'
import { collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { actionItems, agendaItems, attendance, meetingDecisions, meetingJusterare, meetings } from '../../src/features/meetings/meetings.tables.ts'
import { stockholmInstant } from '../../src/features/meetings/meetings.time.ts'
import { type MeetingTemplate, PREPARATION, PREPARATION_MONTHS, STEERING, STEERING_MONTHS } from './demo-meetings.data.ts'
import { OTMB_CODE } from './otmb.ts'

/** The e-mail of the justerare the pending minutes wait for (the person's, as the demo account's). */
export const PENDING_JUSTERARE_EMAIL = 'polisen@demo.test'

const iso = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86400000))

/** The n-th (1-based) weekday (0 = Sunday) of a month, as YYYY-MM-DD. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1, 12))
  const offset = (weekday - first.getUTCDay() + 7) % 7
  return iso(new Date(Date.UTC(year, month - 1, 1 + offset + (n - 1) * 7, 12)))
}

/** Meeting days from `from` (inclusive): every past one up to yesterday and the first from today on. */
function schedule(months: number[], weekday: number, n: number, from: string, today: string): { past: string[]; next: string } {
  const days: string[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)) + 1; y++) for (const m of months) days.push(nthWeekday(y, m, weekday, n))
  const sorted = days.filter((d) => d >= from).sort()
  return { past: sorted.filter((d) => d < today), next: sorted.find((d) => d >= today)! }
}

interface BodyPlan {
  id: string
  kind: 'steering' | 'preparation'
  title: string
  start: string
  end: string
  place: (i: number) => string
  template: (day: string, i: number) => MeetingTemplate
}

interface SeatRow {
  seatId: string
  personId: string
  name: string
  email: string | null
  role: string
  validFrom: string
  validTo: string | null
}

async function seatsOf(tx: Db, bodyId: string): Promise<SeatRow[]> {
  return tx
    .select({
      seatId: seats.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      role: seats.role,
      validFrom: seats.validFrom,
      validTo: seats.validTo,
    })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .where(and(eq(seats.bodyId, bodyId), eq(seats.membership, 'ordinary')))
    .orderBy(asc(seats.validFrom), asc(people.name))
}

async function nextParagraph(tx: Db, bodyId: string, year: number): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`coalesce(max(${meetingDecisions.paragraph}), 0)::int` })
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.bodyId, bodyId), eq(meetingDecisions.year, year)))
  return Number(r.n) + 1
}

/** One past meeting with everything a held meeting has; `pending` leaves the second justerare waiting. */
async function pastMeeting(tx: Db, plan: BodyPlan, day: string, i: number, allSeats: SeatRow[], pending: boolean): Promise<void> {
  const t = plan.template(day, i)
  const startsAt = stockholmInstant(day, plan.start)
  const endsAt = stockholmInstant(day, plan.end)
  const length = Math.round((endsAt.getTime() - startsAt.getTime()) / 60000)
  const onDay = allSeats.filter((s) => s.validFrom <= day && (!s.validTo || s.validTo >= day))
  // A few absences, the same ones every time the data is made; the chair, the secretary and the pending justerare are always there.
  const present = onDay.filter((s, k) => (k + i) % 6 !== 3 || s.email === PENDING_JUSTERARE_EMAIL || s.role === 'chair' || s.role === 'secretary')
  const candidates = present.filter((s) => s.role !== 'chair' && s.role !== 'secretary')
  const justerare = pending
    ? [candidates.find((s) => s.email !== PENDING_JUSTERARE_EMAIL)!, candidates.find((s) => s.email === PENDING_JUSTERARE_EMAIL)!].filter(Boolean)
    : [candidates[i % candidates.length], candidates[(i + 1) % candidates.length]].filter((s, k, all) => s && all.indexOf(s) === k)
  // A week after the meeting, or today for the most recent ones: never in the future.
  const today = formatIsoDate(new Date())
  const justeradOn = addDays(day, 7) < today ? addDays(day, 7) : today
  const [m] = await tx
    .insert(meetings)
    .values({
      bodyId: plan.id,
      title: `${plan.title} ${day}`,
      startsAt,
      endsAt,
      place: plan.place(i),
      status: 'held',
      minutesText: t.minutes,
      justeringRequestedAt: stockholmInstant(addDays(day, 1), '10:00'),
      minutesApprovedAt: pending ? null : stockholmInstant(justeradOn, '16:00'),
      minutesApprovedBy: pending ? null : justerare.map((j) => j.name).join(', '),
    })
    .returning({ id: meetings.id })
  await tx.insert(agendaItems).values(t.agenda.map((title, position) => ({ meetingId: m.id, position: position + 1, title })))
  if (onDay.length)
    await tx.insert(attendance).values(
      onDay.map((s) => {
        const here = present.includes(s)
        return { meetingId: m.id, seatId: s.seatId, status: here ? ('present' as const) : ('absent' as const), minutesContributed: here ? length : 0 }
      }),
    )
  const year = Number(day.slice(0, 4))
  let paragraph = await nextParagraph(tx, plan.id, year)
  for (const d of t.decisions) {
    await tx.insert(meetingDecisions).values({ meetingId: m.id, bodyId: plan.id, year, paragraph: paragraph++, title: d.title, decisionText: d.text })
  }
  // Older action items are done; the last few are still being worked on (they show as follow-ups).
  const owner = present[(i * 3) % Math.max(present.length, 1)]
  const recent = day >= addDays(today, -120)
  await tx.insert(actionItems).values({
    meetingId: m.id,
    bodyId: plan.id,
    title: t.action,
    ownerPersonId: owner?.personId ?? null,
    ownerName: owner ? null : 'Sekreteraren',
    dueOn: addDays(day, 60),
    status: recent ? (pending ? 'open' : 'in_progress') : 'done',
    doneAt: recent ? null : stockholmInstant(addDays(day, 50), '12:00'),
  })
  await tx.insert(meetingJusterare).values(
    justerare.map((j, k) => {
      const waiting = pending && j.email === PENDING_JUSTERARE_EMAIL
      return {
        meetingId: m.id,
        seatId: j.seatId,
        personId: j.personId,
        name: j.name,
        position: k + 1,
        method: waiting ? null : ('recorded' as const),
        justeradOn: waiting ? null : pending ? addDays(day, 2) : justeradOn,
        confirmedAt: waiting ? null : stockholmInstant(pending ? addDays(day, 2) : justeradOn, '15:00'),
      }
    }),
  )
}

async function upcomingMeeting(tx: Db, plan: BodyPlan, day: string, i: number): Promise<void> {
  const t = plan.template(day, i)
  const [m] = await tx
    .insert(meetings)
    .values({
      bodyId: plan.id,
      title: `${plan.title} ${day}`,
      startsAt: stockholmInstant(day, plan.start),
      endsAt: stockholmInstant(day, plan.end),
      place: plan.place(i),
    })
    .returning({ id: meetings.id })
  await tx.insert(agendaItems).values(t.agenda.map((title, position) => ({ meetingId: m.id, position: position + 1, title })))
}

export async function loadDemoMeetings(deps: Deps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_meetings'))`)
    const [c] = await tx
      .select({ id: collaborations.id, organisationId: collaborations.organisationId })
      .from(collaborations)
      .where(eq(collaborations.code, OTMB_CODE))
    if (!c) return 0
    const bodyRows = await tx.select({ id: bodies.id, kind: bodies.kind }).from(bodies).where(eq(bodies.collaborationId, c.id))
    const steering = bodyRows.find((b) => b.kind === 'steering')
    const preparation = bodyRows.find((b) => b.kind === 'preparation')
    const today = formatIsoDate(new Date())
    // From the start of the year before last: the adopted demo yearly report (that year's) has its meetings.
    const from = `${Number(today.slice(0, 4)) - 2}-01-01`
    const plans: (BodyPlan & { months: number[]; weekday: number; n: number })[] = []
    if (steering)
      plans.push({
        id: steering.id,
        kind: 'steering',
        title: 'Styrgruppsmöte',
        start: '13:00',
        end: '15:00',
        place: () => 'Länsstyrelsen Östergötland, Linköping',
        template: (day) => STEERING[Number(day.slice(5, 7))],
        months: STEERING_MONTHS,
        weekday: 3,
        n: 2,
      })
    if (preparation)
      plans.push({
        id: preparation.id,
        kind: 'preparation',
        title: 'Beredningsgruppsmöte',
        start: '09:00',
        end: '11:30',
        place: (i) => (i % 2 ? 'Digitalt möte' : 'Polishuset, Linköping'),
        template: (_day, i) => PREPARATION[i % PREPARATION.length],
        months: PREPARATION_MONTHS,
        weekday: 2,
        n: 1,
      })
    let written = 0
    for (const plan of plans) {
      const existing = new Set(
        (await tx.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.bodyId, plan.id))).map((m) => m.startsAt.toISOString()),
      )
      const allSeats = await seatsOf(tx, plan.id)
      const { past, next } = schedule(plan.months, plan.weekday, plan.n, from, today)
      const isNew = (day: string) => !existing.has(stockholmInstant(day, plan.start).toISOString())
      for (const [i, day] of past.entries()) {
        if (!isNew(day)) continue
        const pending = plan.kind === 'preparation' && i === past.length - 1 && allSeats.some((s) => s.email === PENDING_JUSTERARE_EMAIL)
        await pastMeeting(tx, plan, day, i, allSeats, pending)
        written++
      }
      if (isNew(next)) {
        await upcomingMeeting(tx, plan, next, past.length)
        written++
      }
    }
    if (written > 0) {
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        {
          action: 'reference.demo_loaded',
          entityType: 'collaboration',
          entityId: c.id,
          organisationId: c.organisationId,
          after: { written, part: 'meetings' },
        },
      )
    }
    return written
  })
}
