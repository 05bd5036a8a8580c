import { asc, gt } from 'drizzle-orm'
import type { Db } from '../db/types.ts'
import { auditEvents } from './audit.tables.ts'
import { GENESIS_HASH, canonicalEvent } from './audit.ts'
import { sha256 } from '../http/signing.ts'

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; seq: number; reason: string }

/**
 * Walks the whole chain in order. A row breaks the chain if its prev_hash is not the previous row's
 * hash, its hash is not sha256(prev_hash + payload), or its columns say something its payload does not.
 */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH
  let afterSeq = 0
  let count = 0
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(batchSize)
    if (rows.length === 0) return { ok: true, count }
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, count, seq: r.seq, reason: 'prev_hash does not match the previous event' }
      if (sha256(r.prevHash + r.payload) !== r.hash) return { ok: false, count, seq: r.seq, reason: 'hash does not match the payload' }
      const hashed = JSON.parse(r.payload) as { occurredAt: string }
      if (Date.parse(r.occurredAt) !== Date.parse(hashed.occurredAt))
        return { ok: false, count, seq: r.seq, reason: 'occurred_at differs from the hashed payload' }
      const fromColumns = canonicalEvent({
        actor: { id: r.actorUserId, label: r.actorLabel },
        organisationId: r.organisationId,
        action: r.action,
        entity: { type: r.entityType, id: r.entityId },
        before: r.before,
        after: r.after,
        occurredAt: hashed.occurredAt,
        requestId: r.requestId,
      })
      if (fromColumns !== r.payload) return { ok: false, count, seq: r.seq, reason: 'columns differ from the hashed payload' }
      prev = r.hash
      afterSeq = r.seq
      count++
    }
  }
}
