import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { createMailJob } from './mail.job.ts'
import { outboxCleanupJob } from './outbox.job.ts'
import { outboxRoutes } from './outbox.routes.tsx'

export { MAIL_JOB, MailMessage, type MailOutcome, mailOutcome, sendMail } from './mail.job.ts'

/**
 * Outgoing e-mail as a background job (`sendMail(deps, message)`), retried while the SMTP server is
 * away; without SMTP_URL the messages are kept in the administrator's outbox (/admin/outbox).
 */
export async function mail(app: FastifyInstance, { deps }: { deps: Deps }) {
  createMailJob(deps, { log: app.log })
  outboxCleanupJob(deps)
  if (!deps.config.smtpUrl && deps.config.databaseUrl) {
    // A server installation without SMTP is most likely a mistake: say so once at start.
    app.log.warn('SMTP_URL is not set: e-mail is kept in the outbox (/admin/outbox) instead of being sent')
  }
  deps.nav.add({
    href: '/admin/outbox',
    labelKey: 'mailOutbox.nav',
    descriptionKey: 'mailOutbox.navDescription',
    order: 87,
    visible: (a) => a?.via === 'session' && deps.policies.get('system.admin')!(a, undefined as any),
  })
  outboxRoutes(app, deps)
}
