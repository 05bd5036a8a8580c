/**
 * What a user has to do with meetings, for the home page's to-do list (issue 6 E11): the coming
 * meetings of the bodies that concern them, and the minutes waiting for them to justera.
 */
import { and, asc, eq, exists, gt, inArray, ne, or, sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { bodies, seats } from '../bodies/bodies.tables.ts'
import { collaborationParties, collaborations } from '../collaborations/collaborations.tables.ts'
import { viewerOf } from '../collaborations/index.ts'
import { pendingForEmail } from './justering.repo.ts'
import { meetings } from './meetings.tables.ts'

export interface MeetingTodo {
  meetingId: string
  title: string
  bodyId: string
  bodyName: string
  startsAt: Date
  endsAt: Date
  place: string
  /** The meeting's page. */
  href: string
}

export interface MeetingTodos {
  /** Coming meetings (not cancelled), soonest first: of the bodies where the user's party has a seat, or that they convene or coordinate. */
  upcoming: MeetingTodo[]
  /** Minutes sent for justering where the user (by their e-mail address) is a justerare who has not yet justerat; each links to the justering page. */
  toJustera: MeetingTodo[]
}

const UPCOMING_LIMIT = 10

export async function meetingTodos(deps: Deps, actor: Actor | undefined): Promise<MeetingTodos> {
  if (!actor) return { upcoming: [], toJustera: [] }
  const viewer = viewerOf(actor)
  const orgs = viewer.organisationIds.length ? viewer.organisationIds : ['00000000-0000-0000-0000-000000000000']
  const editorOrgs = actor.roles.filter((r) => r.role === 'editor').map((r) => r.organisationId)
  const concerns = viewer.admin
    ? undefined
    : or(
        exists(
          deps.db
            .select({ one: sql`1` })
            .from(seats)
            .where(and(eq(seats.bodyId, bodies.id), inArray(seats.organisationId, orgs), sql`(${seats.validTo} is null or ${seats.validTo} >= current_date)`)),
        ),
        viewer.coordinatorOf.length ? inArray(collaborations.organisationId, viewer.coordinatorOf) : sql`false`,
        editorOrgs.length
          ? exists(
              deps.db
                .select({ one: sql`1` })
                .from(collaborationParties)
                .where(
                  and(
                    eq(collaborationParties.collaborationId, bodies.collaborationId),
                    eq(collaborationParties.isConvenor, true),
                    inArray(collaborationParties.organisationId, editorOrgs),
                  ),
                ),
            )
          : sql`false`,
      )
  const rows = await deps.db
    .select({ m: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(collaborations, eq(collaborations.id, bodies.collaborationId))
    .where(and(gt(meetings.endsAt, new Date()), ne(meetings.status, 'cancelled'), concerns))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(UPCOMING_LIMIT)
  const upcoming = rows.map(({ m, bodyName }) => ({
    meetingId: m.id,
    title: m.title,
    bodyId: m.bodyId,
    bodyName,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    href: `/meetings/${m.id}`,
  }))
  const pending = await pendingForEmail(deps.db, actor.email)
  const toJustera = pending.map((p) => ({ ...p, href: `/meetings/${p.meetingId}/justering` }))
  return { upcoming, toJustera }
}
