import type { ComponentChildren } from 'preact'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export const collaborationsCrumbs = (t: Translate) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/collaborations', label: t('collaborations.title') },
]

export const period = (start: string, end: string) => `${formatIsoDate(start)} – ${formatIsoDate(end)}`

/** Free text typed with blank lines between paragraphs, shown as paragraphs (escaped like all text). */
export function Paragraphs({ text, class: cls = 'body' }: { text: string; class?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <>
      {parts.map((p) => (
        <p class={cls}>{p}</p>
      ))}
    </>
  )
}

export function ConvenorTag() {
  const { t } = usePage()
  return <StatusTag status="green" label={t('collaborations.parties.convenor')} />
}

/** A POST with only hidden fields and a button; app.js asks for confirmation first when it runs. */
export function ConfirmForm({ action, confirm, children }: { action: string; confirm: string; children: ComponentChildren }) {
  const { csrfToken } = usePage()
  return (
    <form method="post" action={action} data-confirm={confirm} class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  )
}

const SIGNING_COLOUR: Record<string, 'green' | 'yellow' | 'red' | 'grey'> = {
  invited: 'grey',
  in_preparation: 'yellow',
  decided: 'yellow',
  signed: 'green',
  declined: 'red',
  withdrawn: 'red',
}

export function SigningTag({ status }: { status?: string }) {
  const { t } = usePage()
  if (!status) return <StatusTag status="grey" label={t('collaborations.signing.none')} />
  return <StatusTag status={SIGNING_COLOUR[status] ?? 'grey'} label={t(`collaborations.signing.status.${status}`)} />
}
