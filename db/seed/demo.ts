import type { Deps } from '../../src/platform/deps.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PASSWORD_HASH, createUser, findUserByEmail } from '../../src/features/accounts/index.ts'
import { EmailTaken } from '../../src/features/accounts/accounts.errors.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { loadDemoAdoption } from './demo-adoption.ts'
import { loadDemoIndicators } from './demo-indicators.ts'
import { loadDemoPeople } from './demo-people.ts'
import { loadDemoMeetings } from './demo-meetings.ts'
import { loadDemoMethods } from './demo-methods.ts'
import { loadDemoPlans } from './demo-plans.ts'
import { loadDemoSituationReports } from './demo-situation-reports.ts'
import { loadDemoSupportActivities } from './demo-support-activities.ts'
import { loadDemoStructure } from './demo-structure.ts'
import { loadDemoSurveys } from './demo-surveys.ts'
import { loadDemoYearlyReports } from './demo-yearly-reports.ts'
import { loadDemoWorkProcess } from './demo-work-process.ts'

/**
 * Demo accounts, one per role (demo mode only). Idempotent: an account that exists is left as it
 * is, so a demo user's changed password survives a restart.
 */
export async function loadDemoData(deps: Deps, opts: { story?: boolean } = {}): Promise<number> {
  let created = 0
  for (const spec of DEMO_ACCOUNTS) {
    if (await findUserByEmail(deps.db, spec.email)) continue
    const org = await findOrganisationByCode(deps.db, spec.organisationCode)
    if (!org) throw new Error(`Demo data needs organisation ${spec.organisationCode}; load the reference data first`)
    try {
      await createUser(
        deps,
        { label: 'system:demo' },
        {
          email: spec.email,
          name: spec.name,
          organisationId: org.id,
          role: spec.role,
          password: DEMO_PASSWORD,
          passwordHash: DEMO_PASSWORD_HASH,
          mustChangePassword: false,
        },
      )
      created++
    } catch (err) {
      // Two instances starting together both seed; the slower one finds the account already made.
      if (!(err instanceof EmailTaken)) throw err
    }
  }
  if (opts.story ?? deps.config.demoStory) created += await loadDemoStory(deps)
  return created
}

/**
 * ÖTMB as it could look today (issue 6 F19): signatures, people in seats, and each feature's own
 * example history, in dependency order. Each part is idempotent.
 */
export async function loadDemoStory(deps: Deps): Promise<number> {
  let written = await loadDemoPeople(deps)
  written += await loadDemoStructure(deps)
  written += await loadDemoMeetings(deps)
  written += (await loadDemoAdoption(deps))?.written ?? 0
  written += await loadDemoPlans(deps)
  written += await loadDemoIndicators(deps)
  written += await loadDemoSurveys(deps)
  written += await loadDemoSituationReports(deps)
  written += await loadDemoMethods(deps)
  written += await loadDemoWorkProcess(deps)
  written += await loadDemoSupportActivities(deps)
  // Last: the yearly reports draw their figures from everything above.
  written += await loadDemoYearlyReports(deps)
  return written
}
