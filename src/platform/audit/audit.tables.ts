import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only, hash-chained audit trail. `payload` is the canonical JSON (RFC 8785) that was hashed:
 * jsonb reorders keys, so verification works from this text, and checks that the columns agree with it.
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_events_action_idx').on(t.action, t.seq),
    index('audit_events_occurred_idx').on(t.occurredAt),
  ],
)
