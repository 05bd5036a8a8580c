import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { createMailJob } from './mail.job.ts'

export { MAIL_JOB, MailMessage, type MailOutcome, mailOutcome, sendMail } from './mail.job.ts'

/** Outgoing e-mail as a background job (`sendMail(deps, message)`), retried while the SMTP server is away. */
export async function mail(app: FastifyInstance, { deps }: { deps: Deps }) {
  createMailJob(deps, { log: app.log })
  if (!deps.config.smtpUrl && deps.config.databaseUrl) {
    // A server installation without SMTP is most likely a mistake: say so once at start.
    app.log.warn('SMTP_URL is not set: e-mail is written to the log instead of being sent')
  }
}
