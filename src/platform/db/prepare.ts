import { loadDemoData } from '../../../db/seed/demo.ts'
import { loadReferenceData } from '../../../db/seed/reference.ts'
import type { Deps } from '../deps.ts'
import { migrate } from './migrator.ts'

/** What every start does before serving: migrations, reference data, and demo data in demo mode. */
export async function prepareDatabase(deps: Deps): Promise<{ migrations: string[]; demoAccounts: number }> {
  const migrations = await migrate(deps.database)
  await loadReferenceData(deps.db)
  const demoAccounts = deps.config.demo ? await loadDemoData(deps) : 0
  return { migrations, demoAccounts }
}
