import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { type Translate, translator } from '../../platform/i18n/i18n.ts'
import type { JobLogger } from '../../platform/jobs/jobs.ts'
import type { TodoItem } from '../../platform/todo/registry.ts'
import { actorForUser } from '../accounts/index.ts'
import { type MailMessage, sendMail } from '../mail/index.ts'
import * as repo from './digest.repo.ts'
import { todayInSweden } from './follow-up.service.ts'
import { followUpTodos } from './follow-up.todos.ts'

/** Who the daily digest's writes are recorded as in the audit trail. */
export const DIGEST_ACTOR = { label: 'system:follow-up-digest' }

export interface DigestRun {
  /** Digests queued in this run. */
  sent: number
  /** Recipients with nothing due or overdue. */
  nothingDue: number
  /** Recipients who already had today's digest (a rerun, or another worker was first). */
  alreadySent: number
  failed: number
}

/**
 * The daily digest (issue 8 §11): for each active user with a reporting role who has not opted out,
 * their follow-up to-dos (the home page's, follow-up.todos.ts) in one e-mail — at most one a day, none
 * when nothing is due or overdue. The day is recorded in the same transaction that queues the mail.
 * One user's failure does not stop the others; the run then fails, so the job is retried, and the
 * retry sends only what is still missing.
 */
export async function sendDigests(deps: Deps, options: { today?: string; log?: JobLogger } = {}): Promise<DigestRun> {
  const today = options.today ?? todayInSweden()
  const t = translator('sv')
  const run: DigestRun = { sent: 0, nothingDue: 0, alreadySent: 0, failed: 0 }
  for (const recipient of await repo.listDigestRecipients(deps.db)) {
    try {
      if (await repo.digestSentOn(deps.db, recipient.id, today)) {
        run.alreadySent++
        continue
      }
      const actor = await actorForUser(deps, recipient.id, 'session')
      const items = actor ? await followUpTodos(deps, actor, today) : []
      if (!actor || items.length === 0) {
        run.nothingDue++
        continue
      }
      const message = composeDigest(t, deps.config.baseUrl, { to: actor.email, name: actor.name, today, items })
      const sent = await deps.db.transaction(async (tx) => {
        if (!(await repo.claimDigestDay(tx, actor.userId, today, items.length))) return false
        await sendMail(deps, message, { within: tx })
        await audit(
          tx,
          { actor: DIGEST_ACTOR },
          {
            action: 'follow_up.digest_sent',
            entityType: 'user',
            entityId: actor.userId,
            organisationId: actor.organisationId,
            after: { day: today, items: items.length },
          },
        )
        return true
      })
      if (sent) run.sent++
      else run.alreadySent++
    } catch (err) {
      run.failed++
      options.log?.error({ userId: recipient.id, err: err instanceof Error ? err.message : String(err) }, 'follow-up digest failed')
    }
  }
  if (run.failed > 0) throw new Error(`follow-up digest failed for ${run.failed} user(s)`)
  return run
}

/** The to-do sentence as the home page shows it (home-page.tsx), in plain text. */
function itemText(t: Translate, i: TodoItem): string {
  const params = { ...i.params }
  for (const name of i.translateParams ?? []) params[name] = t(String(params[name]))
  for (const [name, m] of Object.entries(i.messageParams ?? {})) params[name] = t(m.key, m.params)
  return t(i.textKey, params)
}

/** The digest as plain Swedish text: overdue first, each item with its status and the page where it is done. */
export function composeDigest(t: Translate, baseUrl: string, d: { to: string; name: string; today: string; items: TodoItem[] }): MailMessage {
  const items = [...d.items].sort((a, b) => Number(b.status === 'red') - Number(a.status === 'red') || (a.sortKey ?? '').localeCompare(b.sortKey ?? ''))
  const overdue = items.filter((i) => i.status === 'red').length
  const lines = items.map((i) => `– ${i.statusKey ? `${t(i.statusKey)}: ` : ''}${itemText(t, i)}\n  ${baseUrl}${i.href}`)
  const text = [
    t('plans.digest.greeting', { name: d.name }),
    '',
    [t('plans.digest.intro', { count: items.length, date: d.today }), overdue > 0 ? t('plans.digest.overdue', { overdue }) : '', t('plans.digest.links')]
      .filter(Boolean)
      .join(' '),
    '',
    lines.join('\n\n'),
    '',
    t('plans.digest.home', { url: `${baseUrl}/` }),
    '',
    t('plans.digest.why'),
    t('plans.digest.stop', { url: `${baseUrl}/account/reminders` }),
  ].join('\n')
  return { to: d.to, subject: t('plans.digest.subject', { count: items.length, date: d.today }), text }
}

/** A user's own choice (/account/reminders): no daily digest, or the digest again. Audited when it changes. */
export async function setDigestOptOut(deps: Deps, ctx: Ctx, optedOut: boolean): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await repo.setOptOut(tx, ctx.actor.userId, optedOut))) return
    await audit(tx, ctx, {
      action: optedOut ? 'follow_up.digest_opted_out' : 'follow_up.digest_opted_in',
      entityType: 'user',
      entityId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
    })
  })
}
