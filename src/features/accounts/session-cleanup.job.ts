import type { Deps } from '../../platform/deps.ts'
import { deleteExpiredSessions } from './accounts.repo.ts'
import { deleteStaleThrottles } from './login-throttle.repo.ts'
import { IDLE_TIMEOUT_MS } from './sessions.service.ts'

/** Hourly housekeeping: expired sessions and login counters untouched for a day are of no further use. */
export function sessionCleanupJob(deps: Deps) {
  deps.jobs.define('accounts.cleanup', async () => {
    await deleteExpiredSessions(deps.db, new Date(Date.now() - IDLE_TIMEOUT_MS))
    await deleteStaleThrottles(deps.db, new Date(Date.now() - 24 * 3600 * 1000))
  })
  deps.jobs.every('accounts.cleanup', '17 * * * *')
}
