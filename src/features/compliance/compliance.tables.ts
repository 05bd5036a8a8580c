import { sql } from 'drizzle-orm'
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { collaborations } from '../collaborations/collaborations.tables.ts'

export const RULE_KINDS = ['working_group_official', 'steering_chief', 'steering_attendance'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/** Commitments configured per collaboration, evaluated live from seats and attendance. */
export const complianceRules = pgTable(
  'compliance_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    kind: text('kind').$type<RuleKind>().notNull(),
    /** e.g. { "thresholdPercent": 50, "months": 12 } for attendance. */
    params: jsonb('params').$type<Record<string, number>>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('compliance_rules_key').on(t.collaborationId, t.kind),
    check('compliance_rules_kind_check', sql`${t.kind} in ('working_group_official','steering_chief','steering_attendance')`),
  ],
)
