import type { Deps } from '../../platform/deps.ts'
import { deleteOutboxOlderThan } from './outbox.repo.ts'

/** How long unsent messages are kept: they hold e-mail addresses (personal data), so not for ever. */
export const OUTBOX_RETENTION_DAYS = 30

/** Nightly housekeeping, like accounts.cleanup: outbox messages older than the retention period go. */
export function outboxCleanupJob(deps: Deps) {
  deps.jobs.define('mail.outbox_cleanup', async () => {
    await deleteOutboxOlderThan(deps.db, new Date(Date.now() - OUTBOX_RETENTION_DAYS * 24 * 3600 * 1000))
  })
  deps.jobs.every('mail.outbox_cleanup', '40 3 * * *')
}
