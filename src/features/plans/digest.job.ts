import type { Deps } from '../../platform/deps.ts'
import type { JobLogger } from '../../platform/jobs/jobs.ts'
import { sendDigests } from './digest.service.ts'

export const DIGEST_JOB = 'follow-up.digest'

/**
 * The daily follow-up digest every morning at 07:00 Swedish time. In demo mode it also runs when the
 * queue starts, so the outbox shows the demo accounts' digests at once (at most one a day still holds).
 */
export function digestJob(deps: Deps, log?: JobLogger) {
  deps.jobs.define(
    DIGEST_JOB,
    async () => {
      const run = await sendDigests(deps, { log })
      log?.info({ ...run }, 'follow-up digest')
    },
    // A run that fails for some users is retried within the morning; those already sent are skipped.
    { retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 3600 },
  )
  deps.jobs.every(DIGEST_JOB, '0 7 * * *')
  if (deps.config.demo) deps.jobs.queueAtStart(DIGEST_JOB)
}
