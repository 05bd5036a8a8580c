import { type SQL, and, asc, desc, eq, gt, ilike, inArray, like, lt, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/types.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import { auditEvents } from '../../platform/audit/audit.tables.ts'

/** Queries over the audit trail; read-only (the table refuses anything but INSERT anyway). */

export interface AuditFilter {
  /** Part of the actor's e-mail or label, any case. */
  actor?: string
  /** An exact code (`session.login`) or a group (`session.*`). */
  action?: string
  entityType?: string
  entityId?: string
  organisationId?: string
  /** ISO dates, as days in Europe/Stockholm; `to` is inclusive. */
  from?: string
  to?: string
  /**
   * The organisations whose events the reader may see (their administration scope); undefined means
   * all. Events that concern no organisation (system, unknown e-mail addresses) are then left out.
   */
  within?: string[]
}

export interface AuditRow {
  seq: number
  /** ISO 8601 in UTC, whatever the server's time zone. */
  occurredAt: string
  actorUserId: string | null
  actorLabel: string
  organisationId: string | null
  action: string
  entityType: string
  entityId: string | null
  requestId: string | null
}

export interface AuditEventFull extends AuditRow {
  before: unknown
  after: unknown
  prevHash: string
  hash: string
}

export const PAGE_SIZE = 50

/** `%` and `_` typed by the user are text, not wildcards (backslash is PostgreSQL's default LIKE escape). */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function conditions(f: AuditFilter): SQL | undefined {
  const e = auditEvents
  return and(
    f.actor ? ilike(e.actorLabel, `%${escapeLike(f.actor)}%`) : undefined,
    f.action?.endsWith('.*') ? like(e.action, `${escapeLike(f.action.slice(0, -1))}%`) : f.action ? eq(e.action, f.action) : undefined,
    f.entityType ? eq(e.entityType, f.entityType) : undefined,
    f.entityId ? eq(e.entityId, f.entityId) : undefined,
    f.organisationId ? eq(e.organisationId, f.organisationId) : undefined,
    f.within ? (f.within.length ? inArray(e.organisationId, f.within) : sql`false`) : undefined,
    // A Stockholm day starts at local midnight: 23:00 or 22:00 UTC the day before, depending on DST.
    // The bounds are constants for the planner, so audit_events_occurred_idx can serve them.
    f.from ? sql`${e.occurredAt} >= (${f.from}::date::timestamp at time zone 'Europe/Stockholm')` : undefined,
    f.to ? sql`${e.occurredAt} < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')` : undefined,
  )
}

const listColumns = {
  seq: auditEvents.seq,
  occurredAt: sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  actorUserId: auditEvents.actorUserId,
  actorLabel: auditEvents.actorLabel,
  organisationId: auditEvents.organisationId,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  requestId: auditEvents.requestId,
}

const fullColumns = { ...listColumns, before: auditEvents.before, after: auditEvents.after, prevHash: auditEvents.prevHash, hash: auditEvents.hash }

export interface AuditPage {
  rows: AuditRow[]
  /** Cursors for the neighbouring pages, when there are events there. */
  olderThan?: number
  newerThan?: number
}

/**
 * One page, newest first, by keyset on `seq` (stable while events keep arriving, and as fast on page
 * 2 000 as on page 1). `before` walks to older events, `after` back to newer ones.
 */
export async function listAuditEvents(db: Db, f: AuditFilter, cursor: { before?: number; after?: number } = {}, limit = PAGE_SIZE): Promise<AuditPage> {
  const e = auditEvents
  if (cursor.after !== undefined) {
    const rows = await db
      .select(listColumns)
      .from(e)
      .where(and(conditions(f), gt(e.seq, cursor.after)))
      .orderBy(asc(e.seq))
      .limit(limit + 1)
    const more = rows.length > limit
    const page = rows.slice(0, limit).reverse()
    return { rows: page, newerThan: more ? page[0]?.seq : undefined, olderThan: page.length ? page[page.length - 1].seq : cursor.after + 1 }
  }
  const rows = await db
    .select(listColumns)
    .from(e)
    .where(and(conditions(f), cursor.before !== undefined ? lt(e.seq, cursor.before) : undefined))
    .orderBy(desc(e.seq))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return {
    rows: page,
    olderThan: rows.length > limit ? page[page.length - 1].seq : undefined,
    newerThan: cursor.before !== undefined ? (page[0]?.seq ?? cursor.before - 1) : undefined,
  }
}

/** A batch for the export, with before/after and hashes, newest first below `before`. */
export async function exportBatch(db: Db, f: AuditFilter, before: number | undefined, limit: number): Promise<AuditEventFull[]> {
  const e = auditEvents
  return db
    .select(fullColumns)
    .from(e)
    .where(and(conditions(f), before !== undefined ? lt(e.seq, before) : undefined))
    .orderBy(desc(e.seq))
    .limit(limit)
}

export async function findAuditEvent(db: Db, seq: number): Promise<AuditEventFull | undefined> {
  const [row] = await db.select(fullColumns).from(auditEvents).where(eq(auditEvents.seq, seq))
  return row
}

/**
 * Distinct values of an indexed leading column without reading the whole table: a "loose index
 * scan" that jumps from one value to the next through the index (PostgreSQL has no skip scan before 18).
 */
async function distinctIndexed(db: Db, column: 'action' | 'entity_type'): Promise<string[]> {
  const c = sql.identifier(column)
  const rows = await queryRows<{ v: string }>(
    db,
    sql`with recursive d(v) as (
          (select ${c} from audit_events order by ${c} limit 1)
          union all
          select (select ${c} from audit_events where ${c} > d.v order by ${c} limit 1) from d where d.v is not null
        )
        select v from d where v is not null`,
  )
  return rows.map((r) => r.v)
}

/** Action codes present in the trail (uses audit_events_action_idx). */
export const distinctActions = (db: Db) => distinctIndexed(db, 'action')

/** Entity types present in the trail (uses audit_events_entity_idx). */
export const distinctEntityTypes = (db: Db) => distinctIndexed(db, 'entity_type')
