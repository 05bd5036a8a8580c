import { inArray } from 'drizzle-orm'
import type { Deps } from '../../platform/deps.ts'
import { municipalModels } from './municipal-models.tables.ts'

/** A municipality's samordningsfunktion as its model names it (Lag 2023:196; prop. 2022/23:43). */
export interface CoordinationFact {
  organisationId: string
  role: string | null
  person: string | null
  since: string | null
}

export async function coordinationFacts(deps: Deps, organisationIds: readonly string[]): Promise<CoordinationFact[]> {
  if (organisationIds.length === 0) return []
  return deps.db
    .select({
      organisationId: municipalModels.organisationId,
      role: municipalModels.coordinationRole,
      person: municipalModels.coordinationPerson,
      since: municipalModels.coordinationSince,
    })
    .from(municipalModels)
    .where(inArray(municipalModels.organisationId, [...organisationIds]))
}
