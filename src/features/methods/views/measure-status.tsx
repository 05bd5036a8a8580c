import { formatNumber } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MeasureSummary } from '../../plans/index.ts'

// The follow-up's colours, as the plans' pages show them (plans/views/parts.tsx).
const ENTRY_COLOUR = { not_started: 'grey', on_track: 'green', at_risk: 'yellow', deviation: 'red', done: 'green' } as const

export function LatestStatus({ m }: { m: MeasureSummary }) {
  const { t } = usePage()
  if (!m.latestStatus) return <>{t('methods.page.notFollowedUp')}</>
  return (
    <>
      <StatusTag status={ENTRY_COLOUR[m.latestStatus]} label={t(`followUp.status.${m.latestStatus}`)} />{' '}
      {m.latestPeriodName ? t(m.latestPeriodName.key, m.latestPeriodName.params) : m.latestPeriodKey}
    </>
  )
}

/** "How it went": what the latest entry says happened and what it delivered. */
export function HowItWent({ m }: { m: MeasureSummary }) {
  const { t, locale } = usePage()
  if (!m.latestStatus) return <>–</>
  const output = m.latestOutputValue === null ? '' : `${formatNumber(m.latestOutputValue, locale)} ${m.latestOutputUnit ?? ''}`.trim()
  return (
    <>
      {m.latestNarrative || '–'}
      {output && <span class="body-s"> ({t('methods.others.output', { output })})</span>}
    </>
  )
}
