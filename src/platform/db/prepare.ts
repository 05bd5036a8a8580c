import { loadDemoData } from '../../../db/seed/demo.ts'
import { loadIndicatorReference } from '../../../db/seed/indicators.ts'
import { loadOtmb } from '../../../db/seed/otmb.ts'
import { loadReferenceData } from '../../../db/seed/reference.ts'
import type { Deps } from '../deps.ts'
import { migrate } from './migrator.ts'

/** What every start does before serving: migrations, reference data (with ÖTMB), and demo data in demo mode. */
export async function prepareDatabase(deps: Deps): Promise<{ migrations: string[]; demoAccounts: number }> {
  const migrations = await migrate(deps.database)
  await loadReferenceData(deps.db)
  await loadIndicatorReference(deps.db)
  // ÖTMB, the collaboration the platform was built for; its example working groups only in demo mode.
  await loadOtmb(deps)
  const demoAccounts = deps.config.demo ? await loadDemoData(deps) : 0
  return { migrations, demoAccounts }
}
