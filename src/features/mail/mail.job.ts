import type Mail from 'nodemailer/lib/mailer'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import type { Db } from '../../platform/db/types.ts'
import type { JobLogger } from '../../platform/jobs/jobs.ts'
import { insertOutboxMessage } from './outbox.repo.ts'

export const MAIL_JOB = 'mail.send'

/**
 * One message to one recipient: a job per recipient means a retry after one bad address never sends
 * the same message again to everyone else. `ics` is an iCalendar text sent as a calendar invitation.
 */
export const MailMessage = z.object({
  to: z.email(),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1),
  ics: z.string().min(1).optional(),
})
export type MailMessage = z.infer<typeof MailMessage>

/** The one thing the job needs from a nodemailer transporter; tests hand in a recording fake. */
export interface MailTransport {
  sendMail(message: Mail.Options): Promise<unknown>
}

export interface MailJobOptions {
  /** Builds the transport once, on first use (default: SMTP_URL, or JSON output when it is not set). */
  transport?: () => MailTransport
  log?: JobLogger
}

/**
 * What became of a message, as the user must be told it: on its way to a mail server, only written
 * to the log (no SMTP_URL: nothing leaves the machine), or not queued at all (no job queue).
 */
export type MailOutcome = 'queued' | 'logged' | 'not_queued'

export function mailOutcome(deps: Pick<Deps, 'config'>, queued: boolean): MailOutcome {
  if (!queued) return 'not_queued'
  return deps.config.smtpUrl ? 'queued' : 'logged'
}

/**
 * Enqueue a message; it is validated here too, so a caller's mistake surfaces at the caller. With
 * `within` (a transaction) the message is queued only if that transaction commits.
 */
export async function sendMail(deps: Pick<Deps, 'jobs'>, message: MailMessage, options: { within?: Db } = {}): Promise<string | null> {
  return deps.jobs.send(MAIL_JOB, MailMessage.parse(message), options.within ? { within: options.within } : {})
}

/** Defines the `mail.send` job: 5 retries starting after 60 s and doubling, for SMTP servers that are briefly away. */
export function createMailJob(deps: Pick<Deps, 'config' | 'jobs' | 'db'>, options: MailJobOptions = {}): void {
  const { config } = deps
  const log = options.log
  let transport: MailTransport | undefined
  const getTransport = () => (transport ??= (options.transport ?? (() => defaultTransport(config.smtpUrl)))())

  deps.jobs.define<unknown>(
    MAIL_JOB,
    async (data, job) => {
      const parsed = MailMessage.safeParse(data)
      // Thrown so pg-boss records the failure; the reason names fields, never the message content.
      if (!parsed.success) throw new Error(`invalid mail.send data: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`)
      const m = parsed.data
      const message: Mail.Options = {
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.ics ? { icalEvent: { filename: 'inbjudan.ics', method: icsMethod(m.ics), content: m.ics } } : {}),
      }
      await getTransport().sendMail(message)
      if (!config.smtpUrl) {
        // Without a mail server the message is kept in the outbox (/admin/outbox) and visible in the log.
        await insertOutboxMessage(deps.db, { toAddress: m.to, subject: m.subject, text: m.text, ics: m.ics, jobId: job.id })
        log?.info({ jobId: job.id, to: m.to, subject: m.subject, text: m.text, ics: m.ics !== undefined }, 'mail not sent: SMTP_URL is not set')
      }
    },
    { retryLimit: 5, retryDelaySeconds: 60 },
  )
}

/** nodemailer is loaded with the first message, not at start (it is a tenth of a second of a cold start). */
function defaultTransport(smtpUrl: string | undefined): MailTransport {
  const made = import('nodemailer').then(({ default: nodemailer }) =>
    smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true }),
  )
  return { sendMail: async (message) => (await made).sendMail(message) }
}

/** The calendar METHOD must match the text/calendar part's method parameter, or clients ignore the invite. */
function icsMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\s*$/im.exec(ics)?.[1]?.toUpperCase() ?? 'PUBLISH'
}
