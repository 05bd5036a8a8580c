import type { ComponentChildren } from 'preact'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import type { Crumb } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Meeting } from '../meetings.repo.ts'
import { stockholmParts } from '../meetings.time.ts'

export type Values = Record<string, string | string[]>
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** "2026-02-02 13:00–15:00", in Swedish time whatever the reader's clock says. */
export function when(m: { startsAt: Date; endsAt: Date }): string {
  const s = stockholmParts(m.startsAt)
  const e = stockholmParts(m.endsAt)
  return s.date === e.date ? `${s.date} ${s.time}–${e.time}` : `${s.date} ${s.time} – ${e.date} ${e.time}`
}

export const meetingCrumbs = (t: Translate, body: { id: string; name: string }, meeting?: Pick<Meeting, 'id' | 'title'>): Crumb[] => [
  { href: '/', label: t('meetings.crumbs.home') },
  { href: `/bodies/${body.id}/meetings`, label: t('meetings.list.crumb', { body: body.name }) },
  ...(meeting ? [{ href: `/meetings/${meeting.id}`, label: meeting.title }] : []),
]

/** Status in words and colour: justerat (approved) outranks the planned/held/cancelled status. */
export function MeetingStatus({ meeting }: { meeting: Pick<Meeting, 'status' | 'minutesApprovedAt'> }) {
  const { t } = usePage()
  if (meeting.minutesApprovedAt) return <StatusTag status="green" label={t('meetings.status.approved')} />
  const colour = meeting.status === 'cancelled' ? 'red' : meeting.status === 'held' ? 'yellow' : 'grey'
  return <StatusTag status={colour} label={t(`meetings.status.${meeting.status}`)} />
}

/** A one-button POST form (move, remove, send): works without JavaScript. */
export function ActionButton({
  action,
  label,
  context,
  fields = {},
  variant = 'link',
}: {
  action: string
  label: string
  context?: string
  fields?: Record<string, string>
  variant?: 'link' | 'secondary' | 'primary' | 'warning'
}) {
  const { csrfToken } = usePage()
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      {Object.entries(fields).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={variant === 'link' ? 'link-button' : `button button--${variant}`}>
        {label}
        {context && <span class="visually-hidden"> {context}</span>}
      </button>
    </form>
  )
}

/** Multi-line text as paragraphs, escaped like every other string. */
export function Paragraphs({ text, empty }: { text: string; empty?: ComponentChildren }) {
  const parts = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return <p class="body">{empty}</p>
  return (
    <>
      {parts.map((p) => (
        <p class="body">
          {p.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  )
}

export const kindOptions = (t: Translate, kinds: readonly string[]) => kinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))
