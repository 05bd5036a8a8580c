import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { queryRows } from '../platform/db/query-rows.ts'
import type { Deps } from '../platform/deps.ts'

/**
 * Where a route parameter's records live, by the parameter's name (and, for the ambiguous `id` and
 * `itemId`, by the path before it). Used to fill a route's path with a real record when there is one.
 */
function tableFor(url: string, param: string): string | undefined {
  const before = url.slice(0, url.indexOf(`:${param}`))
  if (param === 'id') {
    if (before.endsWith('/users/')) return 'users'
    if (before.endsWith('/api-tokens/')) return 'api_tokens'
    if (before.endsWith('/organisations/')) return 'organisations'
    if (before.endsWith('/signatures/')) return 'party_signatures'
    if (before.endsWith('/collaborations/')) return 'collaborations'
    return undefined
  }
  if (param === 'itemId')
    return before.startsWith('/plan-items/') || before.startsWith('/api/v1/plan-items/')
      ? 'plan_items'
      : before.includes('/agenda/')
        ? 'agenda_items'
        : 'action_items'
  const byName: Record<string, string> = {
    grantId: 'role_grants',
    bodyId: 'bodies',
    convenorId: 'body_convenors',
    partyId: 'organisations',
    seatId: 'seats',
    personId: 'people',
    signatureId: 'party_signatures',
    versionId: 'declaration_versions',
    ruleId: 'compliance_rules',
    meetingId: 'meetings',
    decisionId: 'meeting_decisions',
    entryId: 'meeting_distribution',
    fileId: 'files',
    userId: 'users',
    collaborationId: 'collaborations',
    planId: 'plans',
    reportId: 'situation_reports',
    surveyId: 'surveys',
    measureId: 'plan_items',
    taskId: 'background_tasks',
  }
  return byName[param]
}

/**
 * The route's path with every parameter filled: a real record's id where the table has one (so a
 * refusal is proven to come before any record is touched), a random UUID otherwise; `:seq` gets 1,
 * `*` a real static file, and other named parameters a plausible value.
 */
export async function fillRoute(deps: Deps, url: string): Promise<string> {
  let out = url.replace('*', 'css/app.css')
  for (const [, param] of url.matchAll(/:(\w+)/g)) {
    let value: string
    if (param === 'seq') value = '1'
    else if (param === 'code') value = 'otmb'
    else if (param === 'mac') value = 'x'
    else if (param === 'municipalityCode') value = '0580'
    else if (param === 'countyCode') value = '05'
    else if (param === 'sectionKey') value = 'law'
    else if (param === 'questionKey') value = 'trygg_kvall'
    // A month that has begun for any plan running from last January (plans.test-factories.ts).
    else if (param === 'periodKey') value = new Date(Date.now() - 32 * 86400000).toISOString().slice(0, 7)
    else {
      const table = tableFor(url, param)
      const [row] = table ? await queryRows<{ id: string }>(deps.db, sql.raw(`select id::text as id from ${table} limit 1`)) : []
      value = row?.id ?? randomUUID()
    }
    out = out.replace(`:${param}`, value)
  }
  return out
}

export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function auditCount(deps: Deps): Promise<number> {
  const [row] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from audit_events`)
  return row.n
}
