import { and, eq, gte, isNull, lte, or } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { bodies, people, seats } from './bodies.tables.ts'

export interface PartySeat {
  bodyId: string
  bodyName: string
  bodyKind: string
  bodyTheme: string | null
  isExample: boolean
  level: string
  role: string
  membership: string
  personTitle: string | null
}

/**
 * The seats one party holds in a collaboration's bodies on a date (for the party's own documents,
 * such as the tjänsteskrivelse naming its representatives by role). Read by the party's editors and
 * the coordinator only, so every visibility is included; the person's name is not returned.
 */
export async function listPartySeats(db: Db, collaborationId: string, organisationId: string, onDate: string): Promise<PartySeat[]> {
  return db
    .select({
      bodyId: bodies.id,
      bodyName: bodies.name,
      bodyKind: bodies.kind,
      bodyTheme: bodies.theme,
      isExample: bodies.isExample,
      level: seats.level,
      role: seats.role,
      membership: seats.membership,
      personTitle: people.title,
    })
    .from(seats)
    .innerJoin(bodies, eq(bodies.id, seats.bodyId))
    .innerJoin(people, eq(people.id, seats.personId))
    .where(
      and(
        eq(bodies.collaborationId, collaborationId),
        eq(seats.organisationId, organisationId),
        lte(seats.validFrom, onDate),
        or(isNull(seats.validTo), gte(seats.validTo, onDate)),
      ),
    )
}
