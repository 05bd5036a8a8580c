import canonicalize from 'canonicalize'
import { desc, sql } from 'drizzle-orm'
import type { Actor } from '../http/actor.ts'
import { sha256 } from '../http/signing.ts'
import type { Db } from '../db/types.ts'
import { auditEvents } from './audit.tables.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  /** Dotted verb, e.g. `user.invited`, `role.granted`. */
  action: string
  entityType: string
  entityId?: string | null
  organisationId?: string | null
  before?: unknown
  after?: unknown
}

/** Who acted and in which request; the system (CLI, seed, jobs) acts under a label. */
export interface AuditContext {
  actor?: Pick<Actor, 'userId' | 'email'> | { label: string }
  requestId?: string
}

interface CanonicalEvent {
  actor: { id: string | null; label: string }
  organisationId: string | null
  action: string
  entity: { type: string; id: string | null }
  before: unknown
  after: unknown
  occurredAt: string
  requestId: string | null
}

/** JSON-safe copy (dates become ISO strings, undefined disappears) so what is hashed is what is stored. */
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)))

export function canonicalEvent(e: CanonicalEvent): string {
  return canonicalize(e) as string
}

/**
 * Appends one event to the hash-chained trail, inside the caller's transaction. The advisory lock is
 * held until commit, so concurrent writers (several instances) append one after the other and the
 * chain never forks. Call it as the last step of the transaction. It relies on READ COMMITTED (the
 * default): under REPEATABLE READ the read of the last hash could miss an event committed meanwhile.
 */
export async function audit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('audit_events_chain'))`)
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1)
  const prevHash = last?.hash ?? GENESIS_HASH
  const actor = ctx.actor && 'userId' in ctx.actor ? { id: ctx.actor.userId, label: ctx.actor.email } : { id: null, label: ctx.actor?.label ?? 'system' }
  const event: CanonicalEvent = {
    actor,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    entity: { type: entry.entityType, id: entry.entityId ?? null },
    before: plain(entry.before),
    after: plain(entry.after),
    occurredAt: new Date().toISOString(),
    requestId: ctx.requestId ?? null,
  }
  const payload = canonicalEvent(event)
  await tx.insert(auditEvents).values({
    occurredAt: event.occurredAt,
    actorUserId: actor.id,
    actorLabel: actor.label,
    organisationId: event.organisationId,
    action: event.action,
    entityType: event.entity.type,
    entityId: event.entity.id,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
    payload,
    prevHash,
    hash: sha256(prevHash + payload),
  })
}
