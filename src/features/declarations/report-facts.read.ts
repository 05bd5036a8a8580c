import { sql } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { SignatureStatus } from './declarations.tables.ts'

export interface SignatureFact {
  organisationId: string
  status: SignatureStatus
  signedOn: string | null
  decisionDate: string | null
  decisionBody: string | null
}

/**
 * Each party's signature of the collaboration's newest declaration version it has a record in, for
 * the yearly report (issue 10 §4). Signatures are what the declaration board shows to every partner.
 */
export async function signatureFacts(deps: Deps, collaborationId: string): Promise<SignatureFact[]> {
  return queryRows<SignatureFact>(
    deps.db,
    sql`select distinct on (ps.organisation_id)
          ps.organisation_id as "organisationId", ps.status, ps.signed_on::text as "signedOn",
          ps.decision_date::text as "decisionDate", ps.decision_body as "decisionBody"
        from party_signatures ps
        join declaration_versions dv on dv.id = ps.declaration_version_id
        where dv.collaboration_id = ${collaborationId}::uuid
        order by ps.organisation_id, dv.version_no desc`,
  )
}
