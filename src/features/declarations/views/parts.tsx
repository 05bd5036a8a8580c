import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatNumber } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import type { Option } from '../../../platform/views/form-controls.tsx'
import type { Crumb } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { SIGNATURE_STATUSES, type SignatureStatus } from '../declarations.tables.ts'
import { STATUS_COLOUR } from '../signatures.workflow.ts'

/** A record's status as a coloured tag with its word; a party without a record is "not invited". */
export function SignatureStatusTag({ status }: { status: SignatureStatus | null }) {
  const { t } = usePage()
  if (!status) return <StatusTag status="grey" label={t('declarations.status.none')} />
  return <StatusTag status={STATUS_COLOUR[status]} label={t(`declarations.status.${status}`)} />
}

export const statusOptions = (t: Translate): Option[] => SIGNATURE_STATUSES.map((s) => ({ value: s, label: t(`declarations.status.${s}`) }))

export const KIND_VALUES = ['municipality', 'county_board', 'police', 'region', 'state_agency', 'municipal_federation', 'university', 'other'] as const
export const kindOptions = (t: Translate): Option[] => KIND_VALUES.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))

/** Breadcrumbs from the collaboration down: every page of this feature hangs off one collaboration. */
export function collaborationCrumbs(t: Translate, c: { id: string; name: string }, ...rest: Crumb[]): Crumb[] {
  return [{ href: '/', label: t('platform.nav.home') }, { href: `/collaborations/${c.id}`, label: c.name }, ...rest]
}

/** Plain text as paragraphs (blank lines separate them); preact escapes every string. */
export function TextBlocks({ text }: { text: string }) {
  const blocks = text
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
  return (
    <>
      {blocks.map((b) => (
        <p class="body">
          {b.split('\n').map((line, i) => (
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

/** "beslut.pdf (PDF, 1,2 MB)" */
export function FileLabel({ name, size, contentType }: { name: string; size: number | null; contentType?: string }) {
  const { locale } = usePage()
  const kind = contentType?.includes('pdf') || name.toLowerCase().endsWith('.pdf') ? 'PDF' : 'DOCX'
  const mb =
    size === null
      ? ''
      : `, ${size < 100_000 ? `${formatNumber(Math.max(1, Math.round(size / 1024)), locale)} kB` : `${formatNumber(size / 1024 / 1024, locale, 1)} MB`}`
  return (
    <>
      {name} ({kind}
      {mb})
    </>
  )
}
