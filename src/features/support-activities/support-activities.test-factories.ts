import type { Deps } from '../../platform/deps.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import type { SupportActivity } from './support-activities.repo.ts'
import { supportActivities } from './support-activities.tables.ts'

async function orgId(deps: Deps, code: string): Promise<string> {
  const o = await findOrganisationByCode(deps.db, code)
  if (!o) throw new Error(`No organisation ${code}`)
  return o.id
}

/** An activity of Länsstyrelsen Östergötland (default: advice for Linköping, 2025-03-12, 90 minutes, 4 participants). */
export async function buildSupportActivity(
  deps: Deps,
  over: Partial<typeof supportActivities.$inferInsert> & { boardCode?: string; municipalityCode?: string | null } = {},
): Promise<SupportActivity> {
  const { boardCode = 'lansstyrelsen-05', municipalityCode = 'kommun-0580', ...values } = over
  const [row] = await deps.db
    .insert(supportActivities)
    .values({
      organisationId: await orgId(deps, boardCode),
      municipalityId: municipalityCode === null ? null : await orgId(deps, municipalityCode),
      kind: 'advice',
      heldOn: '2025-03-12',
      title: 'Rådgivning om lägesbilden',
      minutes: 90,
      participants: 4,
      ...values,
    })
    .returning()
  return row
}
