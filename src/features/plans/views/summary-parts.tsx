import { formatDateTime, formatNumber } from '../../../platform/i18n/format.ts'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { Summary } from '../follow-up.repo.ts'
import type { SummaryItem } from '../follow-up.tables.ts'
import { periodByKey } from '../periods.ts'
import type { PlanItem } from '../plans.repo.ts'
import { EntryStatusTag, usePeriodName } from './parts.tsx'

/** How a row names its item: "Polisen lovar att …" for a promise, "Åtgärd 2: …" for the others. */
export const itemName = (t: Translate, item: PlanItem | undefined) =>
  !item
    ? t('plans.summaries.removedItem')
    : item.kind === 'promise'
      ? t(`plans.promisor.${item.promisor ?? 'joint'}`, { title: item.title })
      : t(`plans.itemLabel.${item.kind}`, { n: item.position, title: item.title })

/** "11 riktade insatser", or a dash. */
export function outputText(row: Pick<SummaryItem, 'outputValue' | 'outputUnit'>, num: (n: number) => string) {
  return row.outputValue === null ? '–' : `${num(row.outputValue)} ${row.outputUnit ?? ''}`.trim()
}

/** The name of a summary's period ("T3 2026 (sep–dec)"). */
export function useSummaryPeriodName() {
  const name = usePeriodName()
  return (s: Pick<Summary, 'periodKey'>) => {
    const p = periodByKey(s.periodKey)
    return p ? name(p) : s.periodKey
  }
}

/** "Version 2, publicerad 2026-09-12 14:03 av Lina Linköping" or "Version 1, utkast". */
export function useRevisionText() {
  const { t, locale } = usePage()
  return (summary: Summary) =>
    summary.status === 'published' && summary.publishedAt
      ? t('plans.summaries.publishedLine', { revision: summary.revision, at: formatDateTime(summary.publishedAt, locale), by: summary.publishedBy ?? '–' })
      : t('plans.summaries.draftLine', { revision: summary.revision })
}

/** A summary as read: the introduction, then each item's status, what was done and the output. */
export function SummaryBody({ summary, items, headingLevel = 3 }: { summary: Summary; items: Map<string, PlanItem>; headingLevel?: 3 | 4 }) {
  const { t, locale } = usePage()
  const num = (n: number) => formatNumber(n, locale)
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <div class="summary-body">
      {summary.introduction && <Paragraphs text={summary.introduction} />}
      {summary.items.length === 0 ? (
        <p class="body-s">{t('plans.summaries.noRows')}</p>
      ) : (
        summary.items.map((row) => (
          <div class="summary-row">
            <Heading class="heading-s">{itemName(t, items.get(row.itemId))}</Heading>
            <p class="body-s">
              {row.status ? <EntryStatusTag status={row.status} /> : t('plans.summaries.noStatus')}
              {' · '}
              {t('plans.summaries.outputLine', { output: outputText(row, num) })}
            </p>
            {row.text && <Paragraphs text={row.text} class="body-s" />}
          </div>
        ))
      )}
    </div>
  )
}
