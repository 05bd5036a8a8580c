import { loadDemoData, loadDemoStory } from '../../../db/seed/demo.ts'
import { loadIndicatorReference } from '../../../db/seed/indicators.ts'
import { loadOtmb } from '../../../db/seed/otmb.ts'
import { loadReferenceData } from '../../../db/seed/reference.ts'
import type { Deps } from '../deps.ts'
import { setDemoStoryLoading } from './demo-story-state.ts'
import { migrate } from './migrator.ts'

/**
 * What every start does before serving: migrations, reference data (with ÖTMB), and demo data in demo mode.
 * `deferStory` leaves the demo's example history (the slowest part of a first start) to
 * `loadDemoStoryInBackground`, which the server runs once it listens.
 */
export async function prepareDatabase(deps: Deps, opts: { deferStory?: boolean } = {}): Promise<{ migrations: string[]; demoAccounts: number }> {
  const migrations = await migrate(deps.database)
  if (!deps.database.referenceDataFromBase) await loadReferenceData(deps.db)
  await loadIndicatorReference(deps.db)
  // ÖTMB, the collaboration the platform was built for; its example working groups only in demo mode.
  await loadOtmb(deps)
  const demoAccounts = deps.config.demo ? await loadDemoData(deps, { story: deps.config.demoStory && !opts.deferStory }) : 0
  return { migrations, demoAccounts }
}

/**
 * The demo's example history, written while the server already answers: a newcomer gets the login page
 * in seconds and the example history fills in behind it (each loader is idempotent and takes its own
 * lock, so a stop half-way is finished by the next start). Resolves when done; never rejects.
 */
export function loadDemoStoryInBackground(
  deps: Deps,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
  /** Begins after this (the server's first response); /readyz says "loading" from the call on. */
  after: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  if (!deps.config.demo || !deps.config.demoStory) return Promise.resolve()
  const started = Date.now()
  setDemoStoryLoading(true)
  return after
    .then(() => loadDemoStory(deps))
    .then((written) => log.info({ written, ms: Date.now() - started }, 'demo example history ready'))
    .catch((err) => log.error({ err }, 'demo example history could not be written'))
    .finally(() => setDemoStoryLoading(false))
}
