import type { Translate } from '../../../platform/i18n/i18n.ts'
import type { Crumb } from '../../../platform/views/layout.tsx'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SeatStatus } from '../seats.service.ts'

/** The first value of a re-rendered form field. */
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export type FormValues = Record<string, string | string[]>

const STATUS_COLOUR = { current: 'green', ended: 'grey', upcoming: 'yellow' } as const

export function SeatStatusTag({ status }: { status: SeatStatus }) {
  const { t } = usePage()
  return <StatusTag status={STATUS_COLOUR[status]} label={t(`seats.status.${status}`)} />
}

/** 2024-01-01 – 2025-06-30, or 2024-01-01 – tills vidare. */
export const period = (t: Translate, from: string, to: string | null) => `${from} – ${to ?? t('seats.openEnded')}`

/** Home › Samverkan › <body> › … (the collaboration and body pages belong to the bodies feature). */
export function bodyCrumbs(t: Translate, body: { id: string; name: string; collaborationId: string }): Crumb[] {
  return [
    { href: '/', label: t('seats.crumbs.home') },
    { href: `/collaborations/${body.collaborationId}`, label: t('seats.crumbs.collaboration') },
    { href: `/bodies/${body.id}`, label: body.name },
  ]
}
