import type { Deps } from '../../platform/deps.ts'
import { deleteExpiredSessions, deleteOldFailures } from './accounts.repo.ts'
import { IDLE_TIMEOUT_MS, THROTTLE_WINDOW_MS } from './sessions.service.ts'

/** Hourly housekeeping: expired sessions and old failed-login records are of no further use. */
export function sessionCleanupJob(deps: Deps) {
  deps.jobs.define('accounts.cleanup', async () => {
    await deleteExpiredSessions(deps.db, new Date(Date.now() - IDLE_TIMEOUT_MS))
    await deleteOldFailures(deps.db, new Date(Date.now() - 2 * THROTTLE_WINDOW_MS))
  })
  deps.jobs.every('accounts.cleanup', '17 * * * *')
}
