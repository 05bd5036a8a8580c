import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export { ConfirmForm, Paragraphs } from '../../../platform/views/text-blocks.tsx'

export const collaborationsCrumbs = (t: Translate) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/collaborations', label: t('collaborations.title') },
]

export const period = (start: string, end: string) => `${formatIsoDate(start)} – ${formatIsoDate(end)}`

export function ConvenorTag() {
  const { t } = usePage()
  return <StatusTag status="green" label={t('collaborations.parties.convenor')} />
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
