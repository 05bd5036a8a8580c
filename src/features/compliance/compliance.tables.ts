import { sql } from 'drizzle-orm'
import { boolean, check, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { collaborations } from '../collaborations/collaborations.tables.ts'

export const RULE_KINDS = ['working_group_official', 'steering_chief', 'steering_attendance'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/**
 * When an unmet commitment turns red: at the period's end ("under perioden"), a number of months
 * after the party signed (a deadline the coordinator sets), or at once from the signature.
 */
export const DEADLINE_MODES = ['period_end', 'months_after_signature', 'immediate'] as const
export type DeadlineMode = (typeof DEADLINE_MODES)[number]

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
    /** organisations.kind values the rule applies to; empty = every party. */
    partyKinds: text('party_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The commitment begins at the party's signature, or this date if it is later. */
    appliesFrom: date('applies_from'),
    deadlineMode: text('deadline_mode').$type<DeadlineMode>().notNull().default('period_end'),
    deadlineMonths: integer('deadline_months'),
    /** The sentence of the programme declaration the rule rests on, quoted; null for a local rule. */
    sourceQuote: text('source_quote'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('compliance_rules_key').on(t.collaborationId, t.kind),
    check('compliance_rules_kind_check', sql`${t.kind} in ('working_group_official','steering_chief','steering_attendance')`),
    check('compliance_rules_deadline_mode_check', sql`${t.deadlineMode} in ('period_end','months_after_signature','immediate')`),
    check(
      'compliance_rules_deadline_months_check',
      sql`(${t.deadlineMode} = 'months_after_signature') = (${t.deadlineMonths} is not null) and (${t.deadlineMonths} is null or ${t.deadlineMonths} between 1 and 120)`,
    ),
  ],
)
