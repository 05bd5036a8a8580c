import { findOrganisationByCode } from '../features/organisations/index.ts'
import type { Deps } from '../platform/deps.ts'

/** The first row a query returns (an insert … returning of one row). */
export const one = async <T>(rows: Promise<T[]>): Promise<T> => (await rows)[0]

export async function orgId(deps: Deps, code: string): Promise<string> {
  const o = await findOrganisationByCode(deps.db, code)
  if (!o) throw new Error(`No organisation ${code}`)
  return o.id
}
